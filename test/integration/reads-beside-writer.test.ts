// Issue 12, defect 7: while another process holds SQLite's write lock, readers must not wait for
// it (WAL lets them read). Nothing on the read path of a public page or a signed-in admin page may
// wait for the write lock: they answer 200 while it is still held.
import { spawn } from 'node:child_process';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { inOneTransaction } from '../../src/features/content/commit.ts';
import { sqliteFilePath } from '../../src/platform/db.ts';
import { signIn } from '../helpers/admin-session.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { testEngine } from '../helpers/db.ts';

const HOLDER = path.resolve(import.meta.dirname, '../crash/hold-write-lock.ts');
/**
 * How long the other process keeps the lock: shorter than the app's busy timeout (5 s), so a
 * statement that waits for the lock gets it once released and its request answers AFTER the
 * release; a request that does not wait answers before.
 */
const HOLD_MS = 3000;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ seed: true });
});
afterAll(async () => t.close());

/** Starts the holder; resolves once it holds the lock, with a promise of its release time. */
function holdLock(file: string): Promise<{ released: Promise<number> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', HOLDER, file, String(HOLD_MS)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    let resolveReleased: (at: number) => void;
    const released = new Promise<number>((r) => (resolveReleased = r));
    child.on('error', reject);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('held\n')) resolve({ released });
      const m = /released (\d+)/.exec(out);
      if (m) resolveReleased(Number(m[1]));
    });
    child.on('exit', (code) => (code ? reject(new Error(`lock holder exited with ${code}: ${out}`)) : undefined));
  });
}

describe('reads while another process holds the write lock', () => {
  it('when another process holds BEGIN IMMEDIATE, then GET / and signed-in admin pages answer 200 before it lets go', async () => {
    const { agent } = await signIn(t.app, t.db, 'editor');
    // Warm both paths (session row, render cache, content version) before the lock is taken.
    await request(t.app).get('/').expect(200);
    await agent.get('/admin').expect(200);
    if (testEngine() !== 'sqlite') return;

    const { released } = await holdLock(sqliteFilePath(t.config.databaseUrl));
    const answered = (p: PromiseLike<{ status: number }>) => Promise.resolve(p).then((res) => ({ status: res.status, at: Date.now() }));
    const answers = await Promise.all([answered(request(t.app).get('/')), answered(agent.get('/admin')), answered(agent.get('/admin/events'))]);
    const releasedAt = await released;
    expect(answers.map((a) => ({ status: a.status, beforeRelease: a.at < releasedAt }))).toEqual([
      { status: 200, beforeRelease: true },
      { status: 200, beforeRelease: true },
      { status: 200, beforeRelease: true },
    ]);
    // The session still works once the lock is gone.
    await agent.get('/admin').expect(200);
  });

  it('when another process holds the lock and an editor saves, then the server keeps answering readers meanwhile and the save lands once the lock is free', async () => {
    const { agent, token } = await signIn(t.app, t.db, 'editor');
    await request(t.app).get('/healthz').expect(200);
    if (testEngine() !== 'sqlite') return;

    const { released } = await holdLock(sqliteFilePath(t.config.databaseUrl));
    const answered = (p: PromiseLike<{ status: number }>) => Promise.resolve(p).then((res) => ({ status: res.status, at: Date.now() }));
    const save = answered(agent.post('/admin/organizations').type('form').send({ _csrf: token, name: 'Lockstep Labs', description: 'Saved while another process wrote.' }));
    // The save is waiting for the lock by now; a server stuck in SQLite's own (synchronous) wait
    // would answer nothing else until the holder lets go.
    await new Promise((r) => setTimeout(r, 300));
    const reader = await answered(request(t.app).get('/healthz'));
    const releasedAt = await released;
    const saved = await save;
    expect({ status: reader.status, beforeRelease: reader.at < releasedAt }).toEqual({ status: 200, beforeRelease: true });
    expect({ status: saved.status, afterRelease: saved.at >= releasedAt }).toEqual({ status: 303, afterRelease: true });
    expect(await t.db.organization.count({ where: { name: 'Lockstep Labs' } })).toBe(1);
  });

  it('when a transaction of the app has begun, then another process cannot take the write lock until it ends', async () => {
    if (testEngine() !== 'sqlite') return;
    // Another process's connection, which does not wait for the lock.
    const other = new Database(sqliteFilePath(t.config.databaseUrl));
    other.pragma('busy_timeout = 0');
    const tryLock = () => {
      try {
        other.exec('BEGIN IMMEDIATE');
        other.exec('ROLLBACK');
        return 'taken';
      } catch (err) {
        return (err as { code?: string }).code;
      }
    };
    try {
      // Before its first write: a deferred BEGIN would let the other process in here, and the
      // transaction's first write would then stop the server in SQLite's synchronous wait.
      const inside = await inOneTransaction(t.db, async () => tryLock());
      expect(inside).toBe('SQLITE_BUSY');
      expect(tryLock()).toBe('taken');
    } finally {
      other.close();
    }
  });
});
