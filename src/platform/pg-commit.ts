// PostgreSQL: Prisma 6.19 ends an interactive or batch transaction by running COMMIT, then calling
// the adapter's commit(), which hands the connection back to the pool. When COMMIT itself fails
// (a serialisation failure, reported at commit under SERIALIZABLE), commit() is never called and
// the connection stays checked out for good: the pool shrinks by one per failure, and
// $disconnect (pool.end) waits forever. Two administrators demoting each other at once hit it.
// PostgreSQL has ended the transaction by then (a failed COMMIT rolls back), so this wrapper hands
// the connection back itself when COMMIT fails.
import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, Transaction } from '@prisma/driver-adapter-utils';

const COMMIT = /^\s*COMMIT\s*;?\s*$/i;

function releasingTransaction(tx: Transaction): Transaction {
  return new Proxy(tx, {
    get(target, prop) {
      const v = Reflect.get(target, prop, target) as unknown;
      if (prop === 'executeRaw') {
        const run = v as (q: SqlQuery) => Promise<number>;
        return async (q: SqlQuery) => {
          try {
            return await run.call(target, q);
          } catch (err) {
            // rollback() of the pg adapter only releases the connection (Prisma ran no ROLLBACK).
            if (COMMIT.test(q.sql)) await target.rollback().catch(() => undefined);
            throw err;
          }
        };
      }
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

function releasingAdapter(adapter: SqlDriverAdapter): SqlDriverAdapter {
  return new Proxy(adapter, {
    get(target, prop) {
      const v = Reflect.get(target, prop, target) as unknown;
      if (prop === 'startTransaction') {
        const start = v as (...a: unknown[]) => Promise<Transaction>;
        return async (...a: unknown[]) => releasingTransaction(await start.apply(target, a));
      }
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

/** The pg adapter factory whose transactions give their connection back when COMMIT fails. */
export function releasingOnFailedCommit(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  return new Proxy(factory, {
    get(target, prop) {
      const v = Reflect.get(target, prop, target) as unknown;
      if (prop === 'connect') return async () => releasingAdapter(await (v as () => Promise<SqlDriverAdapter>).call(target));
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}
