// Migrates one template SQLite database per test run; each test file copies it (see db.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrateDeploy } from '../../src/platform/migrate.ts';

export default async function setup(): Promise<() => void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'timeline-test-'));
  const template = path.join(dir, 'template.db');
  await migrateDeploy(`file:${template}`);
  process.env.TIMELINE_TEST_TEMPLATE_DB = template;
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
