// The resolution flow as an editor lives it, through the real app, sign-in and CSRF included.
// (The browser test of "resolve an overdue claim and see the scorecard change" belongs to the
// e2e suite; this is the same flow over HTTP.)
import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { flagMilestones } from '../../src/features/milestones/index.ts';
import { readContentVersion } from '../../src/platform/content-version.ts';
import { signIn } from '../helpers/admin-session.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { unresolveClaims } from '../helpers/factories.ts';

let t: TestApp;
let editor: Awaited<ReturnType<typeof signIn>>;

beforeAll(async () => {
  t = await createTestApp({ seed: true, now: '2024-07-01T00:00:00Z' });
  editor = await signIn(t.app, t.db, 'editor');
});
afterAll(async () => t.close());

/** Every seeded claim unresolved again, then flagged as of the test's clock. */
beforeEach(async () => {
  const { db } = t;
  await db.$transaction([
    db.milestone.deleteMany({ where: { revisesId: { not: null } } }),
    ...unresolveClaims(db),
  ]);
  await flagMilestones(db, t.clock());
});

const eventId = async (slug: string) => String((await t.db.event.findUniqueOrThrow({ where: { slug } })).id);
const claim = (slug: string) => t.db.milestone.findUniqueOrThrow({ where: { slug } });

function post(path: string, form: Record<string, string>) {
  return editor.agent.post(path).type('form').send({ _csrf: editor.token, ...form });
}

/** The cells of the scorecards table row whose header contains `name`. */
/** One row of /scorecards: its cells by column label, and the outcome bar's figures ("1 Early, 2 Met"). */
async function scorecardRow(name: string): Promise<{ cells: Record<string, string>; bar: string }> {
  const html = (await request(t.app).get('/scorecards').expect(200)).text;
  const row = html.split('<tr>').find((r) => r.includes(`>${name}</a>`));
  if (!row) throw new Error(`no scorecard row for ${name}`);
  const cells = Object.fromEntries(
    [...row.matchAll(/<td data-label="([^"]+)"[^>]*>([\s\S]*?)<\/td>/g)].map((m) => [m[1]!, m[2]!.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim()]),
  );
  return { cells, bar: /aria-label="([^"]*)"/.exec(row.slice(row.indexOf('outcome-bar')))?.[1] ?? '' };
}

/** The count before `label` in the outcome bar's words, 0 when that outcome is absent. */
function barCount(bar: string, label: string): number {
  return Number(new RegExp(`(\\d+) ${label}`, 'i').exec(bar)?.[1] ?? 0);
}

/** "1/3" in the Met in window cell: how many claims are scored. */
function scored(cells: Record<string, string>): number {
  return Number(/\d+\/(\d+)/.exec(cells['Met in window'] ?? '')?.[1] ?? 0);
}

describe('the resolution queue', () => {
  it('when nobody is signed in, then the queue sends them to the sign-in page', async () => {
    const res = await request(t.app).get('/admin/resolution');
    expect(res.status).toBeGreaterThanOrEqual(300);
    expect(res.status).toBeLessThan(400);
    expect(res.headers.location).toMatch(/^\/admin\/login/);
  });

  it('when an editor opens it, then due and overdue claims are listed with suggested settling events', async () => {
    const res = await editor.agent.get('/admin/resolution').expect(200);
    expect(res.text).toContain('Google releases Gemini in May 2024');
    expect(res.text).toContain('Meta starts training its next model in early 2024');
    expect(res.text).not.toContain('Meta offers its next model openly');
    const items = res.text.split('<li class="resolution-queue__item">');
    const gemini = items.find((i) => i.includes('Google releases Gemini in May 2024'))!;
    expect(gemini).toContain('href="/events/gemini-launch"');
    const training = items.find((i) => i.includes('Meta starts training its next model in early 2024'))!;
    expect(training).toContain('href="/events/llama-3-training-confirmed"');
    expect(res.text).toContain('href="/admin/milestones/google-gemini-may-2024/resolve"');
  });
});

