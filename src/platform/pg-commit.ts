// PostgreSQL: Prisma 6.19 ends an interactive or batch transaction by running COMMIT, then calling
// the adapter's commit(), which hands the connection back to the pool. When COMMIT itself fails
// (a serialisation failure, reported at commit under SERIALIZABLE), commit() is never called and
// the connection stays checked out for good: the pool shrinks by one per failure, and
// $disconnect (pool.end) waits forever. Two administrators demoting each other at once hit it.
// PostgreSQL has ended the transaction by then (a failed COMMIT rolls back), so this wrapper hands
// the connection back itself when COMMIT fails.
import type { SqlDriverAdapterFactory, SqlQuery, Transaction } from '@prisma/driver-adapter-utils';
import { withMethods, wrapConnections } from './adapter-proxy.ts';

const COMMIT = /^\s*COMMIT\s*;?\s*$/i;

function releasingTransaction(tx: Transaction): Transaction {
  return withMethods(tx, {
    executeRaw: (run) => async (q: SqlQuery) => {
      try {
        return await run(q);
      } catch (err) {
        // rollback() of the pg adapter only releases the connection (Prisma ran no ROLLBACK).
        if (COMMIT.test(q.sql)) await tx.rollback().catch(() => undefined);
        throw err;
      }
    },
  });
}

/** The pg adapter factory whose transactions give their connection back when COMMIT fails. */
export function releasingOnFailedCommit(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  return wrapConnections(factory, (adapter) =>
    withMethods(adapter, { startTransaction: (start) => async (isolationLevel) => releasingTransaction(await start(isolationLevel)) }),
  );
}
