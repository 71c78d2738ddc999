// The import writes set-based (decision 37): a bounded number of statements whatever the number of
// rows, every link and audit entry in place, the search text right.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importData } from '../../src/features/content/index.ts';
import type { Db } from '../../src/platform/db.ts';
import { createTestDb, testEngine, type TestDb } from '../helpers/db.ts';

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => t.close());

const ctx = (db: Db = t.db) => ({ db, now: new Date('2026-01-15T12:00:00Z'), userId: null });
const file = (parts: Record<string, unknown[]>) => JSON.stringify({ format: 'timeline-export', version: 1, ...parts });

/** The text of a raw statement's arguments (a Sql object or a template's strings). */
function sqlText(args: unknown): string {
  const first = Array.isArray(args) ? args[0] : args;
  if (typeof first === 'string') return first;
  const o = first as { sql?: string; strings?: readonly string[] } | null;
  return o?.sql ?? o?.strings?.join('?') ?? '';
}

/** `t.db` counting the statements that write (model writes and raw statements other than SELECT). */
function countingWrites(): { db: Db; writes: () => number } {
  let n = 0;
  const raw = ({ args, query }: { args: unknown; query: (a: unknown) => Promise<unknown> }) => {
    if (!/^\s*SELECT\b/i.test(sqlText(args))) n++;
    return query(args);
  };
  const db = t.db.$extends({
    query: {
      $executeRaw: raw,
      $queryRaw: raw,
      $allModels: {
        async $allOperations({ operation, args, query }) {
          if (!/^(find|count|aggregate|groupBy)/.test(operation)) n++;
          return query(args);
        },
      },
    },
  }) as unknown as Db;
  return { db, writes: () => n };
}

const EVENTS = 1200;

function bigFile() {
  return file({
    organizations: [
      { slug: 'bulk-org', name: 'Bulk Org', website: null, description: '', aliases: ['Bulk Organisation'] },
      { slug: 'other-org', name: 'Other Org', website: null, description: '', aliases: [] },
    ],
    subjects: [{ slug: 'bulk-model', name: 'Bulk Model', kind: 'model', description: '', aliases: [], organizations: ['bulk-org'] }],
    tags: [
      { slug: 'frontier', name: 'Frontier' },
      { slug: 'open-weights', name: 'Open weights' },
    ],
    sources: [{ key: 'bulk-source', publisher: 'Bulk News', title: 'A list', url: null, publishedOn: '2024-01-02', language: 'en', isPrimary: false, cites: null, discrepancies: [] }],
    events: Array.from({ length: EVENTS }, (_, i) => ({
      slug: `bulk-event-${i}`,
      title: `Bulk event ${i}`,
      summary: 'Released.',
      kind: 'release',
      confidence: 'confirmed',
      date: '2024-05-01',
      organizations: i % 2 ? ['bulk-org', 'other-org'] : ['bulk-org'],
      subjects: ['bulk-model'],
      tags: i % 3 ? ['frontier', 'open-weights'] : ['frontier'],
      sources: [{ source: 'bulk-source', quote: i % 5 ? null : `quote ${i}` }],
    })),
  });
}

describe(`a set-based import (${testEngine()})`, { timeout: 120_000 }, () => {
  it(`when ${EVENTS} events with links and tags are imported, then it takes a bounded number of statements (not one or more per event) and every row has its links, tags, history and search text`, async () => {
    const { db, writes } = countingWrites();
    const r = await importData(ctx(db), bigFile(), { format: 'json', dryRun: false });
    expect(r.errors).toEqual([]);
    expect(r.applied).toBe(true);
    // The old writer ran an INSERT per event and a connectOrCreate per tag link: well over 2,400.
    // Now a statement per table and about 200 rows (about 60 here).
    expect(writes()).toBeLessThan(120);

    const events = await t.db.event.findMany({
      where: { slug: { startsWith: 'bulk-event-' } },
      include: { organizations: true, subjects: true, tags: { include: { tag: true } }, sources: true },
      orderBy: { id: 'asc' },
    });
    expect(events).toHaveLength(EVENTS);
    for (const e of events) {
      const i = Number(e.slug.slice('bulk-event-'.length));
      expect(e.organizations).toHaveLength(i % 2 ? 2 : 1);
      expect(e.subjects).toHaveLength(1);
      expect(e.tags.map((x) => x.tag.slug).sort()).toEqual(i % 3 ? ['frontier', 'open-weights'] : ['frontier']);
      expect(e.sources.map((s) => s.quote)).toEqual([i % 5 ? null : `quote ${i}`]);
      // Names, aliases and tags of the same import are in the search text.
      expect(e.searchText).toContain('bulk organisation');
      expect(e.searchText).toContain('frontier');
      expect(e.updatedAt.getTime()).toBe(e.createdAt.getTime());
    }
    expect(await t.db.tag.count()).toBe(2);
    expect(await t.db.subjectOrganization.count()).toBe(1);
    expect(await t.db.auditLog.count({ where: { entityType: 'event', action: 'create' } })).toBe(EVENTS);
    if (testEngine() === 'sqlite') {
      // The full-text index follows the rows (triggers fire for multi-row INSERTs too).
      const [{ n }] = await t.db.$queryRawUnsafe<[{ n: number }]>(`SELECT COUNT(*) AS n FROM "EventSearch" WHERE "EventSearch" MATCH 'frontier'`);
      expect(Number(n)).toBe(EVENTS);
    }

    // Importing the same file again changes nothing and writes nothing.
    const again = countingWrites();
    const r2 = await importData(ctx(again.db), bigFile(), { format: 'json', dryRun: false });
    expect(r2.counts).toEqual({ create: 0, update: 0, unchanged: EVENTS + 6 });
    expect(again.writes()).toBe(0);
  });
});

describe(`a large import beside other requests (${testEngine()})`, { timeout: 120_000 }, () => {
  it('when a file of 1,200 events is checked and written, then the event loop gets turns all along (other requests are answered)', async () => {
    let turns = 0;
    let stop = false;
    const tick = () => {
      turns++;
      if (!stop) setImmediate(tick);
    };
    setImmediate(tick);
    const dry = await importData(ctx(), bigFile(), { format: 'json', dryRun: true });
    const duringCheck = turns;
    const applied = await importData(ctx(), bigFile(), { format: 'json', dryRun: false });
    stop = true;
    expect(dry.ok && applied.applied).toBe(true);
    // Checking and planning 1,206 rows: a turn every 500 rows at least.
    expect(duringCheck).toBeGreaterThanOrEqual(4);
    // Writing: a turn between statements (about 60 of them).
    expect(turns - duringCheck).toBeGreaterThanOrEqual(10);
  });
});
