// Decision 40: a large import's write-ahead log is copied back into the SQLite file by a worker
// thread, not by the commit on the server's thread; the automatic checkpoint is on again after.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importData } from '../../src/features/content/index.ts';
import { sqliteFileOf } from '../../src/platform/db.ts';
import { checkpointInWorker } from '../../src/platform/wal-checkpoint.ts';
import { createTestDb, testEngine, type TestDb } from '../helpers/db.ts';

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => t.close());

const pragma = async (sql: string) => Object.values((await t.db.$queryRawUnsafe<Record<string, bigint | number>[]>(sql))[0] ?? {}).map(Number);

describe(`the checkpoint after an import (${testEngine()})`, () => {
  it('when a large file is imported, then its rows are there and (SQLite) the log was checkpointed and the automatic checkpoint is on again', async () => {
    // Enough records for the checkpoint aside (2,000), a log too short for the automatic one.
    const organizations = Array.from({ length: 2500 }, (_, i) => ({ slug: `org-${i}`, name: `Organization ${i}`, website: null, description: '', aliases: [] }));
    const report = await importData({ db: t.db, now: new Date(), userId: null }, JSON.stringify({ organizations }), { format: 'json', dryRun: false });
    expect(report.applied).toBe(true);
    expect(await t.db.organization.count()).toBe(2500);
    const file = sqliteFileOf(t.db);
    if (testEngine() === 'postgres') {
      expect(file).toBeUndefined();
      return;
    }
    expect(await pragma('PRAGMA wal_autocheckpoint')).toEqual([1000]);
    // The log was copied back before the next write (the content version's), so it started over:
    // it holds that write's few pages, not the import's hundreds.
    const [busy, frames] = await pragma('PRAGMA wal_checkpoint(PASSIVE)');
    expect(busy).toBe(0);
    expect(frames).toBeLessThan(50);
  });

  it('when the worker cannot open the file, then the checkpoint fails rather than hanging', async () => {
    await expect(checkpointInWorker('/nonexistent-dir/none.db')).rejects.toThrow();
  });
});
