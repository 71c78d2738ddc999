import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSearchText } from '../../src/features/search/index.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { signIn } from '../helpers/admin-session.ts';

let t: TestApp;
let agent: Awaited<ReturnType<typeof signIn>>['agent'];
let token: string;
let sourceIds: number[];

beforeAll(async () => {
  t = await createTestApp({ seed: true });
  ({ agent, token } = await signIn(t.app, t.db, 'editor'));
  sourceIds = (await t.db.source.findMany({ orderBy: { id: 'asc' }, take: 2 })).map((s) => s.id);
});
afterAll(async () => t.close());

const post = (url: string, fields: Record<string, unknown>) => agent.post(url).type('form').send({ _csrf: token, ...fields });

const newEvent = (over: Record<string, unknown> = {}) => ({
  title: 'Meta opens Llama 4 weights',
  summary: 'A test event.',
  kind: 'release',
  confidence: 'reported',
  date: 'early May 2025',
  organizations: ['meta', 'microsoft'],
  subjects: ['llama-2'],
  tags: 'Open weights, LLM',
  sourceId: [String(sourceIds[0]), String(sourceIds[1]), ''],
  sourceQuote: ['first quote', '', ''],
  ...over,
});

describe('events', () => {
  it('when an editor creates an event with two sources, organizations, subjects, tags and a fuzzy date, then it is stored whole and shown publicly', async () => {
    const res = await post('/admin/events', newEvent()).expect(303);
    expect(res.headers.location).toBe('/admin/events');
    expect((await agent.get('/admin/events').expect(200)).text).toContain('Event saved.');

    const row = await t.db.event.findUniqueOrThrow({
      where: { slug: 'meta-opens-llama-4-weights' },
      include: { sources: { orderBy: { position: 'asc' } }, tags: { include: { tag: true }, orderBy: { tagId: 'asc' } }, organizations: true, subjects: true },
    });
    expect(row).toMatchObject({ kind: 'release', confidence: 'reported', datePrecision: 'month-part', dateText: 'early May 2025' });
    expect(row.dateStart.toISOString()).toBe('2025-05-01T00:00:00.000Z');
    expect(row.dateEnd.toISOString()).toBe('2025-05-11T00:00:00.000Z');
    expect(row.sources.map((s) => [s.sourceId, s.quote])).toEqual([
      [sourceIds[0], 'first quote'],
      [sourceIds[1], null],
    ]);
    // A tag that exists keeps its name; a new one takes the name as typed.
    const tags = Object.fromEntries(row.tags.map((x) => [x.tag.slug, x.tag.name]));
    expect(Object.keys(tags).sort()).toEqual(['llm', 'open-weights']);
    expect(row.organizations).toHaveLength(2);
    expect(row.searchText).toBe(buildSearchText(['Meta opens Llama 4 weights', 'A test event.', 'Meta', 'Microsoft', 'Llama 2', tags['open-weights'], tags.llm]));

    const api = await request(t.app).get('/api/v1/events/meta-opens-llama-4-weights').expect(200);
    expect(api.body.data.event.date.label).toBe('early May 2025');
    expect(api.body.data.event.sources).toHaveLength(2);
  });

  it('when two events get the same title, then the second slug is made unique; a slug given by hand that is taken is refused beside the field', async () => {
    await post('/admin/events', newEvent({ title: 'Same title' })).expect(303);
    await post('/admin/events', newEvent({ title: 'Same title' })).expect(303);
    expect(await t.db.event.count({ where: { slug: { in: ['same-title', 'same-title-2'] } } })).toBe(2);

    const before = await t.db.event.count();
    const res = await post('/admin/events', newEvent({ title: 'Another', slug: 'same-title' })).expect(422);
    expect(res.text).toMatch(/<p class="field__error" id="field-slug-error">This slug is taken: choose another one\.<\/p>/);
    expect(res.text).toMatch(/id="field-slug"[^>]*value="same-title"[^>]*aria-invalid="true"[^>]*aria-describedby="field-slug-hint field-slug-error"/);
    expect(await t.db.event.count()).toBe(before);
  });

  it('when a form fails, then it comes back with status 422, each error beside its field and everything typed kept', async () => {
    const res = await post('/admin/events', newEvent({ title: '', date: 'Q5 2024', kind: 'party', tags: 'kept, tags' })).expect(422);
    expect(res.text).toContain('Nothing was saved.');
    expect(res.text).toMatch(/id="field-title-error">Enter the title\./);
    expect(res.text).toMatch(/id="field-date-error">&quot;Q5 2024&quot; is not a valid date: there is no quarter 5/);
    expect(res.text).toMatch(/id="field-kind-error">Choose a kind/);
    expect(res.text).toMatch(/name="date" type="text" value="Q5 2024"/);
    expect(res.text).toMatch(/name="tags" type="text" value="kept, tags"/);
    expect(res.text).toMatch(/value="first quote"/);
    expect(res.text).toMatch(/id="field-organizations-meta" name="organizations" value="meta" checked/);
    expect(res.text).toMatch(new RegExp(`<option value="${sourceIds[0]}" selected>`));
  });

  it('when an event is edited, then its links are replaced and its history shows each field before and after', async () => {
    const { id } = await t.db.event.findUniqueOrThrow({ where: { slug: 'meta-opens-llama-4-weights' } });
    const form = await agent.get(`/admin/events/${id}/edit`).expect(200);
    expect(form.text).toMatch(/name="date" type="text" value="early May 2025"/);
    expect(form.text).toContain('Read as: early May 2025');

    await post(`/admin/events/${id}`, newEvent({ title: 'Meta opens Llama 4 weights (edited)', date: '2025', organizations: 'meta', sourceId: [String(sourceIds[1])], sourceQuote: ['only one'] })).expect(303);
    const row = await t.db.event.findUniqueOrThrow({ where: { id }, include: { organizations: true, sources: true } });
    expect(row.datePrecision).toBe('year');
    expect(row.organizations).toHaveLength(1);
    expect(row.sources.map((s) => [s.sourceId, s.quote])).toEqual([[sourceIds[1], 'only one']]);

    const history = await agent.get(`/admin/events/${id}/history`).expect(200);
    expect(history.text).toContain('Test editor');
    expect(history.text).toMatch(/<th scope="row">date<\/th><td>early May 2025<\/td><td>2025<\/td>/);
    expect(history.text).toMatch(/<th scope="row">organizations<\/th><td>meta, microsoft<\/td><td>meta<\/td>/);
  });

  it('when an event settles a milestone, then deleting it says so and deletes nothing; otherwise deleting asks first, then removes it', async () => {
    const settling = await t.db.event.findFirstOrThrow({ where: { settles: { some: {} } }, include: { settles: true }, orderBy: { id: 'asc' } });
    const before = await t.db.event.count();
    const refused = await post(`/admin/events/${settling.id}/delete`, {}).expect(409);
    expect(refused.text).toContain('milestones it settles');
    expect(refused.text).toContain(settling.settles[0]!.title.replace(/'/g, '&#x27;'));
    expect(await t.db.event.count()).toBe(before);

    const { id } = await t.db.event.findUniqueOrThrow({ where: { slug: 'same-title-2' } });
    const confirm = await agent.get(`/admin/events/${id}/delete`).expect(200);
    expect(confirm.text).toContain('Delete the event “Same title”?');
    await post(`/admin/events/${id}/delete`, {}).expect(303);
    expect(await t.db.event.findUnique({ where: { id } })).toBeNull();
    expect(await t.db.eventSource.count({ where: { eventId: id } })).toBe(0);
  });

  it('when a fuzzy date is typed, then the preview endpoint answers its window, or the reason it is refused', async () => {
    const ok = await agent.get('/admin/dates/preview').query({ text: 'mi-2024' }).expect(200);
    expect(ok.body).toEqual({ ok: true, label: 'mid 2024', start: '2024-05-01T00:00:00.000Z', end: '2024-09-01T00:00:00.000Z', precision: 'year-part' });
    const bad = await agent.get('/admin/dates/preview').query({ text: 'late 2024/early 2024' }).expect(200);
    expect(bad.body.ok).toBe(false);
    expect(bad.body.error).toMatch(/comes before the start/);
    await request(t.app).get('/admin/dates/preview?text=2024').expect(302);
  });
});

describe('organizations, subjects and sources', () => {
  it('when an organization used by events is deleted, then the answer lists them and nothing is deleted', async () => {
    const meta = await t.db.organization.findUniqueOrThrow({ where: { slug: 'meta' } });
    const res = await post(`/admin/organizations/${meta.id}/delete`, {}).expect(409);
    expect(res.text).toContain('is still referenced, so nothing was deleted');
    expect(res.text).toContain('Meta releases Llama 2');
    expect(await t.db.organization.count({ where: { id: meta.id } })).toBe(1);
  });

  it('when an organization is renamed, then events naming it are found by the new name', async () => {
    const tii = await t.db.organization.findUniqueOrThrow({ where: { slug: 'tii' } });
    await post(`/admin/organizations/${tii.id}`, { name: 'TII Abu Dhabi', slug: 'tii', website: tii.website ?? '', description: tii.description }).expect(303);
    const found = await request(t.app).get('/api/v1/events?q=tii%20abu%20dhabi').expect(200);
    expect(found.body.data.length).toBeGreaterThan(0);
  });

  it('when a subject is created with organizations, then it lists them; an unknown organization is refused beside the field', async () => {
    await post('/admin/subjects', { name: 'Llama 4', kind: 'model', description: '', organizations: ['meta'] }).expect(303);
    const s = await t.db.subject.findUniqueOrThrow({ where: { slug: 'llama-4' }, include: { organizations: { include: { organization: true } } } });
    expect(s.organizations.map((o) => o.organization.slug)).toEqual(['meta']);
    const res = await post('/admin/subjects', { name: 'Ghost', kind: 'model', organizations: ['meta', 'nobody-inc'] }).expect(422);
    expect(res.text).toMatch(/id="field-organizations-error">Unknown organization: “nobody-inc”\./);
    expect(await t.db.subject.count({ where: { name: 'Ghost' } })).toBe(0);
  });

  it('when a source is created citing another with discrepancy notes, then both are stored; a source cited by events cannot be deleted', async () => {
    const res = await post('/admin/sources', {
      publisher: 'Le Monde',
      title: 'Un nouveau modèle',
      url: 'https://www.example.fr/article',
      publishedOn: '2023-09-11',
      language: 'fr',
      isPrimary: '',
      cites: String(sourceIds[0]),
      discrepancyClaim: ['Says June', ''],
      discrepancyCorrection: ['It was July', ''],
    }).expect(303);
    expect(res.headers.location).toBe('/admin/sources');
    const s = await t.db.source.findFirstOrThrow({ where: { title: 'Un nouveau modèle' }, include: { discrepancies: true } });
    expect(s).toMatchObject({ citesId: sourceIds[0], language: 'fr', isPrimary: false });
    expect(s.publishedOn?.toISOString()).toBe('2023-09-11T00:00:00.000Z');
    expect(s.discrepancies.map((d) => [d.claim, d.correction])).toEqual([['Says June', 'It was July']]);

    const self = await post(`/admin/sources/${s.id}`, { publisher: 'Le Monde', title: 'Un nouveau modèle', cites: String(s.id) }).expect(422);
    expect(self.text).toContain('A source cannot cite itself.');

    const cited = await post(`/admin/sources/${sourceIds[0]}/delete`, {}).expect(409);
    expect(cited.text).toMatch(/events: “/);
    expect(await t.db.source.count({ where: { id: sourceIds[0] } })).toBe(1);
  });
});

describe('milestones', () => {
  it('when a dated claim is created, then its window comes from the expected date as written and it starts upcoming', async () => {
    await post('/admin/milestones', {
      title: 'Llama 4 in early 2026',
      claim: 'Meta will release Llama 4 early in 2026.',
      kind: 'dated',
      source: String(sourceIds[0]),
      claimedOn: '2025-06-01',
      quote: 'début 2026',
      expectedText: 'début 2026',
      organizations: ['meta'],
      subjects: ['llama-4'],
    }).expect(303);
    const m = await t.db.milestone.findUniqueOrThrow({ where: { slug: 'llama-4-in-early-2026' } });
    expect(m).toMatchObject({ status: 'upcoming', windowPrecision: 'year-part', expectedText: 'début 2026', sourceId: sourceIds[0] });
    expect(m.windowStart?.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(m.sortEnd.toISOString()).toBe('2026-05-01T00:00:00.000Z');
    expect(m.searchText).toContain('debut 2026'); // folded words (decision 21)
  });

  it('when a relative claim names no event, or an unknown one, then it is refused beside the field', async () => {
    const none = await post('/admin/milestones', { title: 'After something', kind: 'relative', claimedOn: '2025-01-01' }).expect(422);
    expect(none.text).toMatch(/id="field-afterEvent-error">A relative claim needs the event it must come after\./);
    const unknown = await post('/admin/milestones', { title: 'After something', kind: 'relative', claimedOn: '2025-01-01', afterEvent: 'no-such-event' }).expect(422);
    expect(unknown.text).toMatch(/id="field-afterEvent-error">There is no event “no-such-event”\./);

    await post('/admin/milestones', { title: 'After Gemini', kind: 'relative', claimedOn: '2025-01-01', afterEvent: 'gemini-launch', afterText: 'after Gemini' }).expect(303);
    const m = await t.db.milestone.findUniqueOrThrow({ where: { slug: 'after-gemini' }, include: { afterEvent: true } });
    expect(m.afterEvent?.slug).toBe('gemini-launch');
    expect(m.windowStart).toBeNull();
    expect(m.sortStart.toISOString()).toBe('2025-01-01T00:00:00.000Z');
  });
});
