import pg from 'pg';
import type { Sql } from '@prisma/client/runtime/client';
import type { SqlDriverAdapter, SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { wrapConnections } from './adapter-proxy.ts';

// Result types as Prisma's $queryRaw gives them, where pg's defaults differ: 64-bit integers as
// BigInt, timestamps without a time zone (every DateTime column) as UTC, dates at UTC midnight.
const INT8 = 20;
const DATE = 1082;
const TIMESTAMP = 1114;
const parsers: Record<number, (text: string) => unknown> = {
  [INT8]: (v) => BigInt(v),
  [DATE]: (v) => new Date(`${v}T00:00:00Z`),
  [TIMESTAMP]: (v) => new Date(`${v.replace(' ', 'T')}Z`),
};
const types = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') => parsers[oid] ?? pg.types.getTypeParser(oid, format as 'text'),
} as pg.CustomTypesConfig;

/** Parameters as Prisma sends them: dates as UTC instants (pg would write local time), BigInts as text. */
function toParam(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'bigint') return v.toString();
  return v;
}

// SQLSTATEs that mean "the database is away or too slow" (db.ts isDatabaseUnavailable): a
// statement timeout, a server shutting down or starting, too many connections, a lost connection.
const UNAVAILABLE = /^(57014|57P0[123]|53300|08...)$/;

/**
 * Reads on PostgreSQL straight through the pool Prisma's adapter opened, as sqlite-direct.ts does
 * on SQLite (docs/decisions/0049). Through Prisma, a `$queryRaw` costs about 0.25 ms more than the
 * same statement through pg (its request pipeline): a page of a search is three to five of them.
 * Reads outside transactions only (a transaction holds a connection of its own, in Prisma).
 */
export class PgDirect {
  #pool: pg.Pool | null = null;
  /** Names of the prepared statements, by text (each connection prepares a name once, on first use). */
  readonly #names = new Map<string, string>();
  static readonly MAX_STATEMENTS = 200;
  /** Statements handed back to Prisma after failing here. */
  fallbacks = 0;

  attach(pool: pg.Pool): void {
    this.#pool = pool;
  }

  /**
   * The rows, or null when the statement failed in a way Prisma should report (it runs it again
   * and fails its own way) or no pool is attached yet. A database that is away or too slow is not
   * asked twice: that error is thrown, in the shape isDatabaseUnavailable reads.
   */
  async all(query: Sql): Promise<unknown[] | null> {
    const pool = this.#pool;
    // Before Prisma's first connection there is no pool yet: Prisma reads (and connects).
    if (!pool || pool.ending) return null;
    try {
      const result = await pool.query({ name: this.#name(query.text), text: query.text, values: query.values.map(toParam), types });
      return result.rows as unknown[];
    } catch (err) {
      const e = err as { severity?: unknown; code?: unknown; message?: unknown };
      if (typeof e.severity !== 'string') {
        // No answer from the server: a refused or lost connection, or pg's own timeouts.
        throw Object.assign(new Error(`PostgreSQL did not answer: ${String(e.message)}`, { cause: err }), { kind: 'DatabaseNotReachable' });
      }
      if (typeof e.code === 'string' && UNAVAILABLE.test(e.code)) {
        throw Object.assign(new Error(String(e.message), { cause: err }), { kind: 'postgres', code: e.code });
      }
      return this.#fallback();
    }
  }

  /**
   * The statement's name: PostgreSQL then parses and plans it once per connection, and after five
   * runs may keep a generic plan. Texts past MAX_STATEMENTS go unnamed (planned every time), so
   * that the statements a connection keeps stay bounded.
   */
  #name(text: string): string | undefined {
    let name = this.#names.get(text);
    if (!name && this.#names.size < PgDirect.MAX_STATEMENTS) this.#names.set(text, (name = `timeline_${this.#names.size + 1}`));
    return name;
  }

  #fallback(): null {
    this.fallbacks++;
    return null;
  }
}

/** The pg adapter's factory, attaching the pool of every adapter it connects to `direct`. */
export function attachingPoolFactory(factory: SqlDriverAdapterFactory, direct: PgDirect): SqlDriverAdapterFactory {
  return wrapConnections(factory, (adapter: SqlDriverAdapter) => {
    // underlyingDriver() is the adapter's pg.Pool (adapter-pg 6.19); anything else leaves reads to Prisma.
    const pool = (adapter as { underlyingDriver?: () => unknown }).underlyingDriver?.();
    if (pool instanceof pg.Pool) direct.attach(pool);
    return adapter;
  });
}