describe('resolving a claim', () => {
  it('when Gemini (6 December 2023) settles "Gemini in May 2024", then it is early by 147 days and the scorecard changes', async () => {
    const before = await scorecardRow('Google');
    const version = await readContentVersion(t.db);

    const form = await editor.agent.get('/admin/milestones/google-gemini-may-2024/resolve').expect(200);
    expect(form.text).toContain('Suggested: Google announces and launches Gemini (6 December 2023)');
    const res = await post('/admin/milestones/google-gemini-may-2024/resolve', {
      outcome: 'met',
      settledByEventId: await eventId('gemini-launch'),
      note: '',
    }).expect(303);
    expect(res.headers.location).toBe('/admin/resolution');

    const m = await claim('google-gemini-may-2024');
    expect(m).toMatchObject({ status: 'resolved', outcome: 'early', gapDays: -147, resolvedById: editor.user.id });
    expect(m.resolvedAt).toEqual(t.clock());
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { entityType: 'milestone', entityId: m.id }, orderBy: { id: 'desc' } });
    expect(audit.action).toBe('update');
    expect(JSON.parse(audit.changes)).toMatchObject({
      status: { before: 'overdue', after: 'resolved' },
      outcome: { before: null, after: 'early' },
      gapDays: { before: null, after: -147 },
    });
    expect(await readContentVersion(t.db)).toBeGreaterThan(version);

    const flash = await editor.agent.get('/admin/resolution').expect(200);
    expect(flash.text).toContain('early by 147 days');

    const after = await scorecardRow('Google');
    expect(scored(after.cells)).toBe(scored(before.cells) + 1);
    expect(barCount(after.bar, 'early')).toBe(barCount(before.bar, 'early') + 1);
    expect(after.cells['Median gap']).toBe('early by 147 days');
    const page = await request(t.app).get('/milestones/google-gemini-may-2024').expect(200);
    expect(page.text).toContain('early by 147 days');
  });

  it('when the settling event starts inside the window, then the claim is met with no gap', async () => {
    await post('/admin/milestones/meta-next-model-training-early-2024/resolve', {
      outcome: 'met',
      settledByEventId: await eventId('llama-3-training-confirmed'),
    }).expect(303);
    expect(await claim('meta-next-model-training-early-2024')).toMatchObject({ status: 'resolved', outcome: 'met', gapDays: null });
  });

  it('when a relative or an undated claim happened, then it is met: after the awaited event, or simply so', async () => {
    const llama3 = await eventId('llama-3-release');
    await post('/admin/milestones/meta-next-model-after-gemini/resolve', { outcome: 'met', settledByEventId: llama3 }).expect(303);
    expect(await claim('meta-next-model-after-gemini')).toMatchObject({ status: 'resolved', outcome: 'met', gapDays: null });
    await post('/admin/milestones/meta-next-model-open/resolve', { outcome: 'met', settledByEventId: llama3 }).expect(303);
    expect(await claim('meta-next-model-open')).toMatchObject({ status: 'resolved', outcome: 'met', gapDays: null });
  });

  it('when a relative claim is settled by an event before the one it awaited, then it is early', async () => {
    await post('/admin/milestones/meta-next-model-after-gemini/resolve', {
      outcome: 'met',
      settledByEventId: await eventId('meta-ai-assistant-launch'),
    }).expect(303);
    expect(await claim('meta-next-model-after-gemini')).toMatchObject({ outcome: 'early', gapDays: -70 });
  });

  it('when "it happened" is chosen without a settling event, then the form comes back with the error beside the field', async () => {
    const res = await post('/admin/milestones/google-gemini-may-2024/resolve', { outcome: 'met', note: 'It happened' }).expect(422);
    expect(res.text).toMatch(/<select id="field-settledByEventId"[^>]*aria-invalid="true"/);
    expect(res.text).toContain('Choose the event that settled the claim');
    expect(res.text).toContain('It happened</textarea>');
    expect(await claim('google-gemini-may-2024')).toMatchObject({ status: 'overdue', outcome: null });
  });

  it('when "missed" is chosen without a note, then it is refused and nothing changes', async () => {
    const res = await post('/admin/milestones/google-gemini-may-2024/resolve', { outcome: 'missed' }).expect(422);
    expect(res.text).toContain('Say why the claim is missed.');
    expect((await claim('google-gemini-may-2024')).status).toBe('overdue');
  });

  it('when the settling event is about another organization, then a note is required and the warning is kept with it', async () => {
    const slug = 'meta-next-model-training-early-2024';
    const gemini = await eventId('gemini-launch');
    const refused = await post(`/admin/milestones/${slug}/resolve`, { outcome: 'met', settledByEventId: gemini }).expect(422);
    expect(refused.text).toContain('is about Google, not Meta');
    expect((await claim(slug)).status).toBe('overdue');

    await post(`/admin/milestones/${slug}/resolve`, { outcome: 'met', settledByEventId: gemini, note: 'Only for the test.' }).expect(303);
    const m = await claim(slug);
    expect(m.outcome).toBe('early');
    expect(m.resolutionNote).toContain('Only for the test.');
    expect(m.resolutionNote).toContain('Warning: The settling event "Google announces and launches Gemini" is about Google, not Meta.');
  });

  it('when a claim is already resolved, then a second verdict needs the "replace" box', async () => {
    const slug = 'google-gemini-may-2024';
    await post(`/admin/milestones/${slug}/resolve`, { outcome: 'unverifiable', note: 'First verdict' }).expect(303);
    const refused = await post(`/admin/milestones/${slug}/resolve`, { outcome: 'missed', note: 'Second verdict' }).expect(422);
    expect(refused.text).toContain('already resolved (Unverifiable)');
    expect((await claim(slug)).outcome).toBe('unverifiable');

    await post(`/admin/milestones/${slug}/resolve`, { outcome: 'missed', note: 'Second verdict', replace: '1' }).expect(303);
    expect(await claim(slug)).toMatchObject({ outcome: 'missed', resolutionNote: 'Second verdict' });
  });

  it('when the form carries an unexpected field or a bad outcome, then it is refused with a 422', async () => {
    const extra = await post('/admin/milestones/google-gemini-may-2024/resolve', { outcome: 'missed', note: 'x', status: 'upcoming' }).expect(422);
    expect(extra.text).toContain('This form does not take the field &quot;status&quot;.');
    const bad = await post('/admin/milestones/google-gemini-may-2024/resolve', { outcome: 'brilliant', note: 'x' }).expect(422);
    expect(bad.text).toContain('Choose an outcome.');
    expect((await claim('google-gemini-may-2024')).status).toBe('overdue');
  });

  it('when the CSRF token is missing, then the request is refused and nothing changes', async () => {
    await editor.agent
      .post('/admin/milestones/google-gemini-may-2024/resolve')
      .type('form')
      .send({ outcome: 'missed', note: 'x' })
      .expect(403);
    expect((await claim('google-gemini-may-2024')).status).toBe('overdue');
  });

  it('when the claim does not exist, then the page is a 404', async () => {
    await editor.agent.get('/admin/milestones/no-such-claim/resolve').expect(404);
  });
});

