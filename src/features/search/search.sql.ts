// The SQL of a search, per engine (docs/decisions/0021): SQLite asks its FTS5 tables
// ("EventSearch", "MilestoneSearch"), PostgreSQL the GIN index on
// to_tsvector('simple', timeline_unaccent("searchText")); the expression here must stay the
// index's, or PostgreSQL scans. Only words from query.ts reach the engines, as parameters.
import { empty, raw, sqltag as sql, type Sql } from '@prisma/client/runtime/client';
import { isPostgres, readRows, type Db } from '../../platform/db.ts';
import { toFts5, toFts5All, toFts5Any, toFts5Ranked, toTsquery, type SearchQuery } from './query.ts';

export type SearchTable = 'Event' | 'Milestone';

export interface SearchSql {
  /** Joined after `FROM "<table>" x`. */
  join: Sql;
  /** Conditions on `x`. */
  where: Sql[];
  /** The relevance of a row, smaller first; null when ranking was not asked for or nothing is included. */
  rank: Sql | null;
}

const PG_VECTOR = (alias: string) => sql`to_tsvector('simple'::regconfig, timeline_unaccent(${raw(alias)}."searchText"))`;
const PG_QUERY = (text: string) => sql`to_tsquery('simple'::regconfig, timeline_unaccent(${text}))`;

/**
 * SQLite, timeline order: whether to walk the date index and test each row against the matches
 * (`walk`) rather than read every match and sort them. Walking examines about take × rows ÷ matches
 * index entries, reading costs about `matches` row lookups: a common word ("meta", 10% of the rows)
 * is 30 times faster walked, a rare one would be a scan. One statement counts the matches.
 */
export async function preferIndexWalk(db: Db, table: SearchTable, q: SearchQuery, take: number): Promise<boolean> {
  if (isPostgres(db) || q.include.length === 0) return false;
  const fts = raw(`"${table}Search"`);
  const [r] = await readRows<{ n: number | bigint; m: number | bigint | null }[]>(
    db,
    sql`SELECT (SELECT COUNT(*) FROM ${fts} WHERE ${fts} MATCH ${toFts5All(q.include)}) AS "n", (SELECT MAX("id") FROM ${raw(`"${table}"`)}) AS "m"`,
  );
  const n = Number(r?.n ?? 0);
  return n * n > take * Number(r?.m ?? 0);
}

/**
 * A double as a SQL value, bit for bit. Prisma 6.19 rounds number parameters (about a quarter of
 * bm25 scores came back different), which made relevance keysets skip or repeat rows; the shortest
 * decimal text of a double, cast by the engine, is exact on both.
 */
export function exactFloat(db: Db, v: number): Sql {
  return isPostgres(db) ? sql`CAST(${String(v)} AS DOUBLE PRECISION)` : sql`CAST(${String(v)} AS REAL)`;
}

/** The join, conditions and rank of a search over `table` aliased `x` (`walk`: see preferIndexWalk). */
export function searchSql(db: Db, table: SearchTable, q: SearchQuery, ranked: boolean, walk = false): SearchSql {
  const where: Sql[] = [];
  let join_: Sql = empty;
  let rank: Sql | null = null;
  if (isPostgres(db)) {
    if (q.include.length) {
      where.push(sql`${PG_VECTOR('x')} @@ ${PG_QUERY(toTsquery(q.include))}`);
      if (ranked) {
        // A title match weighs more (A) than one elsewhere (D, the default).
        join_ = sql`CROSS JOIN LATERAL (SELECT CAST(-ts_rank(
          setweight(to_tsvector('simple'::regconfig, timeline_unaccent(lower(x."title"))), 'A') || ${PG_VECTOR('x')},
          ${PG_QUERY(toTsquery(q.include))}) AS DOUBLE PRECISION) AS "rank") s`;
        rank = sql`s."rank"`;
      }
    }
    if (q.exclude.length) where.push(sql`NOT (${PG_VECTOR('x')} @@ ${PG_QUERY(toTsquery(q.exclude, true))})`);
  } else {
    const fts = raw(`"${table}Search"`);
    if (q.include.length) {
      if (ranked) {
        // bm25 weights: title 10, searchText 1 (see toFts5).
        join_ = sql`JOIN (SELECT rowid AS "id", bm25(${fts}, 10.0, 1.0) AS "rank" FROM ${fts} WHERE ${fts} MATCH ${toFts5(q.include)}) s ON s."id" = x."id"`;
        rank = sql`s."rank"`;
      } else {
        // `+x."id"` keeps SQLite from driving the query by the matches' rowids.
        const id = walk ? sql`+x."id"` : sql`x."id"`;
        where.push(sql`${id} IN (SELECT rowid FROM ${fts} WHERE ${fts} MATCH ${toFts5All(q.include)})`);
      }
    }
    if (q.exclude.length) where.push(sql`x."id" NOT IN (SELECT rowid FROM ${fts} WHERE ${fts} MATCH ${toFts5Any(q.exclude)})`);
  }
  return { join: join_, where, rank };
}


/**
 * SQLite, relevance order, a search with no other filter: the page's [id, rank] pairs chosen inside
 * FTS5 alone (aliased `s`), so that only `take` rows of the table are read afterwards. bm25 still
 * scores every match (FTS5 has no early exit for ranked reads: its own `ORDER BY rank` runs a
 * sorted statement over all matches, slower still), but the wide rows are no longer read, joined
 * and sorted for every match. null on PostgreSQL and when nothing is included.
 */
export function rankedTopK(db: Db, table: SearchTable, q: SearchQuery, after: readonly [number, number] | null, take: number): Sql | null {
  if (isPostgres(db) || q.include.length === 0) return null;
  const fts = raw(`"${table}Search"`);
  const keyset = after ? sql`WHERE ("rank", "id") > (${exactFloat(db, after[0])}, ${after[1]})` : empty;
  return sql`(SELECT "id", "rank" FROM (
      SELECT rowid AS "id", bm25(${fts}, 10.0, 1.0) AS "rank" FROM ${fts} WHERE ${fts} MATCH ${toFts5Ranked(q)}
    ) ${keyset} ORDER BY "rank", "id" LIMIT ${take}) s`;
}
