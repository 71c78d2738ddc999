// platform/bulk.ts, the multi-row INSERTs of the import (decision 37): bounded statements on both
// engines, the values stored as Prisma stores them, ids returned by key.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Prisma } from '../../src/generated/sqlite/client.ts';
import { MAX_ROWS, insertReturning, insertRows, rowsPerStatement } from '../../src/platform/bulk.ts';
import { directReadFallbacks, type Db } from '../../src/platform/db.ts';
import { inOneTransaction } from '../../src/features/content/commit.ts';
import { prismaFailure } from '../../src/platform/prisma-errors.ts';
import { createTestDb, testEngine, type TestDb } from '../helpers/db.ts';
import { named } from '../helpers/factories.ts';

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
      Array.from({ length: 1234 }, (_, i) => ({ slug: `bulk-${i}`, ...named(`Bulk ${i}`), website: null, description: '', aliases: '', createdAt: at, updatedAt: at })),
      ['id', 'slug'],
    );
    expect(orgs).toHaveLength(1234);
    expect(statements()).toBe(Math.ceil(1234 / rowsPerStatement(8)));
    expect(rowsPerStatement(8)).toBeLessThanOrEqual(MAX_ROWS);
    // Ids come back with their keys: each one is the row of that slug.
    const byId = new Map((await t.db.organization.findMany({ select: { id: true, slug: true, createdAt: true } })).map((o) => [o.id, o]));
    for (const o of orgs) expect(byId.get(Number(o.id))?.slug).toBe(o.slug);
    // Dates as Prisma writes and reads them.
    expect(byId.get(Number(orgs[0]!.id))?.createdAt.toISOString()).toBe(at.toISOString());
  });

  // Outside a transaction the statements go through Prisma; inside the import's transaction, on
  // SQLite, straight on the connection (db.ts, writeRows): both must store the same values.
  for (const where of ['outside a transaction', 'inside a transaction'] as const) {
    it(`when a number beyond 2^53, a fraction, a boolean and a null are inserted ${where}, then Prisma reads back the same values`, async () => {
      const at = new Date('2026-01-02T00:00:00Z');
      const values = [2.1e25, 1.5552e18, 1e19, 7e9, 0.125, null];
      const insert = async (db: Db) => {
        const [s] = await insertReturning<{ id: number }>(db, 'Subject', [{ slug: 'bulk-model', ...named('Bulk model'), kind: 'model', description: '', aliases: '', createdAt: at, updatedAt: at }], ['id']);
        const [src] = await insertReturning<{ id: number }>(
          db,
          'Source',
          [{ publisher: 'Bulk', title: 'Numbers', url: null, publishedOn: null, language: 'en', isPrimary: true, createdAt: at, updatedAt: at }],
          ['id'],
        );
        const n = await insertRows(
          db,
          'SubjectFact',
          values.map((value) => ({ subjectId: Number(s!.id), kind: 'parameters', value, text: null, unit: 'parameters', note: '', refSubjectId: null, sourceId: Number(src!.id), recordedAt: at, createdAt: at })),
        );
        return { sourceId: Number(src!.id), n };
      };
      const { sourceId, n } = where === 'inside a transaction' ? await inOneTransaction(t.db, insert) : await insert(t.db);
      expect(n).toBe(values.length);
      const facts = await t.db.subjectFact.findMany({ orderBy: { id: 'asc' }, select: { value: true, recordedAt: true } });
      expect(facts.map((f) => f.value)).toEqual(values);
      expect(facts[0]!.recordedAt.toISOString()).toBe(at.toISOString());
      const source = await t.db.source.findUniqueOrThrow({ where: { id: sourceId } });
      expect(source.isPrimary).toBe(true);
      expect(source.createdAt.toISOString()).toBe(at.toISOString());
      // Not handed back to Prisma after a failed direct attempt (which would hide a mistranslated value).
      expect(directReadFallbacks(t.db)).toBe(0);
    });
  }

  it('when a transaction that inserted rows fails afterwards, then none of its rows are kept', async () => {
    const at = new Date('2026-01-02T00:00:00Z');
    const rows = Array.from({ length: 3 }, (_, i) => ({ slug: `rolled-back-${i}`, ...named(`Rolled back ${i}`), website: null, description: '', aliases: '', createdAt: at, updatedAt: at }));
    const failed = await inOneTransaction(t.db, async (tx) => {
      await insertReturning(tx, 'Organization', rows, ['id', 'slug']);
      await insertRows(tx, 'Organization', [{ ...rows[0]!, slug: 'rolled-back-more' }]);
      throw new Error('a later step failed');
    }).catch((e: unknown) => e);
    expect((failed as Error).message).toBe('a later step failed');
    expect(await t.db.organization.count({ where: { slug: { startsWith: 'rolled-back' } } })).toBe(0);
  });

  it('when a row inside a transaction takes a unique value already taken, then the error is the unique failure the import names, and nothing of the transaction is kept', async () => {
    const at = new Date('2026-01-02T00:00:00Z');
    const org = (slug: string) => ({ slug, ...named(slug), website: null, description: '', aliases: '', createdAt: at, updatedAt: at });
    await insertRows(t.db, 'Organization', [org('taken')]);
    const outcome = await inOneTransaction(t.db, async (tx) => {
      await insertRows(tx, 'Organization', [org('written-before')]);
      await insertRows(tx, 'Organization', [org('not-kept'), org('taken')]);
    }).catch((e: unknown) => e);
    // The import turns this into "a unique value is already taken" (import.service.ts): a raw
    // statement's failure is Prisma's P2010 with the driver's kind, on both engines.
    expect(outcome).toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
    expect(prismaFailure(outcome)).toBe('unique');
    const slugs = (await t.db.organization.findMany({ orderBy: { slug: 'asc' }, select: { slug: true } })).map((o) => o.slug);
    expect(slugs).toEqual(['taken']);
    // On SQLite the direct attempt failed and Prisma ran the statement again, for its own error.
    if (testEngine() === 'sqlite') expect(directReadFallbacks(t.db)).toBe(1);
  });

  it('when a transaction client is used after its transaction ended, then its statement is refused and does not join the transaction open then', async () => {
    const at = new Date('2026-01-02T00:00:00Z');
    const org = (slug: string) => ({ slug, ...named(slug), website: null, description: '', aliases: '', createdAt: at, updatedAt: at });
    let stale: Db | undefined;
    await inOneTransaction(t.db, async (tx) => {
      stale = tx;
    });
    const outcome = await inOneTransaction(t.db, async (tx) => {
      await insertRows(tx, 'Organization', [org('written-by-the-open-one')]);
      return insertRows(stale!, 'Organization', [org('written-by-the-stale-one')]).catch((e: unknown) => e);
    });
    expect(outcome).toBeInstanceOf(Error);
    const slugs = (await t.db.organization.findMany({ orderBy: { slug: 'asc' }, select: { slug: true } })).map((o) => o.slug);
    expect(slugs).toEqual(['written-by-the-open-one']);
  });

  it('when a table or column name is not a plain name, then nothing is run', async () => {
    await expect(insertRows(t.db, 'Organization"; DROP TABLE "Event', [{ slug: 'x' }])).rejects.toThrow(/not a plain table or column name/);
    await expect(insertRows(t.db, 'Organization', [{ 'slug" --': 'x' }])).rejects.toThrow(/not a plain table or column name/);
  });
});
