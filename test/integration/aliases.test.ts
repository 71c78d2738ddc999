// Organization aliases: stored, edited in the admin form, used by the Epoch import and by search,
// carried by export and import (docs/decisions/0033).
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedData } from '../../prisma/seed/data.ts';
import { exportAll, importData } from '../../src/features/content/index.ts';
import { importEpoch } from '../../src/features/datasets/index.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { signIn } from '../helpers/admin-session.ts';
import { testEngine } from '../helpers/db.ts';

let t: TestApp;
let agent: Awaited<ReturnType<typeof signIn>>['agent'];
let token: string;

beforeAll(async () => {
  t = await createTestApp({ seed: true, world: seedData });
  ({ agent, token } = await signIn(t.app, t.db, 'editor'));
}, 120_000);
afterAll(async () => t.close());

const ctx = () => ({ db: t.db, now: t.clock(), userId: null });
const post = (url: string, fields: Record<string, unknown>) => agent.post(url).type('form').send({ _csrf: token, ...fields });
const orgId = async (slug: string) => (await t.db.organization.findUniqueOrThrow({ where: { slug } })).id;

describe(`organization aliases (${testEngine()})`, { timeout: 120_000 }, () => {
  it('when the seed is loaded, then Meta and Google carry their aliases and the organization page shows them', async () => {
    const google = await t.db.organization.findUniqueOrThrow({ where: { slug: 'google' } });
    expect(google.aliases.split('\n')).toEqual(expect.arrayContaining(['Google DeepMind', 'DeepMind', 'Google Brain']));
    const page = await request(t.app).get('/organizations/meta').expect(200);
    expect(page.text).toContain('Also known as');
    expect(page.text).toContain('Facebook AI Research');
  });

  it('when an Epoch row is credited to “Google DeepMind”, then it is matched to the seeded Google, not a new organization', async () => {
    const before = await t.db.organization.count();
    const csv = 'Model,Publication date,Organization,Link\nAlias Test Model,2024-05-01,Google DeepMind,https://example.org/alias-model\n';
    const r = await importEpoch(ctx(), csv, { dryRun: false });
    expect(r.ok).toBe(true);
    expect(await t.db.organization.count()).toBe(before);
    const ev = await t.db.event.findFirstOrThrow({ where: { subjects: { some: { subject: { name: 'Alias Test Model' } } } }, include: { organizations: { include: { organization: true } } } });
    expect(ev.organizations.map((o) => o.organization.slug)).toEqual(['google']);
  });

  it('when someone searches for an alias, then the events of that organization are found', async () => {
    const res = await request(t.app).get('/api/v1/events?q=deepmind').expect(200);
    const titles = (res.body.data as { title: string }[]).map((e) => e.title);
    expect(titles.length).toBeGreaterThan(0);
    expect(titles.some((x) => /Alias Test Model/.test(x))).toBe(true);
  });

  it('when an editor adds aliases, then they are saved, shown and searchable; an alias held by another organization is refused with a clear error', async () => {
    const id = await orgId('nvidia');
    await post(`/admin/organizations/${id}`, { name: 'Nvidia', slug: 'nvidia', website: 'https://www.nvidia.com/', description: 'x', aliases: 'NVIDIA Corporation\nNVDA' }).expect(303);
    expect((await t.db.organization.findUniqueOrThrow({ where: { id } })).aliases).toBe('NVIDIA Corporation\nNVDA');
    const edit = await agent.get(`/admin/organizations/${id}/edit`).expect(200);
    expect(edit.text).toContain('NVDA');

    const refused = await post(`/admin/organizations/${id}`, { name: 'Nvidia', slug: 'nvidia', website: '', description: 'x', aliases: 'NVDA\nDeepMind' }).expect(422);
    expect(refused.text).toContain('is already an alias of the organization “Google”');
    expect((await t.db.organization.findUniqueOrThrow({ where: { id } })).aliases).toBe('NVIDIA Corporation\nNVDA');

    const named = await post('/admin/organizations', { name: 'Google DeepMind', website: '', description: '' }).expect(422);
    expect(named.text).toContain('is an alias of the organization “Google”');
  });

  it('when an organization’s aliases change, then the events naming it are found by the new alias', async () => {
    const id = await orgId('midjourney');
    await post(`/admin/organizations/${id}`, { name: 'Midjourney', slug: 'midjourney', website: '', description: '', aliases: 'Holzwarth Lab' }).expect(303);
    const ids = (await t.db.eventOrganization.findMany({ where: { organizationId: id } })).map((e) => e.eventId);
    expect(ids.length).toBeGreaterThan(0);
    const res = await request(t.app).get('/api/v1/events?q=holzwarth').expect(200);
    expect((res.body.data as unknown[]).length).toBe(ids.length);
  });

  it('when the data is exported and imported again, then the aliases come back; re-importing changes nothing', async () => {
    const bundle = await exportAll(t.db, t.clock());
    const google = bundle.organizations.find((o) => o.slug === 'google')!;
    expect(google.aliases).toContain('Google DeepMind');
    const again = await importData(ctx(), JSON.stringify(bundle), { format: 'json', dryRun: true });
    expect(again.ok).toBe(true);
    expect(again.counts).toMatchObject({ create: 0, update: 0 });
  });
});
