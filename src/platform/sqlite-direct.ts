import type BetterSqlite3 from 'better-sqlite3';
import type { Sql } from '@prisma/client/runtime/client';
import type { SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { sqliteClientOf, wrapConnections } from './adapter-proxy.ts';

/**
 * Statements on SQLite straight through the connection Prisma's adapter opened, each prepared once
 * (decision 41). Through Prisma, a `$queryRaw` of the home page costs about as much again as
 * SQLite's own work: the request pipeline, and a fresh `prepare` for every query (the adapter keeps
 * no statements). Reads come here, and the import's bulk writes inside its transaction (`write`).
 * Any failure (a closed connection, a file that is not a database, a statement of the other kind)
 * answers null, and the caller runs the query through Prisma instead, which fails or succeeds
 * exactly as it always has.
 */
export class DirectStatements {
  #client: BetterSqlite3.Database | null = null;
  readonly #statements = new Map<string, BetterSqlite3.Statement>();
  static readonly MAX_STATEMENTS = 200;
  /** Statements handed back to Prisma (reads, and the import's writes): the bench and the tests check that the pages' reads and the bulk inserts are not among them. */
  fallbacks = 0;

  attach(client: BetterSqlite3.Database): void {
    this.#client = client;
    this.#statements.clear();
  }

  all(query: Sql): unknown[] | null {
    return this.#run(query, true, false, (st, params) => st.all(params));
  }

  /** A read inside the transaction open on the connection (db.ts, readRows with a transaction client); null as for `write`. */
  allInTransaction(query: Sql): unknown[] | null {
    return this.#run(query, true, true, (st, params) => st.all(params));
  }

  /**
   * A write inside the transaction open on the connection (the caller's: see db.ts, writeRows):
   * the rows it returns (`returning`), or the number of rows it changed. Null when no transaction
   * is open, or on any failure: SQLite undoes the failed statement alone (the transaction stays
   * open), and Prisma runs it again and reports the error its own way.
   */
  write(query: Sql, returning: boolean): unknown[] | number | null {
    return this.#run(query, returning, true, (st, params) => (returning ? st.all(params) : st.run(params).changes));
  }

  /** `exec` on the kept statement of `query` (of the kind `reader` says), or null and counted. */
  #run<T>(query: Sql, reader: boolean, inTransaction: boolean, exec: (st: BetterSqlite3.Statement, params: unknown[]) => T): T | null {
    const client = this.#client;
    try {
      const statement = client?.open && (!inTransaction || client.inTransaction) ? this.#statement(client, query.sql, reader) : null;
      if (statement) return exec(statement, query.values.map(toParam));
    } catch {
      // Prisma runs it again and reports the error its own way.
    }
    this.fallbacks++;
    return null;
  }

  /** The kept statement for `text`; null when it does not return rows and `reader` asks that it does. */
  #statement(client: BetterSqlite3.Database, text: string, reader: boolean): BetterSqlite3.Statement | null {
    let st = this.#statements.get(text);
    if (st) {
      // Most recently used last, so the first key is the one to evict.
      this.#statements.delete(text);
    } else {
      st = client.prepare(text);
      if (st.reader !== reader) return null;
      st.safeIntegers(false);
      if (this.#statements.size >= DirectStatements.MAX_STATEMENTS) {
        this.#statements.delete(this.#statements.keys().next().value!);
      }
    }
    this.#statements.set(text, st);
    return st;
  }
}

/** A parameter as Prisma's SQLite adapter binds it (mapArg in @prisma/adapter-better-sqlite3). */
function toParam(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString().replace('Z', '+00:00');
  if (typeof v === 'boolean') return v ? 1 : 0;
  return v;
}

/** The factory, with every connection it makes handed to `direct` (Prisma connects again after a disconnect). */
export function attachingFactory(factory: SqlDriverAdapterFactory, direct: DirectStatements): SqlDriverAdapterFactory {
  return wrapConnections(factory, (adapter) => {
    const client = sqliteClientOf(adapter);
    if (client) direct.attach(client);
    return adapter;
  });
}
