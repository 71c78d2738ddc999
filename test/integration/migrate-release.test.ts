// The server opens its own connection right after `migrateDeploy`: by then the migration CLI must
// have let go of the SQLite file, or the server's first statement fails with SQLITE_BUSY.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateDeploy } from '../../src/platform/migrate.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'timeline-migrate-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('migrateDeploy on SQLite', () => {
  it('when it resolves, then the file can be locked at once (no process still holds it)', async () => {
    const file = path.join(dir, 'fresh.db');
    await migrateDeploy(`file:${file}`);
    const db = new Database(file, { timeout: 0 });
    try {
      expect(() => db.exec('BEGIN EXCLUSIVE; COMMIT')).not.toThrow();
      expect(db.pragma('journal_mode = WAL', { simple: true })).toBe('wal');
    } finally {
      db.close();
    }
  });
});
