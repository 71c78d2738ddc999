// The SQL of a search, per engine (docs/decisions/0021, 0039): SQLite asks its FTS5 tables, PostgreSQL
// its tables of stored vectors (GIN-indexed), both named "EventSearch" and "MilestoneSearch" and
// kept by triggers. Only words from query.ts reach the engines, as parameters.
import { empty, join, raw, sqltag as sql, type Sql } from '@prisma/client/runtime/client';
import { isPostgres, readRows, type Db } from '../../platform/db.ts';
import { toFts5, toFts5All, toFts5Any, toFts5Ranked, toTsquery, type SearchQuery, type Term } from './query.ts';

export type SearchTable = 'Event' | 'Milestone';

export interface SearchSql {
  /** Joined after `FROM "<table>" x`. */
  join: Sql;
  /** Conditions on `x`. */
  where: Sql[];
  /** The relevance of a row, smaller first; null when ranking was not asked for or nothing is included. */
  rank: Sql | null;
}

const PG_QUERY = (text: string) => sql`to_tsquery('simple'::regconfig, timeline_unaccent(${text}))`;

/** PostgreSQL: the stored vector of the row aliased `v` holds the terms (`any`: one of them), in its searchText part. */
const pgMatch = (terms: Term[], any = false) => sql`v."vector" @@ ${PG_QUERY(toTsquery(terms, any, 'D'))}`;

/** PostgreSQL: the relevance of the row aliased `v`, smaller first (a title match, weight A, weighs more). */
const pgRank = (terms: Term[]) => sql`CAST(-ts_rank(v."vector", ${PG_QUERY(toTsquery(terms))}) AS DOUBLE PRECISION)`;

/**
 * SQLite, timeline order: whether to walk the date index and test each row against the matches
 * (`walk`) rather than read every match and sort them. Walking examines about take × rows ÷ matches
 * index entries, reading costs about `matches` row lookups: a common word ("meta", 10% of the rows)
 * is 8 to 30 times faster walked, a rare one would be a scan. An entry walked costs about 0.4 of a
 * match read and sorted (measured at 100,000 events, pages of 51: 2,066 matches walked in 1.0 ms,
 * read in 2.1 ms), hence the 2/5. One statement counts the matches.
 */
export async function preferIndexWalk(db: Db, table: SearchTable, q: SearchQuery, take: number): Promise<boolean> {
  if (isPostgres(db) || q.include.length === 0) return false;
  const fts = raw(`"${table}Search"`);
  const [r] = await readRows<{ n: number | bigint; m: number | bigint | null }[]>(
    db,
    sql`SELECT (SELECT COUNT(*) FROM ${fts} WHERE ${fts} MATCH ${toFts5All(q.include)}) AS "n", (SELECT MAX("id") FROM ${raw(`"${table}"`)}) AS "m"`,
  );
  const n = Number(r?.n ?? 0);
  return 5 * n * n > 2 * take * Number(r?.m ?? 0);
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
    const vectors = raw(`"${table}Search"`);
    if (q.include.length && ranked) {
      join_ = sql`JOIN ${vectors} v ON v."id" = x."id"`;
      where.push(pgMatch(q.include));
      rank = pgRank(q.include);
    } else if (q.include.length) {
      where.push(sql`x."id" IN (SELECT v."id" FROM ${vectors} v WHERE ${pgMatch(q.include)})`);
    }
    if (q.exclude.length) where.push(sql`NOT EXISTS (SELECT 1 FROM ${vectors} v WHERE v."id" = x."id" AND ${pgMatch(q.exclude, true)})`);
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
 * Relevance order, a search with no other filter: the page's [id, rank] pairs chosen inside the
 * search table alone (aliased `s`), so that only `take` rows of the table are read afterwards. Every
 * match is still scored (bm25, ts_rank on the stored vector: neither engine has an early exit for
 * ranked reads; FTS5's own `ORDER BY rank` runs a sorted statement over all matches, slower still),
 * but the wide rows are no longer read, joined and sorted for every match. null when nothing is included.
 */
export function rankedTopK(db: Db, table: SearchTable, q: SearchQuery, after: readonly [number, number] | null, take: number): Sql | null {
  if (q.include.length === 0) return null;
  const search = raw(`"${table}Search"`);
  const keyset = after ? sql`WHERE ("rank", "id") > (${exactFloat(db, after[0])}, ${after[1]})` : empty;
  const scored = isPostgres(db)
    ? sql`SELECT v."id" AS "id", ${pgRank(q.include)} AS "rank" FROM ${search} v
        WHERE ${join([pgMatch(q.include), ...(q.exclude.length ? [sql`NOT (${pgMatch(q.exclude, true)})`] : [])], ' AND ')}`
    : sql`SELECT rowid AS "id", bm25(${search}, 10.0, 1.0) AS "rank" FROM ${search} WHERE ${search} MATCH ${toFts5Ranked(q)}`;
  return sql`(SELECT "id", "rank" FROM (${scored}) r ${keyset} ORDER BY "rank", "id" LIMIT ${take}) s`;
}
