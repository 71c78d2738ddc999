// Migrates one template database per test run; each createTestDb() copies it (see db.ts).
// SQLite: a template file. PostgreSQL (TIMELINE_TEST_ENGINE=postgres): a template database
// `timeline_tpl_<run>` on the server of TEST_POSTGRES_URL, dropped at the end with every
// `timeline_t_<run>_*` database a crashed test may have left.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrateDeploy } from '../../src/platform/migrate.ts';
import { adminQuery, createDatabaseSql, databaseUrl, dropPostgresDatabase, quoteIdent, testEngine } from './db.ts';

export default async function setup(): Promise<() => Promise<void>> {
  return testEngine() === 'postgres' ? setupPostgres() : setupSqlite();
}

async function setupSqlite(): Promise<() => Promise<void>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'timeline-test-'));
  const template = path.join(dir, 'template.db');
  await migrateDeploy(`file:${template}`);
  process.env.TIMELINE_TEST_TEMPLATE_DB = template;
  return async () => fs.rmSync(dir, { recursive: true, force: true });
}

async function setupPostgres(): Promise<() => Promise<void>> {
  const admin = process.env.TEST_POSTGRES_URL;
  if (!admin) throw new Error('TIMELINE_TEST_ENGINE=postgres needs TEST_POSTGRES_URL=postgresql://user@host:5432/db (a database to connect to for CREATE DATABASE)');
  const run = randomBytes(4).toString('hex');
  const template = `timeline_tpl_${run}`;
  await adminQuery(admin, createDatabaseSql(template));
  try {
    await migrateDeploy(databaseUrl(admin, template));
    // The migrate CLI may still hold a connection; a template must have none when it is copied.
    await adminQuery(
      admin,
      `ALTER DATABASE ${quoteIdent(template)} WITH ALLOW_CONNECTIONS false`,
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${template}'`,
    );
  } catch (err) {
    await dropPostgresDatabase(admin, template);
    throw err;
  }
  process.env.TIMELINE_TEST_PG_TEMPLATE = template;
  return async () => {
    const [leftovers] = await adminQuery(admin, `SELECT datname FROM pg_database WHERE datname LIKE 'timeline\\_t\\_${run}\\_%' ORDER BY datname`);
    for (const row of leftovers?.rows ?? []) await dropPostgresDatabase(admin, String(row.datname));
    await dropPostgresDatabase(admin, template);
  };
}
