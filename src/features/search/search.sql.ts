// The SQL of a search, per engine (docs/decisions/0021, 0039, 0048): SQLite asks its FTS5 tables,
// PostgreSQL its tables of stored vectors (GIN-indexed), both named "EventSearch" and
// "MilestoneSearch" and kept by triggers. For pages of a search alone, SQLite also keeps
// "EventDateSearch" (the same index keyed by date) and PostgreSQL a date key in its side tables.
// Only words from query.ts reach the engines, as parameters.
import { empty, join, raw, sqltag as sql, type Sql } from '@prisma/client/runtime/client';
import { isPostgres, readRows, type Db } from '../../platform/db.ts';
import { titleDecidesTier1, toFts5Any, toFts5Match, toTsquery, type Expansions, type SearchQuery, type Term, type Tier } from './query.ts';

export type SearchTable = 'Event' | 'Milestone';

const PG_QUERY = (text: string) => sql`to_tsquery('simple'::regconfig, timeline_unaccent(${text}))`;

/**
 * PostgreSQL: the stored vector of the row aliased `v` holds the terms (`any`: one of them), in
 * its searchText part (weight D), or in its title part (weight A).
 */
const pgMatch = (terms: Term[], any = false, weight: 'A' | 'D' = 'D') => sql`v."vector" @@ ${PG_QUERY(toTsquery(terms, any, weight))}`;

/**
 * PostgreSQL: the vectors of `q` (aliased `v`), all of them or one tier's. Where the title decides
 * tier 1 (titleDecidesTier1) the rest is not tested: one scan of the GIN index fewer.
 */
function pgCondition(q: SearchQuery, tier: Tier | undefined): Sql {
  const titleOnly = tier === 1 && titleDecidesTier1(q);
  const parts = titleOnly ? [] : [pgMatch(q.include)];
  if (tier === 1) parts.push(pgMatch(q.include, false, 'A'));
  if (tier === 2) parts.push(sql`NOT (${pgMatch(q.include, false, 'A')})`);
  if (q.exclude.length) parts.push(sql`NOT (${pgMatch(q.exclude, true)})`);
  return join(parts, ' AND ');
}

/**
 * The conditions on rows of `table` aliased `x` that the search keeps: every match, or one
 * relevance tier's (`tier`, only when the search includes words).
 */
export function searchSql(db: Db, table: SearchTable, q: SearchQuery, tier?: Tier): Sql[] {
  const index = raw(`"${table}Search"`);
  if (q.include.length === 0) {
    // Exclusions alone: every row without the words.
    return isPostgres(db)
      ? [sql`NOT EXISTS (SELECT 1 FROM ${index} v WHERE v."id" = x."id" AND ${pgMatch(q.exclude, true)})`]
      : [sql`x."id" NOT IN (SELECT rowid FROM ${index} WHERE ${index} MATCH ${toFts5Any(q.exclude)})`];
  }
  return isPostgres(db)
    ? [sql`x."id" IN (SELECT v."id" FROM ${index} v WHERE ${pgCondition(q, tier)})`]
    : [sql`x."id" IN (SELECT rowid FROM ${index} WHERE ${index} MATCH ${toFts5Match(q, tier)})`];
}

// Date keys (docs/decisions/0048): the day of a row's start (days since 1970-01-01, UTC) × 2³¹ + id,
// the rowid of SQLite's "EventDateSearch" and the "key" column of PostgreSQL's side tables. Ids are
// 32-bit integers, and the keys of years 0000 to 9999 stay within 2⁵³.
const DAY_KEY = 2 ** 31;
const DAY_MS = 86_400_000;

/** Whether pages of `table` searched alone can be read from a date-keyed index (SQLite: events only). */
export function hasDatedIndex(db: Db, table: SearchTable): boolean {
  return isPostgres(db) || table === 'Event';
}

/** The day (since 1970-01-01, UTC) of a date. */
export function dayOf(date: Date | string): number {
  return Math.floor(new Date(date).getTime() / DAY_MS);
}

/** A prefix that stands for more words than this is left to FTS5 as a prefix. */
const MAX_EXPANSION = 32;

/**
 * The words each prefix term of `q` stands for, from "EventWordSearch" (SQLite; see its
 * migration), or null when a term stands for no word, so that nothing can match.
 */
export async function expandPrefixes(db: Db, q: SearchQuery): Promise<Expansions | null> {
  const out = new Map<Term, string[]>();
  // PostgreSQL's GIN index answers a prefix without merging first.
  if (isPostgres(db)) return out;
  for (const t of q.include) {
    if (!t.prefix) continue;
    const p = t.words.at(-1)!;
    const rows = await readRows<{ word: string }[]>(
      db,
      sql`SELECT "word" FROM "EventWordSearch" WHERE "word" >= ${p} AND "word" < ${`${p}\u{10FFFF}`} ORDER BY "word" LIMIT ${MAX_EXPANSION + 1}`,
    );
    if (rows.length === 0) return null;
    if (rows.length <= MAX_EXPANSION) out.set(t, rows.map((r) => r.word));
  }
  return out;
}

/**
 * Matches of `q` (or of one tier) in date-key order, at most `limit` of them, from day `from`
 * (inclusive) toward the order's end, or from the start: [day, id] each. SQLite reads
 * "EventDateSearch" (prefixes as the words `expansions` gives, expandPrefixes), PostgreSQL the side
 * table's key index.
 */
export async function readDatedMatches(
  db: Db,
  table: SearchTable,
  q: SearchQuery,
  tier: Tier | undefined,
  expansions: Expansions,
  range: { from: number | null; desc: boolean },
  limit: number,
): Promise<[number, number][]> {
  const { from, desc } = range;
  const pg = isPostgres(db);
  const key = raw(pg ? 'v."key"' : 'rowid');
  const bound = from === null ? empty : desc ? sql`AND ${key} < ${(from + 1) * DAY_KEY}` : sql`AND ${key} >= ${from * DAY_KEY}`;
  const order = sql`ORDER BY ${key} ${raw(desc ? 'DESC' : 'ASC')} LIMIT ${limit}`;
  const rows = await readRows<{ k: number | bigint | string }[]>(
    db,
    pg
      ? sql`SELECT v."key" AS "k" FROM ${raw(`"${table}Search"`)} v WHERE ${pgCondition(q, tier)} ${bound} ${order}`
      : sql`SELECT rowid AS "k" FROM "EventDateSearch" WHERE "EventDateSearch" MATCH ${toFts5Match(q, tier, expansions)} ${bound} ${order}`,
  );
  return rows.map((r) => {
    const k = Number(r.k);
    const day = Math.floor(k / DAY_KEY);
    return [day, k - day * DAY_KEY];
  });
}

/** A condition that `column` is one of `ids`, as one parameter (a list of placeholders would make a new statement text for every length). */
export function oneOfIds(db: Db, column: Sql, ids: readonly number[]): Sql {
  const json = JSON.stringify(ids);
  return isPostgres(db)
    ? sql`${column} IN (SELECT jsonb_array_elements_text(${json}::jsonb)::INTEGER)`
    : sql`${column} IN (SELECT "value" FROM json_each(${json}))`;
}
