// Names in reader order (docs/decisions/0045): case and accents ignored, then the exact name,
// then the id; the same on both engines, whatever the bytes of the names.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import {
  createEvent,
  createOrganization,
  createSource,
  createSubject,
  eventSchema,
  exportAll,
  importData,
  refreshSortNames,
  sourceSchema,
  updateOrganization,
} from '../../src/features/content/index.ts';
import { sortKey } from '../../src/platform/text/sort-key.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { testEngine } from '../helpers/db.ts';

let t: TestApp;
const ctx = () => ({ db: t.db, now: t.clock(), userId: null });

/** Organizations in reader order; byte order would give AI21 Labs, AT&T, Adobe, Ecco, edge, Écho AI. */
const ORGS = [
  { name: 'Adobe', slug: 'adobe' },
  { name: 'AI21 Labs', slug: 'ai21-labs' },
  { name: 'AT&T', slug: 'at-t' },
  { name: 'Ecco', slug: 'ecco' },
  { name: 'Écho AI', slug: 'echo-ai' },
  { name: 'edge', slug: 'edge' },
];
/** Subjects in reader order; byte order: Eclipse, ecology, éclair. */
const SUBJECTS = [
  { name: 'éclair', slug: 'eclair' },
  { name: 'Eclipse', slug: 'eclipse' },
  { name: 'ecology', slug: 'ecology' },
];
/** Tags as typed, and their slugs in reader order (alpha, ecco, Écho, Edge, zeta). */
const TAGS = 'zeta, Écho, ecco, Edge, alpha';
const TAG_SLUGS = ['alpha', 'ecco', 'echo', 'edge', 'zeta'];

/** Every page of an API list, `limit` at a time. */
async function allPages(app: App, first: string): Promise<{ slug: string; name: string }[]> {
  const out: { slug: string; name: string }[] = [];
  let next: string | null = first;
  while (next) {
    const res: { body: { data: { slug: string; name: string }[]; page: { next: string | null } } } = await request(app).get(next).expect(200);
    out.push(...res.body.data);
    next = res.body.page.next;
  }
  return out;
}

const slugsOf = (rows: { slug: string }[]) => rows.map((r) => r.slug);
const matches = (html: string, re: RegExp) => [...html.matchAll(re)].map((m) => m[1]!);
const unique = (xs: string[]) => [...new Set(xs)];

beforeAll(async () => {
  t = await createTestApp();
  // Created out of order, so that the ids do not give the order either.
  for (const o of [...ORGS].reverse()) await createOrganization(ctx(), { ...o, website: null, description: '', aliases: [] });
  for (const s of [...SUBJECTS].reverse()) await createSubject(ctx(), { ...s, kind: 'model', description: '', aliases: [], organizations: [] });
  const source = await createSource(ctx(), sourceSchema.parse({ publisher: 'Example News', title: 'Everyone at once', url: 'https://example.com/a', publishedOn: '2024-01-02', language: 'en' }));
  await createEvent(
    ctx(),
    eventSchema.parse({
      title: 'Everyone ships something',
      kind: 'release',
      date: '2024-01-02',
      sourceId: [String(source.id)],
      sourceQuote: [''],
      organizations: ORGS.map((o) => o.slug).reverse(),
      subjects: SUBJECTS.map((s) => s.slug).reverse(),
      tags: TAGS,
    }),
  );
}, 120_000);
afterAll(async () => t?.close());

