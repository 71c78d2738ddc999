// platform/bulk.ts, the multi-row INSERTs of the import (decision 37): bounded statements on both
// engines, the values stored as Prisma stores them, ids returned by key.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_ROWS, insertReturning, insertRows, rowsPerStatement } from '../../src/platform/bulk.ts';
import type { Db } from '../../src/platform/db.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => t.close());

/** `t.db` counting the raw statements it runs. */
function counting(): { db: Db; statements: () => number } {
  let n = 0;
  const count = ({ args, query }: { args: unknown; query: (a: unknown) => Promise<unknown> }) => (n++, query(args));
  const db = t.db.$extends({ query: { $executeRaw: count, $queryRaw: count } }) as unknown as Db;
  return { db, statements: () => n };
}

describe('multi-row inserts', () => {
  it('when more rows than one statement takes are inserted, then they go in several bounded statements and all arrive', async () => {
    const { db, statements } = counting();
    const at = new Date('2026-01-02T03:04:05.678Z');
    const orgs = await insertReturning<{ id: number; slug: string }>(
      db,
      'Organization',
      Array.from({ length: 1234 }, (_, i) => ({ slug: `bulk-${i}`, name: `Bulk ${i}`, website: null, description: '', aliases: '', createdAt: at, updatedAt: at })),
      ['id', 'slug'],
    );
    expect(orgs).toHaveLength(1234);
    expect(statements()).toBe(Math.ceil(1234 / rowsPerStatement(7)));
    expect(rowsPerStatement(7)).toBeLessThanOrEqual(MAX_ROWS);
    // Ids come back with their keys: each one is the row of that slug.
    const byId = new Map((await t.db.organization.findMany({ select: { id: true, slug: true, createdAt: true } })).map((o) => [o.id, o]));
    for (const o of orgs) expect(byId.get(Number(o.id))?.slug).toBe(o.slug);
    // Dates as Prisma writes and reads them.
    expect(byId.get(Number(orgs[0]!.id))?.createdAt.toISOString()).toBe(at.toISOString());
  });

  it('when a number beyond 2^53, a fraction, a boolean and a null are inserted, then Prisma reads back the same values', async () => {
    const at = new Date('2026-01-02T00:00:00Z');
    const [s] = await insertReturning<{ id: number }>(t.db, 'Subject', [{ slug: 'bulk-model', name: 'Bulk model', kind: 'model', description: '', aliases: '', createdAt: at, updatedAt: at }], ['id']);
    const [src] = await insertReturning<{ id: number }>(
      t.db,
      'Source',
      [{ publisher: 'Bulk', title: 'Numbers', url: null, publishedOn: null, language: 'en', isPrimary: true, createdAt: at, updatedAt: at }],
      ['id'],
    );
    const values = [2.1e25, 1.5552e18, 1e19, 7e9, 0.125, null];
    await insertRows(
      t.db,
      'SubjectFact',
      values.map((value) => ({ subjectId: Number(s!.id), kind: 'parameters', value, text: null, unit: 'parameters', note: '', refSubjectId: null, sourceId: Number(src!.id), recordedAt: at, createdAt: at })),
    );
    const facts = await t.db.subjectFact.findMany({ orderBy: { id: 'asc' }, select: { value: true } });
    expect(facts.map((f) => f.value)).toEqual(values);
    expect((await t.db.source.findUniqueOrThrow({ where: { id: Number(src!.id) } })).isPrimary).toBe(true);
  });

  it('when a table or column name is not a plain name, then nothing is run', async () => {
    await expect(insertRows(t.db, 'Organization"; DROP TABLE "Event', [{ slug: 'x' }])).rejects.toThrow(/not a plain table or column name/);
    await expect(insertRows(t.db, 'Organization', [{ 'slug" --': 'x' }])).rejects.toThrow(/not a plain table or column name/);
  });
});
