// Every form refuses invalid input with a clear message and stores nothing (row counts compared).
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/platform/db.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { signIn } from '../helpers/admin-session.ts';

let t: TestApp;
let agent: Awaited<ReturnType<typeof signIn>>['agent'];
let token: string;
let sourceId: string;

beforeAll(async () => {
  t = await createTestApp({ seed: true });
  ({ agent, token } = await signIn(t.app, t.db, 'editor'));
  sourceId = String((await t.db.source.findFirstOrThrow({ orderBy: { id: 'asc' } })).id);
});
afterAll(async () => t.close());

async function counts(db: Db) {
  return Promise.all([
    db.event.count(),
    db.eventSource.count(),
    db.eventOrganization.count(),
    db.tag.count(),
    db.organization.count(),
    db.subject.count(),
    db.source.count(),
    db.discrepancy.count(),
    db.milestone.count(),
    db.auditLog.count(),
  ]);
}

let before: number[];
beforeEach(async () => {
  before = await counts(t.db);
});
afterEach(async () => {
  expect(await counts(t.db)).toEqual(before);
});

const event = (over: Record<string, unknown> = {}) => ({ _csrf: token, title: 'Bad input test', kind: 'release', date: '2024', sourceId, ...over });
const postEvent = (fields: Record<string, unknown>) => agent.post('/admin/events').type('form').send(fields);

describe('bad input stores nothing', () => {
  it.each([
    ['2024-02-30', /February 2024 has only 29 days/],
    ['Q5 2024', /there is no quarter 5/],
    ['late 2024/early 2024', /comes before the start/],
    ['', /Enter a date, for example 2023-07-18/],
    ['someday', /is not a date we understand\. Use one of: 2023-07-18/],
  ])('when the date is "%s", then the form says why, with the accepted forms', async (date, message) => {
    const res = await postEvent(event({ date })).expect(422);
    expect(res.text).toMatch(message);
  });

  it('when an event names an unknown organization or subject, then both are refused beside their fields', async () => {
    const res = await postEvent(event({ organizations: ['meta', 'acme-corp'], subjects: 'unicorn' })).expect(422);
    expect(res.text).toMatch(/id="field-organizations-error">Unknown organization: “acme-corp”\./);
    expect(res.text).toMatch(/id="field-subjects-error">Unknown subject: “unicorn”\./);
  });

  it.each(['javascript:alert(1)', 'ftp://example.com/x', 'data:text/html,hi', 'example.com'])('when a URL is "%s", then it is refused', async (url) => {
    const res = await agent.post('/admin/sources').type('form').send({ _csrf: token, publisher: 'P', title: 'T', url }).expect(422);
    expect(res.text).toMatch(/id="field-url-error">(Only http:\/\/ and https:\/\/ addresses are accepted|Enter a full web address starting with http:\/\/ or https:\/\/)\./);
    expect(res.text).toContain(`value="${url.replace(/&/g, '&amp;')}"`);
  });

  it('when fields are too long, then each says its limit', async () => {
    const res = await postEvent(event({ title: 'x'.repeat(301), summary: 'y'.repeat(5001) })).expect(422);
    expect(res.text).toContain('Title is too long: at most 300 characters.');
    expect(res.text).toContain('Summary is too long: at most 5000 characters.');
  });

  it('when a slug is taken or malformed, then it is refused beside the field', async () => {
    const taken = await postEvent(event({ slug: 'llama-2-release' })).expect(422);
    expect(taken.text).toContain('This slug is taken: choose another one.');
    const malformed = await postEvent(event({ slug: 'Not A Slug!' })).expect(422);
    expect(malformed.text).toMatch(/id="field-slug-error">A slug uses lower-case letters/);
    const org = await agent.post('/admin/organizations').type('form').send({ _csrf: token, name: 'Meta again', slug: 'meta' }).expect(422);
    expect(org.text).toContain('This slug is taken');
  });

  it('when a field is named title[] or __proto__, or a single field is repeated, then the form refuses it by name', async () => {
    const brackets = await agent.post('/admin/events').type('form').send(`_csrf=${token}&title%5B%5D=x&kind=release&date=2024&sourceId=${sourceId}`).expect(422);
    expect(brackets.text).toContain('This form does not take the field &quot;title[]&quot;.');
    const proto = await agent.post('/admin/organizations').type('form').send(`_csrf=${token}&name=Proto&__proto__=polluted&constructor=x`).expect(422);
    // __proto__ is kept as a plain field (not dropped by the body parser) and named with the others.
    expect(proto.text).toContain('This form does not take the fields &quot;constructor&quot;, &quot;__proto__&quot;.');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const twice = await agent.post('/admin/events').type('form').send(`_csrf=${token}&title=a&title=b&kind=release&date=2024&sourceId=${sourceId}`).expect(422);
    expect(twice.text).toContain('Give the title once, as text.');
  });

  it('when fields the form does not offer (id, status, createdAt) are sent, then they are refused', async () => {
    const res = await agent
      .post('/admin/milestones')
      .type('form')
      .send({ _csrf: token, title: 'Sneaky', kind: 'dated', expectedText: '2030', status: 'resolved', id: '1' })
      .expect(422);
    expect(res.text).toMatch(/This form does not take the fields &quot;(status|id)&quot;, &quot;(status|id)&quot;\./);
  });

  it('when the body is over 100 kB, then the answer is 413 with a clear page, not a 500', async () => {
    const res = await postEvent(event({ summary: 'z'.repeat(120_000) })).expect(413);
    expect(res.text).toContain('What you sent is too large: forms take at most 100 kB');
  });

  it('when text holds control characters, then it is refused', async () => {
    const res = await postEvent(event({ title: 'bell\u0007' })).expect(422);
    expect(res.text).toContain('Title contains control characters or line breaks.');
  });

  it('when an edit or delete names a record that does not exist, then the answer is 404', async () => {
    await agent.get('/admin/events/999999/edit').expect(404);
    await agent.get('/admin/events/abc/edit').expect(404);
    await agent.post('/admin/events/999999').type('form').send(event()).expect(404);
    await agent.post('/admin/events/999999/delete').type('form').send({ _csrf: token }).expect(404);
  });
});

describe('HTML in text fields', () => {
  it('when a title holds HTML and script, then it is stored as text and shown escaped everywhere', async () => {
    const title = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    await postEvent(event({ title, slug: 'html-title' })).expect(303);
    before = await counts(t.db); // this one is meant to be stored
    const row = await t.db.event.findUniqueOrThrow({ where: { slug: 'html-title' } });
    expect(row.title).toBe(title);
    for (const url of ['/admin/events', `/admin/events/${row.id}/edit`, `/admin/events/${row.id}/history`, '/admin/changes', '/admin']) {
      const page = await agent.get(url).expect(200);
      expect(page.text).not.toContain('<script>alert(2)</script>');
      expect(page.text).not.toContain('<img src=x');
      expect(page.text).toContain('&lt;script&gt;alert(2)&lt;/script&gt;');
    }
  });
});
