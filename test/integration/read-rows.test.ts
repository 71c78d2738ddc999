// readRows serves the public pages' reads (on SQLite straight from the connection, with kept
// statements; on PostgreSQL straight from the pool): it must answer exactly what Prisma's
// $queryRaw answers, and fail the same way.
import { Prisma } from '../../src/generated/sqlite/client.ts';
import { sqltag as sql } from '@prisma/client/runtime/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inOneTransaction } from '../../src/features/content/commit.ts';
import { seedDatabase } from '../../src/features/seed/index.ts';
import { directReadFallbacks, readRows } from '../../src/platform/db.ts';
import { createTestDb, testEngine, type TestDb } from '../helpers/db.ts';
import { named } from '../helpers/factories.ts';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await seedDatabase(t.db);
});
afterAll(async () => t.close());

/** Values as the repositories read them: numbers, and dates whichever way the engine gives them. */
const plain = (rows: Record<string, unknown>[]) =>
  rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v instanceof Date ? v.toISOString() : typeof v === 'string' && /^\d{4}-\d\d-\d\dT/.test(v) ? new Date(v).toISOString() : v])));

describe('readRows', () => {
  it('when given a date, a boolean, a list and a text parameter, then it returns the rows $queryRaw returns, in its order', async () => {
    const q = sql`SELECT e."id", e."slug", e."dateStart", (e."confidence" = ${'confirmed'}) = ${true} AS "sure", COUNT(*) OVER () AS "n"
      FROM "Event" e WHERE e."dateStart" >= ${new Date('2023-03-14T00:00:00Z')} AND e."id" IN (${Prisma.join([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])})
      ORDER BY e."dateStart", e."id"`;
    const direct = await readRows<Record<string, unknown>[]>(t.db, q);
    const prisma = await t.db.$queryRaw<Record<string, unknown>[]>(q);
    expect(direct.length).toBeGreaterThan(0);
    expect(plain(direct)).toEqual(plain(prisma));
    // PostgreSQL: the same types too (a count as a BigInt, DateTime columns as UTC dates).
    if (testEngine() === 'postgres') expect(direct).toEqual(prisma);
    // Answered from the connection itself, not handed back to Prisma (which would hide a mistranslated parameter).
    expect(directReadFallbacks(t.db)).toBe(0);
  });

  it('when the same statement runs again with other values, then it answers for the new values', async () => {
    const q = (slug: string) => sql`SELECT "title" FROM "Event" WHERE "slug" = ${slug}`;
    const [a] = await readRows<{ title: string }[]>(t.db, q('gemini-launch'));
    const [b] = await readRows<{ title: string }[]>(t.db, q('llama-2-release'));
    expect(a?.title).toMatch(/Gemini/);
    expect(b?.title).toMatch(/Llama 2/);
  });

  it('when a write has just been made, then the next read sees it', async () => {
    const q = sql`SELECT COUNT(*) AS "n" FROM "Tag" WHERE "slug" = ${'read-rows-check'}`;
    expect(Number((await readRows<{ n: number }[]>(t.db, q))[0]!.n)).toBe(0);
    await t.db.tag.create({ data: { slug: 'read-rows-check', ...named('read rows check') } });
    expect(Number((await readRows<{ n: number }[]>(t.db, q))[0]!.n)).toBe(1);
  });

  it('when read through a transaction client, then it sees the writes of its own transaction, and nothing after a rollback', async () => {
    const q = sql`SELECT COUNT(*) AS "n" FROM "Tag" WHERE "slug" = ${'inside-a-transaction'}`;
    const fallbacks = directReadFallbacks(t.db);
    const seen = await inOneTransaction(t.db, async (tx) => {
      await tx.tag.create({ data: { slug: 'inside-a-transaction', ...named('inside a transaction') } });
      const [row] = await readRows<{ n: number }[]>(tx, q);
      throw Object.assign(new Error('roll back'), { seen: Number(row!.n) });
    }).catch((e: { seen?: number }) => e.seen);
    expect(seen).toBe(1);
    expect(Number((await readRows<{ n: number }[]>(t.db, q))[0]!.n)).toBe(0);
    expect(directReadFallbacks(t.db)).toBe(fallbacks);
  });

  it('when the statement is wrong, then it fails with the error Prisma gives', async () => {
    const q = sql`SELECT "nope" FROM "Event"`;
    const prismaError = await t.db.$queryRaw(q).catch((e: unknown) => e);
    const directError = await readRows(t.db, q).catch((e: unknown) => e);
    expect(prismaError).toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
    expect(directError).toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
    expect((directError as Error).message).toBe((prismaError as Error).message);
    expect(directReadFallbacks(t.db)).toBe(1);
  });

  it('when the client was disconnected, then the next read connects again and answers', async () => {
    await t.db.$disconnect();
    const [row] = await readRows<{ n: number }[]>(t.db, sql`SELECT COUNT(*) AS "n" FROM "Event"`);
    expect(Number(row!.n)).toBeGreaterThan(0);
  });
});