describe(`names in reader order (${testEngine()})`, { timeout: 120_000 }, () => {
  it('when /organizations and /subjects are opened, then they list names ignoring case and accents', async () => {
    const orgs = (await request(t.app).get('/organizations').expect(200)).text;
    expect(unique(matches(orgs, /href="\/organizations\/([^"]+)"/g))).toEqual(slugsOf(ORGS));
    const subjects = (await request(t.app).get('/subjects').expect(200)).text;
    expect(unique(matches(subjects, /href="\/subjects\/([^"]+)"/g))).toEqual(slugsOf(SUBJECTS));
  });

  it('when the API lists are paged two at a time through their cursors, then every name comes exactly once, in reader order', async () => {
    expect(slugsOf(await allPages(t.app, '/api/v1/organizations?limit=2'))).toEqual(slugsOf(ORGS));
    expect(slugsOf(await allPages(t.app, '/api/v1/subjects?limit=2'))).toEqual(slugsOf(SUBJECTS));
    // A search reads the table in the same order.
    expect(slugsOf(await allPages(t.app, '/api/v1/organizations?limit=1&q=a'))).toEqual(['adobe', 'ai21-labs', 'at-t', 'echo-ai']);
  });

  it('when a cursor of the former shape (name, id) is given, then the API answers 400 naming the cursor', async () => {
    const old = Buffer.from(JSON.stringify(['Adobe', 1])).toString('base64url');
    const res = await request(t.app).get(`/api/v1/organizations?limit=2&cursor=${old}`).expect(400);
    expect(res.body.error.details.fields.cursor).toMatch(/damaged/);
  });

  it('when the home page is opened, then its organization, subject and tag filter lists are in reader order', async () => {
    const html = (await request(t.app).get('/').expect(200)).text;
    expect(matches(html, /name="organization" value="([^"]+)"/g)).toEqual(slugsOf(ORGS));
    expect(matches(html, /name="subject" value="([^"]+)"/g)).toEqual(slugsOf(SUBJECTS));
    expect(matches(html, /name="tag" value="([^"]+)"/g)).toEqual(TAG_SLUGS);
  });

  it("when an event is listed or opened, then its organizations, subjects and tags are in reader order", async () => {
    const [listed] = (await request(t.app).get('/api/v1/events').expect(200)).body.data;
    const { event } = (await request(t.app).get(`/api/v1/events/${listed.slug}`).expect(200)).body.data;
    for (const e of [listed, event]) {
      expect(slugsOf(e.organizations)).toEqual(slugsOf(ORGS));
      expect(slugsOf(e.subjects)).toEqual(slugsOf(SUBJECTS));
      expect(slugsOf(e.tags)).toEqual(TAG_SLUGS);
    }
    const page = (await request(t.app).get(`/events/${listed.slug}`).expect(200)).text;
    expect(unique(matches(page, /href="\/organizations\/([^"]+)"/g))).toEqual(slugsOf(ORGS));
  });

  it('when an organization is renamed, then it moves to its new place', async () => {
    const ctx2 = ctx();
    const att = await t.db.organization.findUniqueOrThrow({ where: { slug: 'at-t' } });
    await updateOrganization(ctx2, att.id, { name: 'Ábaco', slug: 'at-t', website: null, description: '', aliases: [] });
    try {
      expect(slugsOf(await allPages(t.app, '/api/v1/organizations?limit=2'))).toEqual(['at-t', 'adobe', 'ai21-labs', 'ecco', 'echo-ai', 'edge']);
      const html = (await request(t.app).get('/').expect(200)).text;
      expect(matches(html, /name="organization" value="([^"]+)"/g)[0]).toBe('at-t');
    } finally {
      await updateOrganization(ctx2, att.id, { name: 'AT&T', slug: 'at-t', website: null, description: '', aliases: [] });
    }
  });

  it('when a JSON export holding these names is imported into an empty database, then they come in the same order', async () => {
    const bundle = await exportAll(t.db, t.clock());
    const empty = await createTestApp();
    try {
      const report = await importData({ db: empty.db, now: empty.clock(), userId: null }, JSON.stringify(bundle), { format: 'json', dryRun: false });
      expect(report.errors).toEqual([]);
      expect(report.applied).toBe(true);
      expect(slugsOf(await allPages(empty.app, '/api/v1/organizations?limit=2'))).toEqual(slugsOf(ORGS));
      expect(slugsOf(await allPages(empty.app, '/api/v1/subjects?limit=2'))).toEqual(slugsOf(SUBJECTS));
      const [listed] = (await request(empty.app).get('/api/v1/events').expect(200)).body.data;
      expect(slugsOf(listed.organizations)).toEqual(slugsOf(ORGS));
      expect(slugsOf(listed.tags)).toEqual(TAG_SLUGS);
      const html = (await request(empty.app).get('/').expect(200)).text;
      expect(matches(html, /name="organization" value="([^"]+)"/g)).toEqual(slugsOf(ORGS));
    } finally {
      await empty.close();
    }
  });

  it('when keys are left as the migration wrote them (lower of the name), then the start-up refresh rewrites the wrong ones, and a second run changes nothing', async () => {
    for (const table of ['Organization', 'Subject', 'Tag']) await t.db.$executeRawUnsafe(`UPDATE "${table}" SET "sortName" = lower("name")`);
    // lower() leaves "É" as it is: "Écho AI" sorts after "edge".
    expect(slugsOf(await allPages(t.app, '/api/v1/organizations?limit=100'))).toEqual(['adobe', 'ai21-labs', 'at-t', 'ecco', 'edge', 'echo-ai']);
    // Écho AI, éclair and the tag Écho.
    expect(await refreshSortNames(t.db)).toBe(3);
    expect(await refreshSortNames(t.db)).toBe(0);
    const rows = [...(await t.db.organization.findMany()), ...(await t.db.subject.findMany()), ...(await t.db.tag.findMany())];
    for (const r of rows) expect(r.sortName).toBe(sortKey(r.name));
    expect(slugsOf(await allPages(t.app, '/api/v1/organizations?limit=2'))).toEqual(slugsOf(ORGS));
  });
});
