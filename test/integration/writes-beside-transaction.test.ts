// Decision 30/37: on SQLite the adapter has one connection; a plain write from another request,
// issued while an interactive transaction (an import) is open, used to run INSIDE it and be undone
// with it. Now it waits until the transaction ends and runs on its own; reads never wait.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from '../../src/platform/db.ts';
import { DatabaseBusyError, WriteGate } from '../../src/platform/sqlite-gate.ts';
import { createTestDb, testEngine, type TestDb } from '../helpers/db.ts';
import { named } from '../helpers/factories.ts';

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => t.close());

/** A few turns of the event loop: enough for a statement that does not wait to run. */
async function turns(n = 50) {
  for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r));
}

describe(`writes beside an open transaction (${testEngine()})`, () => {
  it('when another request writes while a transaction is open and that transaction then fails, then the other write is kept and reads were answered meanwhile', async () => {
    let inside!: () => void;
    const opened = new Promise<void>((r) => (inside = r));
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    const tx = t.db
      .$transaction(
        async (db) => {
          await db.organization.create({ data: { slug: 'in-transaction', ...named('In transaction') } });
          inside();
          await released;
          throw new Error('the import fails');
        },
        { timeout: 60_000 },
      )
      .catch((err: Error) => err.message);
    await opened;
    // A plain write of another request (a session row, a throttle counter, the content version).
    let done = false;
    const outside = t.db.organization.create({ data: { slug: 'outside', ...named('Outside') } }).then(() => (done = true));
    await turns();
    // On SQLite it waits for the transaction instead of running inside it (PostgreSQL runs it on
    // another connection of the pool).
    if (testEngine() === 'sqlite') expect(done).toBe(false);
    // A read is answered while the transaction is open.
    expect(await t.db.event.count()).toBe(0);
    release();
    expect(await tx).toBe('the import fails');
    await outside;
    const slugs = (await t.db.organization.findMany({ select: { slug: true } })).map((o) => o.slug);
    expect(slugs).toEqual(['outside']);
  });
});

describe('the write gate', () => {
  it('when a write waits longer than its bound, then it fails with a busy error the app answers with 503', async () => {
    const gate = new WriteGate();
    gate.enter();
    const err = await gate.clear(1).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DatabaseBusyError);
    expect(isDatabaseUnavailable(err)).toBe(true);
    gate.leave();
    await expect(gate.clear(1)).resolves.toBeUndefined();
  });
});
