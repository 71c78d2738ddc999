// SQLite: Prisma's better-sqlite3 adapter has ONE connection. Its transactions take turns (a
// mutex), but a plain statement from another request, issued while an interactive transaction is
// open (an import holds one for seconds), ran on that connection INSIDE the transaction: a session
// row or a throttle counter written then was undone if the import failed (decision 30). This
// wrapper makes such plain writes wait, asynchronously, until no transaction is open, then run on
// their own; after WRITE_WAIT_MS they fail with a "busy" error the app answers with 503.
// Statements of the transaction itself go through the transaction's own object and never wait.
// The same holds for the lock of ANOTHER process (a command-line import, a second instance):
// SQLite's own busy wait is synchronous and would stop the whole server, so a plain write first
// waits here, with timers, until the write lock can be taken, and a transaction takes the lock as
// it begins (BEGIN IMMEDIATE), waiting the same way.
import type BetterSqlite3 from 'better-sqlite3';
import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, Transaction } from '@prisma/driver-adapter-utils';
import { sqliteClientOf, withMethods, wrapConnections } from './adapter-proxy.ts';

/** SQLite's own (synchronous) wait for the lock on the app's connection, set by createDb. */
export const BUSY_TIMEOUT_MS = 5000;

/** How long a plain write waits for the open transaction(s) to end. */
export const WRITE_WAIT_MS = 10_000;

/** Thrown when a write waited WRITE_WAIT_MS; `isDatabaseUnavailable` reads it as busy (503). */
export class DatabaseBusyError extends Error {
  readonly code = 'SQLITE_BUSY';
  constructor() {
    super('The database is busy with a long write (an import); try again in a moment.');
  }
}

const READ = /^\s*(SELECT|PRAGMA|EXPLAIN)\b/i;

export class WriteGate {
  #open = 0;
  #started = 0;
  #waiters: (() => void)[] = [];

  /** Transactions open or waiting for the connection. */
  get transactions(): number {
    return this.#open;
  }

  /**
   * Where transactions stand: null while one is open (reads on the connection may see its
   * uncommitted rows), else a number that changes whenever one starts. A page read between two
   * equal marks saw only committed rows (the render cache keeps only such pages).
   */
  mark(): number | null {
    return this.#open > 0 ? null : this.#started;
  }

  enter(): void {
    this.#open++;
    this.#started++;
  }

