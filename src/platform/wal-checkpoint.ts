// SQLite copies the write-ahead log back into the database file (a checkpoint) at the end of the
// commit that grows it past 1,000 pages, on the committing thread. After an import of 100,000
// events the log holds hundreds of megabytes and that copy stopped the server's event loop for
// 0.5–1.3 s (decision 40). While a large write runs, the connection's automatic checkpoint is off;
// afterwards a worker thread with a connection of its own does the checkpoint, and the automatic
// one is turned back on when it is done.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { sqliteFileOf, type Db } from './db.ts';

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
try {
  db.pragma('busy_timeout = 5000');
  parentPort.postMessage(db.pragma('wal_checkpoint(PASSIVE)'));
} finally {
  db.close();
}`;

const DEFAULT_PAGES = 1000;
const driver = createRequire(import.meta.url).resolve('better-sqlite3');
const running = new WeakMap<Db, number>();

/** A checkpoint of the file by a worker thread; resolves when it is done. */
export function checkpointInWorker(file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { driver, file } });
    worker.once('error', reject);
    worker.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`checkpoint worker exited with ${code}`))));
  });
}

/** Runs `fn` (a large write) with the automatic checkpoint off, then checkpoints off the event loop. */
export async function withCheckpointAside<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  const file = sqliteFileOf(db);
  if (file === undefined) return fn();
  const n = running.get(db) ?? 0;
  running.set(db, n + 1);
  if (n === 0) await db.$queryRawUnsafe('PRAGMA wal_autocheckpoint = 0');
  try {
    return await fn();
  } finally {
    // A failed checkpoint is not the write's failure: the next automatic one does it.
    await checkpointInWorker(file).catch(() => undefined);
    const left = running.get(db)! - 1;
    running.set(db, left);
    if (left === 0) await db.$queryRawUnsafe(`PRAGMA wal_autocheckpoint = ${DEFAULT_PAGES}`);
  }
}
