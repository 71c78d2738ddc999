// Issue 12, defect 2: from about 60,000 events on, the exports, a source page and a one-row dry
// run answered 500 "too many SQL variables" (one bound variable per row). With 70,000 events
// citing one source, all of them answer.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importData } from '../../src/features/content/index.ts';
import { signIn } from '../helpers/admin-session.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';

const N = 70_000;
let t: TestApp;
let sourceId: number;

beforeAll(async () => {
  t = await createTestApp({ seed: true });
  const org = await t.db.organization.findFirstOrThrow({ orderBy: { id: 'asc' } });
  const source = await t.db.source.findFirstOrThrow({ orderBy: { id: 'asc' } });
  sourceId = source.id;
  // Many rows fast: one statement each, copying the dates of a seeded event.
  await t.db.$executeRawUnsafe(`
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${N})
    INSERT INTO "Event" ("slug", "title", "summary", "kind", "confidence", "dateStart", "dateEnd", "datePrecision", "dateText", "searchText", "createdAt", "updatedAt")
    SELECT 'bulk-' || n.i, 'Bulk event ' || n.i, '', e."kind", e."confidence", e."dateStart", e."dateEnd", e."datePrecision", e."dateText", '', e."createdAt", e."updatedAt"
    FROM n, (SELECT * FROM "Event" ORDER BY "id" LIMIT 1) e`);
  await t.db.$executeRawUnsafe(`INSERT INTO "EventOrganization" ("eventId", "organizationId") SELECT "id", ${org.id} FROM "Event" WHERE "slug" LIKE 'bulk-%'`);
  await t.db.$executeRawUnsafe(`INSERT INTO "EventSource" ("eventId", "sourceId", "position") SELECT "id", ${source.id}, 0 FROM "Event" WHERE "slug" LIKE 'bulk-%'`);
}, 120_000);
afterAll(async () => t.close());

describe(`with ${N} events citing one source`, () => {
  it('when an editor downloads the JSON and the CSV exports, then every event is in them', { timeout: 120_000 }, async () => {
    const { agent } = await signIn(t.app, t.db, 'editor');
    const json = await agent.get('/admin/data/export.json').expect(200);
    const bundle = JSON.parse(json.text) as { events: { slug: string; sources: unknown[] }[] };
    expect(bundle.events.filter((e) => e.slug.startsWith('bulk-'))).toHaveLength(N);
    expect(bundle.events.find((e) => e.slug === 'bulk-1')?.sources).toHaveLength(1);
    const csv = await agent.get('/admin/data/export/events.csv').expect(200);
    expect(csv.text.split('\n').filter((l) => l.startsWith('bulk-'))).toHaveLength(N);
  });

  it('when a reader opens the source page, then it answers with the first events and the count of the others', { timeout: 60_000 }, async () => {
    const res = await request(t.app).get(`/sources/${sourceId}`).expect(200);
    expect(res.text).toMatch(/more events cite this source/);
  });

  it('when a one-row file is checked in a dry run, then it is valid', { timeout: 60_000 }, async () => {
    const org = await t.db.organization.findFirstOrThrow({ orderBy: { id: 'asc' } });
    const source = { key: 'new-source', publisher: 'Example News', title: 'A report', url: 'https://example.com/a', publishedOn: '2024-01-02', language: 'en', isPrimary: false, cites: null, discrepancies: [] };
    const file = JSON.stringify({
      format: 'timeline-export',
      version: 1,
      sources: [source],
      events: [{ slug: 'one-more', title: 'One more', summary: '', kind: 'release', confidence: 'confirmed', date: '2024-05-01', organizations: [org.slug], subjects: [], tags: [], sources: [{ source: 'new-source', quote: null }] }],
    });
    const report = await importData({ db: t.db, now: t.clock(), userId: null }, file, { format: 'json', dryRun: true });
    expect(report.errors).toEqual([]);
    expect(report.counts.create).toBe(2); // the source and the event
  });
});
