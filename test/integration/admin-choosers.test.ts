// Choosing a source or an event in the admin forms when there are many (decision 47): above
// CHOOSER_MAX rows the form offers a text field (the source's number, the event's slug) instead of
// a drop-down of every row, reads only the chosen records, and checks what was typed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHOOSER_MAX } from '../../src/features/admin/admin.repo.ts';
import { parseFuzzyDate } from '../../src/features/dates/index.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { signIn } from '../helpers/admin-session.ts';
import { testEngine } from '../helpers/db.ts';

let t: TestApp;
let agent: Awaited<ReturnType<typeof signIn>>['agent'];
let token: string;

beforeAll(async () => {
  t = await createTestApp({ seed: true });
  ({ agent, token } = await signIn(t.app, t.db, 'editor'));
}, 60_000);
afterAll(async () => t.close());

const post = (url: string, fields: Record<string, unknown>) => agent.post(url).type('form').send({ _csrf: token, ...fields });

/** Enough events and sources that both lists are chosen by typing. */
async function addMany() {
  const d = parseFuzzyDate('2022-06-01');
  const n = CHOOSER_MAX + 1;
  await t.db.source.createMany({ data: Array.from({ length: n }, (_, i) => ({ publisher: 'Bulk wire', title: `Bulk story ${i}`, url: null, language: 'en', isPrimary: false })) });
  await t.db.event.createMany({
    data: Array.from({ length: n }, (_, i) => ({
      slug: `bulk-event-${i}`,
      title: `Bulk event ${i}`,
      summary: '',
      kind: 'funding',
      confidence: 'reported',
      dateStart: d.start,
      dateEnd: d.end,
      datePrecision: d.precision,
      dateText: d.text,
      searchText: `bulk event ${i}`,
    })),
  });
}

const sourceId = async (title: string) => (await t.db.source.findFirstOrThrow({ where: { title } })).id;

