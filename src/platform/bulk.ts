// Multi-row INSERTs for the import (decision 37). Prisma's createMany and createManyAndReturn
// compile every row of their data through the query compiler: about 0.65 ms a row for an event,
// five times a raw INSERT of the same rows. A raw INSERT with one parameter per value was the
// next cost (Prisma maps every parameter: about 47 µs a row of ten values), so each statement
// takes its rows as ONE parameter, a JSON array of objects, that the database unpacks itself:
// SQLite `json_each` with `json_extract` per column, PostgreSQL `json_populate_recordset` with the
// table's own row type (so each value gets the column's type). One variable per statement, at
// most MAX_ROWS rows: far below SQLite's and PostgreSQL's limits whatever the size (decision 32).
import { join, raw, sqltag as sql, type Sql } from '@prisma/client/runtime/client';
import { isPostgres, writeRows, type Db } from './db.ts';

/** Rows per statement: a short synchronous step for SQLite, a bounded parameter for both. */
export const MAX_ROWS = 500;

export type Row = Record<string, string | number | boolean | Date | null>;

/** Rows per statement (the same whatever their width: the rows travel as one JSON parameter). */
export const rowsPerStatement = (_columns: number) => MAX_ROWS;

const quoted = (name: string) => {
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(name)) throw new Error(`bulk insert: “${name}” is not a plain table or column name`);
  return raw(`"${name}"`);
};

/**
 * The rows as the JSON parameter. Dates as each engine stores them through Prisma (SQLite: ISO
 * text ending in +00:00; PostgreSQL: an ISO instant for its timestamp columns), booleans as 1/0
 * on SQLite. Numbers stay JSON numbers: a whole number beyond 2^53 (a model's 1.5×10¹⁸ FLOP) is
 * read back as the same double by both engines.
 */
function rowsJson(rows: Row[], columns: string[], pg: boolean): string {
  return JSON.stringify(
    rows.map((r) => {
      const o: Record<string, unknown> = {};
      for (const c of columns) {
        const v = r[c] ?? null;
        o[c] = v instanceof Date ? (pg ? v.toISOString() : v.toISOString().replace('Z', '+00:00')) : typeof v === 'boolean' && !pg ? Number(v) : v;
      }
      return o;
    }),
  );
}

/** `INSERT INTO "table" (columns) SELECT … FROM <the rows unpacked from one JSON parameter>`. */
function insertSql(db: Db, table: string, columns: string[], rows: Row[]): Sql {
  const pg = isPostgres(db);
  const names = join(columns.map(quoted));
  const json = rowsJson(rows, columns, pg);
  if (pg) return sql`INSERT INTO ${quoted(table)} (${names}) SELECT ${names} FROM json_populate_recordset(NULL::${quoted(table)}, CAST(${json} AS json))`;
  // The column names are plain (checked by quoted), so the JSON paths are literals.
  const picks = join(columns.map((c) => raw(`json_extract(j.value, '$.${c}')`)));
  return sql`INSERT INTO ${quoted(table)} (${names}) SELECT ${picks} FROM json_each(${json}) AS j WHERE true`;
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
  for (let i = 0; i < rows.length; i += size) n += await writeRows(db, insertSql(db, table, columns, rows.slice(i, i + size)), false);
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
    const got = await writeRows<R>(db, sql`${insertSql(db, table, columns, rows.slice(i, i + size))} RETURNING ${join(returning.map(quoted))}`, true);
    for (const r of got) out.push(r);
  }
  return out;
}

/** `UPDATE "table" SET <the row's columns> WHERE "id" = id`; the number of rows changed (0: no such row). */
export function updateRow(db: Db, table: string, id: number, row: Row): Promise<number> {
  const sets = join(Object.entries(row).map(([column, value]) => sql`${quoted(column)} = ${value}`));
  return writeRows(db, sql`UPDATE ${quoted(table)} SET ${sets} WHERE "id" = ${id}`, false);
}

/** `DELETE FROM "table" WHERE "column" = value`; the number of rows deleted. */
export function deleteRows(db: Db, table: string, column: string, value: number): Promise<number> {
  return writeRows(db, sql`DELETE FROM ${quoted(table)} WHERE ${quoted(column)} = ${value}`, false);
}
