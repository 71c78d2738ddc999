// Claims said as people say them: the dates API, the admin form and preview, and article extraction.
import { readShared, SEED_ARTICLE_FILE } from '../helpers/shared.ts';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { signIn } from '../helpers/admin-session.ts';
import { makeEvent } from '../helpers/factories.ts';
import { createMilestones, milestoneSchema } from '../../src/features/content/index.ts';

const SEED_ARTICLE = readShared(SEED_ARTICLE_FILE);
const day = (iso: string) => `${iso}T00:00:00.000Z`;

let t: TestApp;
let agent: Awaited<ReturnType<typeof signIn>>['agent'];
let token: string;
let sourceId: number;

beforeAll(async () => {
  t = await createTestApp();
  ({ agent, token } = await signIn(t.app, t.db, 'editor'));
  await post('/admin/sources', { publisher: 'Presse-citron', title: 'Meta ambitionne de surpasser ChatGPT 4', publishedOn: '2023-09-11', language: 'fr' }).expect(303);
  sourceId = (await t.db.source.findFirstOrThrow({ where: { publisher: 'Presse-citron' } })).id;
});
afterAll(async () => t.close());

function post(url: string, fields: Record<string, unknown>) {
  return agent.post(url).type('form').send({ _csrf: token, ...fields });
}

describe('GET /api/v1/dates', () => {
  it('when given a deadline said on a day, then it answers its shape, window (end exclusive) and label', async () => {
    const res = await request(t.app).get('/api/v1/dates').query({ text: 'within two years', relativeTo: '2025-02-11' }).expect(200);
    expect(res.body.data).toMatchObject({ shape: 'deadline', start: day('2025-02-11'), end: day('2027-02-11'), label: 'before 11 February 2027', relativeTo: '2025-02-11' });
  });

  it('when the shape is open-ended or carries a likelihood, then the open end is null and the likelihood is kept as written', async () => {
    const early = await request(t.app).get('/api/v1/dates').query({ text: 'as early as 2026' }).expect(200);
    expect(early.body.data).toMatchObject({ shape: 'earliest', start: day('2026-01-01'), end: null });
    const hedged = await request(t.app).get('/api/v1/dates').query({ text: '2026 (70-80% chance)' }).expect(200);
    expect(hedged.body.data.likelihood).toEqual({ low: 0.7, high: 0.8, text: '70-80% chance', label: '70–80%' });
    const offset = await request(t.app).get('/api/v1/dates').query({ text: '5-10 years after powerful AI' }).expect(200);
    expect(offset.body.data).toMatchObject({ shape: 'offset', start: null, end: null, label: '5–10 years after powerful AI' });
  });

  it('when a relative horizon comes without the day said, then it is a 400 asking for it and listing the accepted forms', async () => {
    const res = await request(t.app).get('/api/v1/dates').query({ text: "l'année prochaine" }).expect(400);
    expect(res.body.error.code).toBe('invalid_date');
    expect(res.body.error.message).toMatch(/give the date the claim was made/);
    expect(res.body.error.details.needsSaidDate).toBe(true);
    expect(res.body.error.details.acceptedForms).toContain('within two years');
  });

  it.each([
    [{ text: 'hello' }, /not an expected date we understand/],
    [{}, /Give "text" once/],
    [{ text: ['2024', '2025'] }, /Give "text" once/],
    [{ text: 'next year', relativeTo: '2025-02-30' }, /not a day/],
  ])('when the query is %j, then it is a 400 saying what is wrong', async (query, message) => {
    const res = await request(t.app).get('/api/v1/dates').query(query).expect(400);
    expect(res.body.error.message).toMatch(message);
    expect(res.body.error.details.acceptedForms.length).toBeGreaterThan(10);
  });
});