describe(`admin choosers (${testEngine()})`, () => {
  it('when sources and events are few, then the forms offer drop-downs of them', async () => {
    const milestone = (await agent.get('/admin/milestones/new').expect(200)).text;
    expect(milestone).toMatch(/<select id="field-afterEvent" name="afterEvent"/);
    expect(milestone).toMatch(/<select id="field-source" name="source"/);
    expect((await agent.get('/admin/events/new').expect(200)).text).toMatch(/<select id="field-sourceId-1" name="sourceId"/);
  });

  it('when there are more than CHOOSER_MAX, then the forms offer text fields with suggestions and list none of the rows', async () => {
    await addMany();
    const milestone = (await agent.get('/admin/milestones/new').expect(200)).text;
    expect(milestone).not.toContain('<select id="field-afterEvent"');
    expect(milestone).toMatch(/<input id="field-afterEvent" name="afterEvent" type="text" value=""[^>]*data-choose="\/api\/v1\/events" data-choose-key="slug"/);
    expect(milestone).toMatch(/<input id="field-source" name="source" type="text" value=""[^>]*data-choose="\/api\/v1\/sources" data-choose-key="id"/);
    expect(milestone).toContain('Type words of its title for suggestions, or its slug.');
    expect(milestone).not.toContain('Bulk event');
    expect(milestone).not.toContain('Bulk story');
    const event = (await agent.get('/admin/events/new').expect(200)).text;
    expect(event).toMatch(/<input id="field-sourceId-1" name="sourceId" type="text"/);
    expect(event).not.toContain('Bulk story');
    expect((await agent.get('/admin/sources/new').expect(200)).text).toMatch(/<input id="field-cites" name="cites" type="text"/);
    expect((await agent.get('/admin/claims/extract').expect(200)).text).toMatch(/<input id="field-source" name="source" type="text"/);
  });

  it('when an event is typed by its slug and a source by its number, then the claim is saved with them and its form names them', async () => {
    const story = await sourceId('Bulk story 7');
    await post('/admin/milestones', { title: 'After bulk event 3', kind: 'relative', claimedOn: '2025-01-01', afterEvent: 'bulk-event-3', afterText: 'after it', source: String(story) }).expect(303);
    const m = await t.db.milestone.findFirstOrThrow({ where: { title: 'After bulk event 3' }, include: { afterEvent: true } });
    expect(m.afterEvent?.slug).toBe('bulk-event-3');
    expect(m.sourceId).toBe(story);
    const form = (await agent.get(`/admin/milestones/${m.id}/edit`).expect(200)).text;
    expect(form).toMatch(/<p class="field__current" id="field-afterEvent-current">Bulk event 3 \(2022-06-01\)<\/p>/);
    expect(form).toMatch(/<p class="field__current" id="field-source-current">Bulk wire: Bulk story 7 \(no\. \d+\)<\/p>/);
    expect(form).toMatch(/name="afterEvent" type="text" value="bulk-event-3"/);
  });

  it('when what is typed names nothing, then the form says so beside the field and keeps what was typed', async () => {
    const claim = await post('/admin/milestones', { title: 'After nothing', kind: 'relative', claimedOn: '2025-01-01', afterEvent: 'bulk-event-9999' }).expect(422);
    expect(claim.text).toMatch(/id="field-afterEvent-error">There is no event “bulk-event-9999”\./);
    expect(claim.text).toMatch(/name="afterEvent" type="text" value="bulk-event-9999"/);
    expect(claim.text).not.toContain('id="field-afterEvent-current"');

    const fields = { title: 'Typed a title', summary: '', kind: 'release', confidence: 'reported', date: '2024', tags: '', sourceQuote: ['', ''] };
    const words = await post('/admin/events', { ...fields, sourceId: ['Bulk story 3', ''] }).expect(422);
    expect(words.text).toMatch(/id="field-sources-error">Each quote needs its source: choose it from the list, or type its number\./);
    expect(words.text).toMatch(/name="sourceId" type="text" value="Bulk story 3"/);
    const missing = await post('/admin/events', { ...fields, sourceId: ['999999', ''] }).expect(422);
    expect(missing.text).toMatch(/id="field-sources-error">A chosen source no longer exists/);
    expect(await t.db.event.count({ where: { title: 'Typed a title' } })).toBe(0);
  });

  it('when there are more subjects than boxes a form should hold, then it shows the chosen ones as boxes and takes more by slug, refusing unknown ones beside the field', async () => {
    await t.db.subject.createMany({ data: Array.from({ length: CHOOSER_MAX + 1 }, (_, i) => ({ slug: `bulk-model-${i}`, name: `Bulk model ${i}`, sortName: `bulk model ${i}`, kind: 'model' })) });
    const blank = (await agent.get('/admin/events/new').expect(200)).text;
    expect(blank).not.toContain('Bulk model');
    expect(blank).toMatch(/<input id="field-subjects-add-1" name="subjects" type="text" value=""[^>]*data-choose="\/api\/v1\/subjects" data-choose-key="slug"/);
    // Organizations are still few: every one has its box.
    expect(blank).toMatch(/<input type="checkbox" id="field-organizations-meta" name="organizations" value="meta">/);

    const story = String(await sourceId('Bulk story 1'));
    const fields = { summary: '', kind: 'release', confidence: 'reported', date: '2024', tags: '', sourceId: [story], sourceQuote: [''] };
    await post('/admin/events', { ...fields, title: 'Two bulk models', subjects: ['bulk-model-5', '', 'bulk-model-77'] }).expect(303);
    const saved = await t.db.event.findFirstOrThrow({ where: { title: 'Two bulk models' }, include: { subjects: { include: { subject: true } } } });
    expect(saved.subjects.map((x) => x.subject.slug).sort()).toEqual(['bulk-model-5', 'bulk-model-77']);
    const edit = (await agent.get(`/admin/events/${saved.id}/edit`).expect(200)).text;
    expect(edit).toMatch(/<input type="checkbox" id="field-subjects-bulk-model-5" name="subjects" value="bulk-model-5" checked>/);
    expect(edit).not.toContain('Bulk model 6<');

    const unknown = await post('/admin/events', { ...fields, title: 'An unknown model', subjects: ['bulk-model-9999'] }).expect(422);
    expect(unknown.text).toContain('id="field-subjects-error">Unknown subject: “bulk-model-9999”.');
    expect(unknown.text).toMatch(/<input id="field-subjects-add-1" name="subjects" type="text" value="bulk-model-9999"/);
    const words = await post('/admin/events', { ...fields, title: 'A model by name', subjects: ['Bulk model 3'] }).expect(422);
    expect(words.text).toMatch(/id="field-subjects-error">&quot;Bulk model 3&quot; is not a subject slug\./);
    expect(await t.db.event.count({ where: { title: { in: ['An unknown model', 'A model by name'] } } })).toBe(0);
  });
});
