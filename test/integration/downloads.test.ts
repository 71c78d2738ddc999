// Public downloads (decision 0035), on the run's engine.
import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importWithFacts } from '../../src/features/content/index.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { signIn } from '../helpers/admin-session.ts';
import { testEngine } from '../helpers/db.ts';

let t: TestApp;
let editorEmail: string;
let editor: Awaited<ReturnType<typeof signIn>>;
beforeAll(async () => {
  t = await createTestApp({ seed: true });
  const s = await signIn(t.app, t.db, 'editor');
  editor = s;
  editorEmail = s.user.email;
  // An edit, so that the audit log and a user exist.
  const org = await t.db.organization.findFirstOrThrow({ orderBy: { id: 'asc' } });
  await s.agent.post(`/admin/organizations/${org.id}`).type('form').send({ _csrf: s.token, name: org.name, slug: org.slug, website: org.website ?? '', description: 'Edited for the downloads test.' }).expect(303);
}, 120_000);
afterAll(async () => t.close());

describe(`public downloads (${testEngine()})`, { timeout: 120_000 }, () => {
  it('when /downloads is read, then it lists JSON and a CSV per entity with the licence and the date, and the footer and the API link to it', async () => {
    const page = await request(t.app).get('/downloads').expect(200);
    for (const f of ['timeline.json', 'events.csv', 'organizations.csv', 'milestones.csv', 'timelinejs.json']) expect(page.text).toContain(`/downloads/${f}`);
    expect(page.text).toContain('CC BY 4.0');
    expect(page.text).toMatch(/Data as of <time datetime="\d{4}-\d{2}-\d{2}">/);
    expect((await request(t.app).get('/').expect(200)).text).toContain('href="/downloads"');
    expect((await request(t.app).get('/api').expect(200)).text).toContain('href="/downloads"');
    expect(JSON.stringify((await request(t.app).get('/api/openapi.json').expect(200)).body.info)).toContain('/downloads');
  });

  it('when the JSON is downloaded, then it holds the data with the licence and the date, nothing private, and imports back', async () => {
    const res = await request(t.app).get('/downloads/timeline.json').expect(200).expect('Content-Type', /json/);
    expect(res.headers.link).toContain('rel="license"');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="timeline-\d{4}-\d{2}-\d{2}-timeline\.json"$/);
    const data = JSON.parse(res.text);
    expect(data.licence).toContain('CC BY 4.0');
    expect(data.exportedAt).toMatch(/^\d{4}-/);
    expect(data.events.length).toBe(await t.db.event.count());
    expect(res.text).not.toContain(editorEmail);
    expect(res.text).not.toContain('passwordHash');
    for (const k of ['users', 'auditLog', 'sessions', 'webhooks', 'changes']) expect(data).not.toHaveProperty(k);
    const empty = await createTestApp();
    try {
      const r = await importWithFacts({ db: empty.db, now: empty.clock(), userId: null }, res.text, { format: 'json', dryRun: true });
      expect(r.errors).toEqual([]);
    } finally {
      await empty.close();
    }
  });

  it('when a CSV is downloaded, then it has a header and one row per record; an unknown file is 404', async () => {
    const res = await request(t.app).get('/downloads/events.csv').expect(200).expect('Content-Type', /text\/csv/);
    const rows = parse(res.text) as string[][];
    expect(rows[0]).toContain('title');
    expect(rows.length - 1).toBe(await t.db.event.count());
    expect(res.text).not.toContain(editorEmail);
    const orgs = parse((await request(t.app).get('/downloads/organizations.csv').expect(200)).text) as string[][];
    expect(orgs[0]).toContain('aliases');
    await request(t.app).get('/downloads/users.csv').expect(404);
  });

  it('when an editor changes an event after a download, then the next download holds the change', async () => {
    const before = (await request(t.app).get('/downloads/events.csv').expect(200)).text;
    const event = await t.db.event.findFirstOrThrow({ orderBy: { id: 'asc' }, include: { sources: true, organizations: { include: { organization: true } }, subjects: { include: { subject: true } } } });
    expect(before).not.toContain('Renamed for the downloads test');
    await editor.agent
      .post(`/admin/events/${event.id}`)
      .type('form')
      .send({
        _csrf: editor.token,
        title: 'Renamed for the downloads test',
        slug: event.slug,
        summary: event.summary,
        kind: event.kind,
        confidence: event.confidence,
        date: event.dateText,
        organizations: event.organizations.map((o) => o.organization.slug),
        subjects: event.subjects.map((x) => x.subject.slug),
        tags: '',
        sourceId: event.sources.map((x) => String(x.sourceId)),
        sourceQuote: event.sources.map((x) => x.quote ?? ''),
      })
      .expect(303);
    const after = await request(t.app).get('/downloads/events.csv').expect(200);
    expect(after.text).toContain('Renamed for the downloads test');
    expect((await request(t.app).get('/downloads/timeline.json').expect(200)).text).toContain('Renamed for the downloads test');
  });

  it('when several readers download at once or ask for a range, then each gets the same file, and a range its bytes', async () => {
    const all = await Promise.all(Array.from({ length: 4 }, () => request(t.app).get('/downloads/timeline.json').expect(200)));
    for (const r of all) expect(r.text).toBe(all[0]!.text);
    // The body as text, not parsed: 100 bytes of JSON are not JSON.
    const asText = (res: request.Response, done: (err: Error | null, body: string) => void) => {
      const stream = res as unknown as NodeJS.ReadableStream;
      let body = '';
      stream.setEncoding('utf8');
      stream.on('data', (c: string) => (body += c));
      stream.on('end', () => done(null, body));
    };
    const part = await request(t.app).get('/downloads/timeline.json').set('Range', 'bytes=0-99').buffer(true).parse(asText).expect(206);
    expect(part.body).toBe(all[0]!.text.slice(0, 100));
    expect(part.headers['content-range']).toBe(`bytes 0-99/${Buffer.byteLength(all[0]!.text)}`);
  });

  it('when a client sends back the ETag, then it gets 304 until the content changes', async () => {
    const first = await request(t.app).get('/downloads/events.csv').expect(200);
    const tag = first.headers.etag!;
    expect(tag).toMatch(/^W\/"data-\d+-events\.csv"$/);
    await request(t.app).get('/downloads/events.csv').set('If-None-Match', tag).expect(304);
    await t.db.contentVersion.upsert({ where: { id: 1 }, create: { id: 1, version: 1 }, update: { version: { increment: 1 } } });
    const after = await request(t.app).get('/downloads/events.csv').set('If-None-Match', tag).expect(200);
    expect(after.headers.etag).not.toBe(tag);
  });
});