describe('admin milestone form with claim shapes', () => {
  it('when an editor saves "by 2027 (70-80% chance)" said on 2025-02-11, then the deadline, the day said and the likelihood are stored and shown', async () => {
    await post('/admin/milestones', { title: 'Country of geniuses by 2027', kind: 'dated', claimedOn: '2025-02-11', expectedText: 'by 2027 (70-80% chance)' }).expect(303);
    const m = await t.db.milestone.findUniqueOrThrow({ where: { slug: 'country-of-geniuses-by-2027' } });
    expect(m).toMatchObject({ expectedShape: 'deadline', expectedText: 'by 2027 (70-80% chance)', likelihoodLow: 0.7, likelihoodHigh: 0.8, likelihoodText: '70-80% chance' });
    expect([m.windowStart?.toISOString(), m.windowEnd?.toISOString(), m.relativeTo?.toISOString()]).toEqual([day('2025-02-11'), day('2028-01-01'), day('2025-02-11')]);
    const page = await request(t.app).get('/milestones/country-of-geniuses-by-2027').expect(200);
    expect(page.text).toContain('How it is scored');
    expect(page.text).toContain('A deadline: met if it happens any time before the end; late by the days after it.');
    expect(page.text).toContain('70-80% chance');
    expect(page.text).toContain('70–80%');
  });

  it('when an earliest date is saved, then its open end is kept and the page reads it', async () => {
    await post('/admin/milestones', { title: 'AGI not before 2030', kind: 'dated', claimedOn: '2025-01-01', expectedText: 'pas avant 2030', likelihood: '50%' }).expect(303);
    const m = await t.db.milestone.findUniqueOrThrow({ where: { slug: 'agi-not-before-2030' } });
    expect([m.expectedShape, m.windowStart?.toISOString(), m.windowEnd, m.likelihoodLow]).toEqual(['earliest', day('2030-01-01'), null, 0.5]);
    const page = await request(t.app).get('/milestones/agi-not-before-2030').expect(200);
    expect(page.text).toContain('2030 or later');
    expect(page.text).toContain('It cannot be late.');
  });

  it('when "next year" is given without any day said, then the form is refused with 422, asking for it, keeping the input and saving nothing', async () => {
    const before = await t.db.milestone.count();
    const res = await post('/admin/milestones', { title: 'Superhuman AI next year', kind: 'dated', expectedText: 'next year' }).expect(422);
    expect(res.text).toContain('fill in “Said on” or “Claimed on”');
    expect(res.text).toContain('value="next year"');
    expect(await t.db.milestone.count()).toBe(before);
    await post('/admin/milestones', { title: 'Superhuman AI next year', kind: 'dated', expectedText: 'next year', relativeTo: '2024-04-08' }).expect(303);
    const m = await t.db.milestone.findUniqueOrThrow({ where: { slug: 'superhuman-ai-next-year' } });
    expect([m.expectedShape, m.windowStart?.toISOString(), m.windowEnd?.toISOString()]).toEqual(['window', day('2025-01-01'), day('2026-01-01')]);
  });

  it('when a stated likelihood is not one, then the form says how to write it', async () => {
    const res = await post('/admin/milestones', { title: 'Bad odds', kind: 'dated', expectedText: '2026', likelihood: 'very likely' }).expect(422);
    expect(res.text).toContain('Give the likelihood as the source put it');
  });

  it('when the preview is asked in claim mode, then it reads the text against the day said, as the form does', async () => {
    const ok = await agent.get('/admin/dates/preview').query({ text: 'dans les six mois', mode: 'claim', relativeTo: '2023-09-11' }).expect(200);
    expect(ok.body).toMatchObject({ ok: true, shape: 'deadline', label: 'before 11 March 2024', start: day('2023-09-11'), end: day('2024-03-11') });
    const missing = await agent.get('/admin/dates/preview').query({ text: 'dans les six mois', mode: 'claim', relativeTo: '' }).expect(200);
    expect(missing.body).toMatchObject({ ok: false, needsSaidDate: true });
  });
});