  leave(): void {
    if (--this.#open > 0) return;
    this.#open = 0;
    for (const w of this.#waiters.splice(0)) w();
  }

  /** Resolves when no transaction is open; rejects with DatabaseBusyError after `ms`. */
  async clear(ms = WRITE_WAIT_MS): Promise<void> {
    if (this.#open === 0) return;
    await new Promise<void>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.#waiters = this.#waiters.filter((w) => w !== done);
        reject(new DatabaseBusyError());
      }, ms);
      this.#waiters.push(done);
    });
    // Another transaction may have started meanwhile: wait for it too.
    return this.clear(ms);
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const isBusy = (err: unknown) => String((err as { code?: unknown }).code).startsWith('SQLITE_BUSY');

/** `fn` run with SQLite's (synchronous) busy wait off: a lock held elsewhere fails at once. */
function withoutBusyWait<T>(client: BetterSqlite3.Database, fn: () => T): T {
  client.pragma('busy_timeout = 0');
  try {
    return fn();
  } finally {
    client.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  }
}

/**
 * The deadline of a wait of at most `ms`, once per attempt: between attempts a timer of 5 ms
 * doubling to 100 ms; after `ms`, DatabaseBusyError (503).
 */
async function* attempts(ms: number): AsyncGenerator<number> {
  const deadline = Date.now() + ms;
  for (let wait = 5; ; wait = Math.min(wait * 2, 100)) {
    yield deadline;
    if (Date.now() >= deadline) throw new DatabaseBusyError();
    await sleep(wait);
  }
}

/**
 * Whether the write lock could be taken now: BEGIN IMMEDIATE then ROLLBACK without SQLite's busy
 * wait. True when there is nothing to learn (no connection, or this connection is inside a
 * transaction, whose own statements decide).
 */
function lockIsFree(client: BetterSqlite3.Database | undefined): boolean {
  if (!client?.open || client.inTransaction) return true;
  return withoutBusyWait(client, () => {
    try {
      client.exec('BEGIN IMMEDIATE');
      client.exec('ROLLBACK');
      return true;
    } catch (err) {
      return !isBusy(err);
    }
  });
}

/**
 * Resolves once no transaction of this process is open and no other process holds the write lock,
 * checked synchronously at the end (the caller runs its write in the same turn); rejects with
 * DatabaseBusyError after `ms`.
 */
export async function readyToWrite(gate: WriteGate, client: BetterSqlite3.Database | undefined, ms = WRITE_WAIT_MS): Promise<void> {
  for await (const deadline of attempts(ms)) {
    while (gate.transactions > 0) await gate.clear(Math.max(0, deadline - Date.now()));
    if (lockIsFree(client)) return;
  }
}

/**
 * Makes the transaction the adapter has just begun hold the write lock, as BEGIN IMMEDIATE does:
 * the adapter's BEGIN is deferred, and its first write would otherwise meet another process's lock
 * in SQLite's synchronous busy wait (the whole server stopped), or fail at once if it had read
 * first. Nothing has run in it yet, so it is begun again, immediate, without the busy wait; while
 * another process holds the lock it waits with timers, with a deferred transaction open so that
 * the adapter's state stays true; after `ms`, DatabaseBusyError (503).
 */
async function holdWriteLock(client: BetterSqlite3.Database, ms = WRITE_WAIT_MS): Promise<void> {
  const beginImmediate = () => {
    try {
      client.exec('ROLLBACK');
      client.exec('BEGIN IMMEDIATE');
      return true;
    } catch (err) {
      if (!client.inTransaction) client.exec('BEGIN');
      if (!isBusy(err)) throw err;
      return false;
    }
  };
  for await (const _ of attempts(ms)) if (withoutBusyWait(client, beginImmediate)) return;
}

function gatedTransaction(tx: Transaction, gate: WriteGate): Transaction {
  let left = false;
  const leave = () => {
    if (!left) (left = true), gate.leave();
  };
  const leaving = (end: () => Promise<void>) => async () => {
    try {
      return await end();
    } finally {
      leave();
    }
  };
  return withMethods(tx, { commit: leaving, rollback: leaving });
}

function gatedAdapter(adapter: SqlDriverAdapter, gate: WriteGate): SqlDriverAdapter {
  const client = sqliteClientOf(adapter);
  const waiting =
    <R>(run: (q: SqlQuery) => Promise<R>) =>
    async (q: SqlQuery) => {
      // No await once ready: the write runs in the turn that found the way clear.
      if (!READ.test(q.sql) && (gate.transactions > 0 || !lockIsFree(client))) await readyToWrite(gate, client);
      return run(q);
    };
  return withMethods(adapter, {
    queryRaw: waiting,
    executeRaw: waiting,
    startTransaction: (start) => async (isolationLevel) => {
      // Counted from the request on: a plain write never slips in between BEGIN and the count.
      gate.enter();
      try {
        const tx = await start(isolationLevel);
        // Every transaction of the app writes (decision 31): it holds the lock from its start.
        if (client?.open && client.inTransaction) {
          try {
            await holdWriteLock(client);
          } catch (err) {
            if (client.inTransaction) client.exec('ROLLBACK');
            await tx.rollback();
            throw err;
          }
        }
        return gatedTransaction(tx, gate);
      } catch (err) {
        gate.leave();
        throw err;
      }
    },
  });
}

/** The transaction mark (WriteGate.mark) of a client made by createDb on SQLite; always 0 elsewhere. */
export type TransactionMark = () => number | null;

/** The adapter factory whose connection makes plain writes wait for open transactions. */
export function gatedFactory(factory: SqlDriverAdapterFactory, gate = new WriteGate()): SqlDriverAdapterFactory {
  return wrapConnections(factory, (adapter) => gatedAdapter(adapter, gate));
}