describe('rescheduling a claim', () => {
  it('when a later source moves the date, then a new claim revises the old one, which keeps its own window and status', async () => {
    const old = await claim('google-gemini-may-2024');
    const source = await t.db.source.findFirstOrThrow({ where: { publisher: 'Google' }, orderBy: { id: 'asc' } });
    const form = await editor.agent.get('/admin/milestones/google-gemini-may-2024/reschedule').expect(200);
    expect(form.text).toContain('value="Google releases Gemini in May 2024"');

    const res = await post('/admin/milestones/google-gemini-may-2024/reschedule', {
      expectedText: 'Q3 2024',
      sourceId: String(source.id),
      claimedOn: '2024-06-15',
      title: 'Google releases Gemini in Q3 2024',
      claim: 'A later report moved the date.',
      quote: '',
    }).expect(303);
    expect(res.headers.location).toBe('/milestones/google-gemini-may-2024-revised');

    const revised = await claim('google-gemini-may-2024-revised');
    expect(revised).toMatchObject({ revisesId: old.id, status: 'upcoming', expectedText: 'Q3 2024', sourceId: source.id, kind: 'dated' });
    expect(revised.windowStart).toEqual(new Date('2024-07-01T00:00:00Z'));
    expect(revised.windowEnd).toEqual(new Date('2024-10-01T00:00:00Z'));
    const stillOld = await claim('google-gemini-may-2024');
    expect(stillOld).toMatchObject({ status: old.status, windowStart: old.windowStart, windowEnd: old.windowEnd, expectedText: 'mai 2024' });

    // The job now flags the new claim on its own window, and the old one is resolved on its own.
    const summary = await flagMilestones(t.db, t.clock());
    expect(summary.due).toBe(1);
    expect((await claim('google-gemini-may-2024-revised')).status).toBe('due');

    const page = await request(t.app).get('/milestones/google-gemini-may-2024').expect(200);
    expect(page.text).toContain('Google releases Gemini in Q3 2024');
  });

  it('when the new date cannot be read, then the form comes back with the error and nothing is created', async () => {
    const source = await t.db.source.findFirstOrThrow({ orderBy: { id: 'asc' } });
    const res = await post('/admin/milestones/google-gemini-may-2024/reschedule', {
      expectedText: 'Q5 2024',
      sourceId: String(source.id),
      claimedOn: '2024-06-31',
      title: 'x',
    }).expect(422);
    expect(res.text).toMatch(/<input id="field-expectedText"[^>]*aria-invalid="true"/);
    expect(res.text).toContain('value="Q5 2024"');
    expect(res.text).toContain('Give the day the source said it, as YYYY-MM-DD.');
    expect(await t.db.milestone.count({ where: { revisesId: { not: null } } })).toBe(0);
  });

  it('when a claim was already revised, then it cannot be revised twice', async () => {
    const source = await t.db.source.findFirstOrThrow({ orderBy: { id: 'asc' } });
    const form = { expectedText: 'Q3 2024', sourceId: String(source.id), claimedOn: '2024-06-15', title: 'New' };
    await post('/admin/milestones/google-gemini-may-2024/reschedule', form).expect(303);
    const again = await post('/admin/milestones/google-gemini-may-2024/reschedule', form).expect(422);
    expect(again.text).toContain('was already revised by');
    expect(await t.db.milestone.count({ where: { revisesId: { not: null } } })).toBe(1);
  });
});