describe('/admin/claims/extract', () => {
  it('when an editor opens the page, then it offers the paste form', async () => {
    const res = await agent.get('/admin/claims/extract').expect(200);
    expect(res.text).toContain('Read an article for claims');
    expect(res.text).toContain('name="published"');
  });

  it('when the seed article is read, then its dated sentences are listed with their windows and nothing is saved', async () => {
    const before = await t.db.milestone.count();
    const res = await post('/admin/claims/extract', { text: SEED_ARTICLE, published: '2023-09-11', lang: 'fr', source: String(sourceId), step: 'read' }).expect(200);
    expect(res.text).toContain('5 dated sentences');
    expect(res.text).toContain('<q>à partir de début 2024</q>: early 2024');
    expect(res.text).toContain('<q>dans le courant de l’année prochaine</q>: 2024');
    expect(res.text).toContain('<q>qu’on attend en mai 2024</q>: May 2024');
    expect(await t.db.milestone.count()).toBe(before);
  });

  it('when the editor ticks two sentences and saves, then both become claims linked to the source with their sentence as quote', async () => {
    // Row order follows the article: 0 first paragraph, 1 headline, 2 training, 3 release, 4 Gemini.
    const rows = Array.from({ length: 5 }, (_, i) => i);
    const res = await post('/admin/claims/extract', {
      text: SEED_ARTICLE,
      published: '2023-09-11',
      lang: 'fr',
      source: String(sourceId),
      step: 'save',
      pick: ['2', '4'],
      rowTitle: rows.map((i) => (i === 2 ? 'Meta trains its next model from early 2024' : i === 4 ? 'Gemini in May 2024' : '')),
      rowExpected: ['Dans le courant de l’année prochaine', 'courant 2024', 'à partir de début 2024', 'dans le courant de l’année prochaine', 'qu’on attend en mai 2024'],
      rowQuote: rows.map(() => ''),
    });
    // A quote left empty is the sentence itself.
    expect(res.status).toBe(303);
    const saved = await t.db.milestone.findMany({ where: { sourceId }, orderBy: { id: 'asc' } });
    expect(saved.map((m) => [m.title, m.expectedText, m.windowStart?.toISOString(), m.windowEnd?.toISOString(), m.claimedOn?.toISOString()])).toEqual([
      ['Meta trains its next model from early 2024', 'à partir de début 2024', day('2024-01-01'), day('2024-05-01'), day('2023-09-11')],
      ['Gemini in May 2024', 'qu’on attend en mai 2024', day('2024-05-01'), day('2024-06-01'), day('2023-09-11')],
    ]);
    expect(saved[0]!.quote).toBe('L’entreprise prévoit de commencer la formation de ce nouveau modèle linguistique à partir de début 2024.');
    expect(saved[1]!.quote).toMatch(/^La sortie surviendrait probablement après l’annonce de Gemini.*qu’on attend en mai 2024\.$/);
  });

  it('when one of the claims saved together cannot be written, then none of them is, and their history stays empty', async () => {
    const [before, history] = [await t.db.milestone.count(), await t.db.auditLog.count()];
    const taken = (await t.db.milestone.findFirstOrThrow()).slug;
    const input = (title: string, slug = '') =>
      milestoneSchema.parse({ title, slug, kind: 'dated', source: String(sourceId), claimedOn: '2023-09-11', expectedText: 'mai 2024', quote: title });
    const saving = createMilestones({ db: t.db, now: t.clock(), userId: null }, [input('Saved first, then taken back'), input('Clashes', taken)]);
    await expect(saving).rejects.toThrow(/slug is taken/);
    expect(await t.db.milestone.count()).toBe(before);
    expect(await t.db.milestone.count({ where: { title: 'Saved first, then taken back' } })).toBe(0);
    expect(await t.db.auditLog.count()).toBe(history);
  });

  it('when a ticked sentence has no title, then nothing is saved and the page comes back with 422 and the error beside it', async () => {
    const before = await t.db.milestone.count();
    const res = await post('/admin/claims/extract', {
      text: 'Meta will ship Llama 4 next year. Google plans Gemini 3 by the end of 2025.',
      published: '2024-06-01',
      lang: 'en',
      source: String(sourceId),
      step: 'save',
      pick: ['0', '1'],
      rowTitle: ['Llama 4 in 2025', ''],
      rowExpected: ['next year', 'by the end of 2025'],
      rowQuote: ['Meta will ship Llama 4 next year.', 'Google plans Gemini 3 by the end of 2025.'],
    }).expect(422);
    expect(res.text).toContain('Enter the title.');
    expect(res.text).toContain('value="Llama 4 in 2025"');
    expect(await t.db.milestone.count()).toBe(before);
  });

  it('when the text holds no date, then the list is empty, not an error', async () => {
    const res = await post('/admin/claims/extract', { text: 'Meta released Llama 2 in July 2023.', published: '2024-01-01', lang: 'en', step: 'read' }).expect(200);
    expect(res.text).toContain('No dated sentence');
  });

  it('when the paste is 2 MB, then it is refused with 413 and a clear message', async () => {
    const res = await post('/admin/claims/extract', { text: 'a'.repeat(2 * 1024 * 1024), published: '2024-01-01', lang: 'en', step: 'read' });
    expect(res.status).toBe(413);
    expect(res.text).toContain('paste at most 1 MB');
  });

  // Bytes that are not text are a malformed request (400), not a field to correct (422).
  it('when the paste is binary garbage, then it is refused with 400, says it is not text and keeps the other fields', async () => {
    const garbage = Array.from({ length: 4000 }, (_, i) => String.fromCharCode(i % 32)).join('');
    const res = await post('/admin/claims/extract', { text: garbage, published: '2024-01-01', lang: 'fr', step: 'read' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('This is not text');
    expect(res.text).toContain('value="2024-01-01"');
    expect(res.text).not.toContain(String.fromCharCode(1));
  });

  it('when the form comes without its CSRF token or from a visitor, then it is refused', async () => {
    await agent.post('/admin/claims/extract').type('form').send({ text: 'x', published: '2024-01-01' }).expect(403);
    const anon = await request(t.app).get('/admin/claims/extract');
    expect([302, 303]).toContain(anon.status);
  });
});

describe('scoring by shape and stated likelihoods', () => {
  it('when a deadline claim with a stated 70-80% is resolved by an event before its end, then it is met and the scorecard shows its Brier score', async () => {
    await post('/admin/sources', { publisher: 'Forecaster', title: 'Calibrated forecasts', publishedOn: '2025-02-11', language: 'en' }).expect(303);
    const source = await t.db.source.findFirstOrThrow({ where: { publisher: 'Forecaster' } });
    await post('/admin/milestones', { title: 'Forecast by 2027', kind: 'dated', source: String(source.id), claimedOn: '2025-02-11', expectedText: 'by 2027 (70-80% chance)' }).expect(303);
    await post('/admin/milestones', { title: 'Forecast not before 2030', kind: 'dated', source: String(source.id), claimedOn: '2025-02-11', expectedText: 'not before 2030', likelihood: '20%' }).expect(303);
    const event = await makeEvent(t.db, { title: 'It happened', date: '2026-06-01' });
    await post('/admin/milestones/forecast-by-2027/resolve', { outcome: 'met', settledByEventId: String(event.id), note: '' }).expect(303);
    await post('/admin/milestones/forecast-not-before-2030/resolve', { outcome: 'met', settledByEventId: String(event.id), note: '' }).expect(303);
    const [deadline, earliest] = await Promise.all([
      t.db.milestone.findUniqueOrThrow({ where: { slug: 'forecast-by-2027' } }),
      t.db.milestone.findUniqueOrThrow({ where: { slug: 'forecast-not-before-2030' } }),
    ]);
    // The deadline is met any time before its end; the earliest date was beaten, so it is early.
    expect([deadline.outcome, deadline.gapDays]).toEqual(['met', null]);
    expect([earliest.outcome, earliest.gapDays]).toEqual(['early', -1310]);

    // Brier: met at 0.75 -> 0.0625; early (not realised) at 0.2 -> 0.04; mean 0.05125.
    const page = await request(t.app).get('/scorecards').expect(200);
    expect(page.text).toContain('Stated likelihoods: Calibrated forecasts');
    expect(page.text).toContain('Brier score <strong>0.051</strong> over 2 scored claims');
    const sourcePage = await request(t.app).get(`/sources/${source.id}`).expect(200);
    expect(sourcePage.text).toContain('Calibration: stated against realised');
  });
});
