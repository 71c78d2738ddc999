// Multi-row INSERTs for the import (decision 37). Prisma's createMany and createManyAndReturn
// compile every row of their data through the query compiler: about 0.65 ms a row for an event,
// five times a raw INSERT of the same rows. These statements are raw SQL built from Prisma's
// `sqltag` (so each engine gets its own placeholders: `?` on SQLite, `$n` on PostgreSQL), every
// value a parameter, at most MAX_VARIABLES per statement: far below SQLite's 32,766 and
// PostgreSQL's 65,535, whatever the number of rows (decision 32).
import { join, raw, sqltag as sql, type Sql } from '@prisma/client/runtime/client';
import type { Db } from './db.ts';

/** Variables per statement. */
export const MAX_VARIABLES = 2000;
/** Rows per statement, whatever their width. */
export const MAX_ROWS = 200;

export type Row = Record<string, string | number | boolean | Date | null>;

/** Rows per statement for rows of `columns` columns. */
export const rowsPerStatement = (columns: number) => Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_VARIABLES / Math.max(1, columns))));

const quoted = (name: string) => {
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(name)) throw new Error(`bulk insert: “${name}” is not a plain table or column name`);
  return raw(`"${name}"`);
};

/**
 * A value as a parameter. Prisma binds a whole number as a 64-bit integer and refuses one beyond
 * 2^53 (a model's 1.5×10¹⁸ FLOP): such a number goes as text cast to a double, the type of the
 * Float columns that hold them on both engines (String(n) reads back as the same double).
 */
const param = (v: Row[string] | undefined): Sql | Row[string] =>
  typeof v === 'number' && Number.isInteger(v) && !Number.isSafeInteger(v) ? sql`CAST(${String(v)} AS DOUBLE PRECISION)` : (v ?? null);

/** `INSERT INTO "table" (columns) VALUES (…), (…)` for rows that all have the same keys. */
function insertSql(table: string, columns: string[], rows: Row[]): Sql {
  const values = rows.map((r) => sql`(${join(columns.map((c) => param(r[c])))})`);
  return sql`INSERT INTO ${quoted(table)} (${join(columns.map(quoted))}) VALUES ${join(values)}`;
}

function columnsOf(rows: Row[]): string[] {
  const columns = Object.keys(rows[0]!);
  for (const r of rows) {
    if (Object.keys(r).length !== columns.length) throw new Error('bulk insert: every row must have the same columns');
  }
  return columns;
}

/** Inserts `rows` into `table`, several rows per statement; returns the number inserted. */
export async function insertRows(db: Db, table: string, rows: Row[]): Promise<number> {
  if (!rows.length) return 0;
  const columns = columnsOf(rows);
  const size = rowsPerStatement(columns.length);
  let n = 0;
  for (let i = 0; i < rows.length; i += size) n += await db.$executeRaw(insertSql(table, columns, rows.slice(i, i + size)));
  return n;
}

/**
 * Inserts `rows` into `table`, several rows per statement, and returns `returning` of each
 * inserted row, in no particular order: match them by a unique column, never by position.
 */
export async function insertReturning<R>(db: Db, table: string, rows: Row[], returning: string[]): Promise<R[]> {
  if (!rows.length) return [];
  const columns = columnsOf(rows);
  const size = rowsPerStatement(columns.length);
  const out: R[] = [];
  for (let i = 0; i < rows.length; i += size) {
    const got = await db.$queryRaw<R[]>(sql`${insertSql(table, columns, rows.slice(i, i + size))} RETURNING ${join(returning.map(quoted))}`);
    for (const r of got) out.push(r);
  }
  return out;
}
