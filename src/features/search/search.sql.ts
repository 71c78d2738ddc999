// The SQL of a search, per engine (docs/decisions/0021, 0039, 0048): SQLite asks its FTS5 tables,
// PostgreSQL its tables of stored vectors (GIN-indexed), both named "EventSearch" and
// "MilestoneSearch" and kept by triggers. For pages of a search alone, SQLite also keeps
// "EventDateSearch" (the same index keyed by date) and PostgreSQL a date key in its side tables,
// and the words of each row in date order ("EventWordSearch", "MilestoneWordSearch": decision 49).
// Only words from query.ts reach the engines, as parameters.
import { empty, join, raw, sqltag as sql, type Sql } from '@prisma/client/runtime/client';
import { isPostgres, readRows, sqlInt as int, type Db } from '../../platform/db.ts';
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

/** A prefix that stands for more words than this is left to the engine's index as a prefix. */
const MAX_EXPANSION = 32;

/**
 * SQLite: the words each prefix term of `q` stands for, from "EventWordSearch" (its vocabulary,
 * decision 48), or null when a term stands for no word, so that nothing can match. A term absent
 * from the map stands for too many words and is left to FTS5 as a prefix. PostgreSQL expands a
 * one-word search within its read (wordsInOrder), and leaves other prefixes to its GIN index.
 */
export async function expandPrefixes(db: Db, q: SearchQuery): Promise<Expansions | null> {
  const out = new Map<Term, string[]>();
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
 * "EventDateSearch" (prefixes as the words `expansions` gives, expandPrefixes); PostgreSQL reads a
 * one-word search from "<table>WordSearch" (wordsInOrder), any other from the side table's key index.
 * Null when no tier can match: on PostgreSQL, a one-word search whose word (or prefix) no row holds.
 */
export async function readDatedMatches(
  db: Db,
  table: SearchTable,
  q: SearchQuery,
  tier: Tier | undefined,
  expansions: Expansions,
  range: { from: number | null; desc: boolean },
  limit: number,
): Promise<[number, number][] | null> {
  const { from, desc } = range;
  const pg = isPostgres(db);
  const bound = (key: string) =>
    from === null ? empty : desc ? sql`AND ${raw(key)} < ${(from + 1) * DAY_KEY}` : sql`AND ${raw(key)} >= ${from * DAY_KEY}`;
  const order = (key: string) => sql`ORDER BY ${raw(key)} ${raw(desc ? 'DESC' : 'ASC')} LIMIT ${limit}`;
  const read = (query: Sql) => readRows<{ k: number | bigint | string | null; words?: number | bigint }[]>(db, query);
  let rows = pg && isOneWord(q) ? await read(wordsInOrder(table, q, tier, bound('p."key"'), desc, limit)) : null;
  const words = rows ? Number(rows[0]!.words) : 0;
  if (rows && words === 0) return null;
  if (rows && words <= MAX_EXPANSION) {
    rows = rows.filter((r) => r.k !== null);
  } else {
    rows = await read(
      pg
        ? sql`SELECT v."key" AS "k" FROM ${raw(`"${table}Search"`)} v WHERE ${pgCondition(q, tier)} ${bound('v."key"')} ${order('v."key"')}`
        : sql`SELECT rowid AS "k" FROM "EventDateSearch" WHERE "EventDateSearch" MATCH ${toFts5Match(q, tier, expansions)} ${bound('rowid')} ${order('rowid')}`,
    );
  }
  return rows.map((r) => {
    const k = Number(r.k);
    const day = Math.floor(k / DAY_KEY);
    return [day, k - day * DAY_KEY];
  });
}

/** One included word (or prefix), with or without exclusions. */
function isOneWord(q: SearchQuery): boolean {
  return q.include.length === 1 && q.include[0]!.words.length === 1;
}

/**
 * PostgreSQL (docs/decisions/0049): the date keys of a one-word search (isOneWord), at most
 * `limit`, from "<table>WordSearch", whose primary key starts with the word and its tier. A prefix
 * is first expanded to the words it stands for (each next word one probe of that key). Each word is
 * then read in key order within its tier, stopping at `limit`, and the reads are merged. Tier 2
 * leaves out rows with another of the words in their title; exclusions are tested on the vectors
 * of the rows read only. Each row also gives the number of words read ("words"): none (and a
 * single null key) when no row holds the word, more than MAX_EXPANSION (and a null key) when the
 * prefix stands for too many words, to be read by the GIN index instead.
 */
function wordsInOrder(table: SearchTable, q: SearchQuery, tier: Tier | undefined, bound: Sql, desc: boolean, limit: number): Sql {
  const t = q.include[0]!;
  const words = raw(`"${table}WordSearch"`);
  const word = sql`lower(timeline_unaccent(${t.words[0]!}))`;
  // The words: the term's own, or those that start with it (byte order, COLLATE "C"), as the GIN index reads a prefix.
  const list = t.prefix
    ? sql`WITH RECURSIVE e("word") AS (
        (SELECT p."word" FROM ${words} p WHERE p."word" >= ${word} AND p."word" < ${word} || chr(1114111) ORDER BY p."word" LIMIT 1)
        UNION ALL
        SELECT (SELECT p."word" FROM ${words} p WHERE p."word" > e."word" AND p."word" < ${word} || chr(1114111) ORDER BY p."word" LIMIT 1)
        FROM e WHERE e."word" IS NOT NULL),
      w AS (SELECT "word" FROM e WHERE "word" IS NOT NULL LIMIT ${int(MAX_EXPANSION + 1)})`
    : sql`WITH w AS (SELECT p."word" FROM ${words} p WHERE p."word" = ${word} LIMIT 1)`;
  const and: Sql[] = [];
  if (tier === 2 && t.prefix) and.push(sql`NOT EXISTS (SELECT 1 FROM ${words} x WHERE x."word" = ANY (ARRAY(SELECT "word" FROM w)) AND x."tier" = 1 AND x."key" = p."key")`);
  if (q.exclude.length) and.push(sql`NOT EXISTS (SELECT 1 FROM ${raw(`"${table}Search"`)} v WHERE v."key" = p."key" AND ${pgMatch(q.exclude, true)})`);
  const tiers = tier === undefined ? sql`VALUES (1::SMALLINT), (2::SMALLINT)` : sql`VALUES (${int(tier)}::SMALLINT)`;
  const dir = raw(desc ? 'DESC' : 'ASC');
  return sql`${list},
    found AS (SELECT DISTINCT s."k" FROM w CROSS JOIN (${tiers}) t("tier")
      CROSS JOIN LATERAL (SELECT p."key" AS "k" FROM ${words} p
        WHERE p."word" = w."word" AND p."tier" = t."tier" ${bound} ${and.length ? sql`AND ${join(and, ' AND ')}` : empty}
        ORDER BY p."key" ${dir} LIMIT ${int(limit)}) s
      ORDER BY s."k" ${dir} LIMIT ${int(limit)})
    SELECT c."words", f."k" FROM (SELECT count(*) AS "words" FROM w) c
      LEFT JOIN LATERAL (SELECT "k" FROM found WHERE c."words" <= ${int(MAX_EXPANSION)}) f ON true
    ORDER BY f."k" ${dir}`;
}
