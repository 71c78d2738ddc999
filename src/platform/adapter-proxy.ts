// The driver adapters are wrapped in three places (sqlite-gate, sqlite-direct, pg-commit), each
// replacing a few methods and passing the rest through.
import type BetterSqlite3 from 'better-sqlite3';
import type { SqlDriverAdapter, SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';

type Method = (...args: never[]) => unknown;
type Replacements<T> = { [K in keyof T]?: T[K] extends Method ? (original: T[K]) => T[K] : never };

/** `target` with some methods replaced; each replacement gets the original, bound to `target`. */
export function withMethods<T extends object>(target: T, replace: Replacements<T>): T {
  return new Proxy(target, {
    get(t, prop) {
      const v = Reflect.get(t, prop, t) as unknown;
      if (typeof v !== 'function') return v;
      const bound = (v as Method).bind(t);
      const r = replace[prop as keyof T] as ((original: Method) => Method) | undefined;
      return r ? r(bound) : bound;
    },
  });
}

/** The factory, with every adapter it connects passed through `wrap`. */
export function wrapConnections(factory: SqlDriverAdapterFactory, wrap: (adapter: SqlDriverAdapter) => SqlDriverAdapter): SqlDriverAdapterFactory {
  return withMethods(factory, { connect: (connect) => async () => wrap(await connect()) });
}

/**
 * The better-sqlite3 connection of Prisma's SQLite adapter. `client` is not part of the adapter's
 * public API: undefined if a later version drops it, and the callers then do without.
 */
export function sqliteClientOf(adapter: SqlDriverAdapter): BetterSqlite3.Database | undefined {
  return (adapter as unknown as { client?: BetterSqlite3.Database }).client;
}
