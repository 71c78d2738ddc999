// Merging two organizations or two subjects (docs/decisions/0034), on the run's engine.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedData } from '../../prisma/seed/data.ts';
import { createEvent, createOrganization, createSubject, eventSchema } from '../../src/features/content/index.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { signIn } from '../helpers/admin-session.ts';
import { testEngine } from '../helpers/db.ts';

let t: TestApp;
let admin: Awaited<ReturnType<typeof signIn>>;
let editor: Awaited<ReturnType<typeof signIn>>;

beforeAll(async () => {
  t = await createTestApp({ seed: true, world: seedData });
  admin = await signIn(t.app, t.db, 'admin');
  editor = await signIn(t.app, t.db, 'editor');
}, 120_000);
afterAll(async () => t.close());

const ctx = () => ({ db: t.db, now: t.clock(), userId: null });
const merge = (who: typeof admin, url: string, fields: Record<string, unknown>) => who.agent.post(url).type('form').send({ _csrf: who.token, ...fields });
const orgBySlug = (slug: string) => t.db.organization.findUnique({ where: { slug } });

describe(`merging records (${testEngine()})`, { timeout: 120_000 }, () => {
  let dupId: number;
  let eventId: number;
  let bothId: number;

  beforeAll(async () => {
    const source = await t.db.source.findFirstOrThrow({ orderBy: { id: 'asc' } });
    dupId = (await createOrganization(ctx(), { name: 'Brain Team', slug: 'brain-team', website: null, description: '', aliases: ['BT Research'] })).id;
    await createSubject(ctx(), { name: 'Brain Model', slug: 'brain-model', kind: 'model', description: '', aliases: [], organizations: ['brain-team'] });
    const ev = (over: Record<string, unknown>) =>
      eventSchema.parse({ kind: 'release', date: '2024-01-02', sourceId: [String(source.id)], sourceQuote: [''], tags: '', ...over });
    eventId = (await createEvent(ctx(), ev({ title: 'Brain Team ships a model', organizations: ['brain-team'], subjects: ['brain-model'] }))).id;
    bothId = (await createEvent(ctx(), ev({ title: 'Joint paper', organizations: ['brain-team', 'google'] }))).id;
  });

  it('when the merge form is opened, then it offers the other organizations to pick from, those sharing a word with the name or aliases first', async () => {
    for (const url of [`/admin/organizations/${dupId}/merge`, `/admin/organizations/${dupId}/edit`]) {
      const html = (await admin.agent.get(url).expect(200)).text;
      expect(html).toMatch(/<input id="(field|merge)-into" name="into"[^>]* list="merge-choices"/);
      const options = [...html.matchAll(/<option value="([^"]*)">([^<]*)<\/option>/g)].map((m) => m[1]);
      // "Brain Team" shares "brain" with Google's alias "Google Brain".
      expect(options[0]).toBe('google');
      expect(options).not.toContain('brain-team');
      expect(options.length).toBe(await t.db.organization.count() - 1);
    }
  });

  it('when the form is sent without the confirmation, into itself, or into nothing known, then it says so and nothing changes', async () => {
    const url = `/admin/organizations/${dupId}/merge`;
    expect((await merge(admin, url, { into: 'google' }).expect(422)).text).toContain('Tick the box to confirm');
    expect((await merge(admin, url, { into: 'brain-team', confirm: 'on' }).expect(422)).text).toContain('cannot be merged into itself');
    expect((await merge(admin, url, { into: 'no-such-org', confirm: 'on' }).expect(422)).text).toContain('There is no organization “no-such-org”');
    expect((await merge(admin, url, { into: '', confirm: 'on' }).expect(422)).text).toContain('Choose the organization to merge');
    expect(await orgBySlug('brain-team')).not.toBeNull();
  });

  it('when an editor who is not an admin tries, or the CSRF token is missing, then it is refused', async () => {
    await merge(editor, `/admin/organizations/${dupId}/merge`, { into: 'google', confirm: 'on' }).expect(403);
    await admin.agent.post(`/admin/organizations/${dupId}/merge`).type('form').send({ into: 'google', confirm: 'on' }).expect(403);
    expect(await orgBySlug('brain-team')).not.toBeNull();
  });

  it('when an admin merges an organization into another, then references move, the name becomes an alias, the old slug redirects with 301 and both histories say so', async () => {
    const edit = await admin.agent.get(`/admin/organizations/${dupId}/edit`).expect(200);
    expect(edit.text).toContain('Merge into…');
    const google = (await orgBySlug('google'))!;
    const res = await merge(admin, `/admin/organizations/${dupId}/merge`, { into: 'Google', confirm: 'on' }).expect(303);
    expect(res.headers.location).toBe(`/admin/organizations/${google.id}/edit`);

    expect(await orgBySlug('brain-team')).toBeNull();
    const links = await t.db.eventOrganization.findMany({ where: { eventId: { in: [eventId, bothId] } }, orderBy: [{ eventId: 'asc' }] });
    expect(links.map((l) => [l.eventId, l.organizationId])).toEqual([
      [eventId, google.id],
      [bothId, google.id],
    ]);
    const subject = await t.db.subject.findUniqueOrThrow({ where: { slug: 'brain-model' }, include: { organizations: true } });
    expect(subject.organizations.map((o) => o.organizationId)).toEqual([google.id]);
    const kept = (await orgBySlug('google'))!;
    expect(kept.aliases.split('\n')).toEqual(expect.arrayContaining(['Brain Team', 'BT Research', 'Google DeepMind']));

    const moved = await request(t.app).get('/organizations/brain-team').expect(301);
    expect(moved.headers.location).toBe('/organizations/google');
    await request(t.app).get('/organizations/never-was').expect(404);
    const apiMoved = await request(t.app).get('/api/v1/organizations/brain-team').expect(301);
    expect(apiMoved.headers.location).toBe('/api/v1/organizations/google');
    const keptApi = (await request(t.app).get('/api/v1/organizations/google').expect(200)).body.data;
    expect(keptApi.organization.aliases).toEqual(expect.arrayContaining(['Brain Team', 'BT Research']));
    expect(keptApi.organization.subjects.map((s: { slug: string }) => s.slug)).toContain('brain-model');
    await request(t.app).get('/api/v1/organizations/never-was').expect(404);

    // The merged name is now one of Google's names: searching for it finds Google's events.
    const found = await request(t.app).get('/api/v1/events?q=brain%20team&limit=100').expect(200);
    const titles = (found.body.data as { title: string }[]).map((e) => e.title);
    expect(titles).toEqual(expect.arrayContaining(['Brain Team ships a model', 'Joint paper']));
    const googleEvents = await t.db.eventOrganization.count({ where: { organizationId: google.id } });
    expect(titles.length).toBe(googleEvents);

    const keptHistory = await admin.agent.get(`/admin/organizations/${google.id}/history`).expect(200);
    expect(keptHistory.text).toContain('mergedFrom');
    expect(keptHistory.text).toContain('Brain Team (brain-team)');
    const gone = await t.db.auditLog.findFirstOrThrow({ where: { entityType: 'organization', entityId: dupId }, orderBy: { id: 'desc' } });
    expect(gone.action).toBe('delete');
    expect(JSON.parse(gone.changes).mergedInto.after).toBe('Google (google)');
  });

  it('when a subject is merged, then its events, organizations and facts move to the kept one and its page redirects', async () => {
    const gpt4 = await t.db.subject.findUniqueOrThrow({ where: { slug: 'gpt-4' } });
    const dup = await t.db.subject.findUniqueOrThrow({ where: { slug: 'brain-model' } });
    await t.db.subjectFact.create({ data: { subjectId: dup.id, kind: 'parameters', value: 1e12, recordedAt: t.clock() } });
    await merge(admin, `/admin/subjects/${dup.id}/merge`, { into: 'gpt-4', confirm: 'on' }).expect(303);
    expect(await t.db.subject.findUnique({ where: { id: dup.id } })).toBeNull();
    expect(await t.db.subjectFact.count({ where: { subjectId: gpt4.id, kind: 'parameters', value: 1e12 } })).toBe(1);
    expect(await t.db.eventSubject.count({ where: { eventId, subjectId: gpt4.id } })).toBe(1);
    const kept = await t.db.subject.findUniqueOrThrow({ where: { id: gpt4.id } });
    expect(kept.aliases).toContain('Brain Model');
    expect((await request(t.app).get('/subjects/brain-model').expect(301)).headers.location).toBe('/subjects/gpt-4');
    expect((await request(t.app).get('/api/v1/subjects/brain-model').expect(301)).headers.location).toBe('/api/v1/subjects/gpt-4');
    await request(t.app).get('/api/v1/subjects/never-was').expect(404);
  });
});
