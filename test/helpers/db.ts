import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDb, type Db } from '../../src/platform/db.ts';

export interface TestDb {
  db: Db;
  url: string;
  close(): Promise<void>;
}

/** A fresh, migrated SQLite database in its own file: a copy of the run's template. */
export async function createTestDb(): Promise<TestDb> {
  const template = process.env.TIMELINE_TEST_TEMPLATE_DB;
  if (!template) throw new Error('TIMELINE_TEST_TEMPLATE_DB is not set: run the tests through vitest (test/helpers/global-setup.ts)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'timeline-db-'));
  const file = path.join(dir, 'test.db');
  fs.copyFileSync(template, file);
  const url = `file:${file}`;
  const db = await createDb({ url });
  return {
    db,
    url,
    async close() {
      await db.$disconnect();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
