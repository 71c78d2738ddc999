import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createDb, pgConnection, type Db, type PoolOptions } from '../../src/platform/db.ts';

export interface TestDb {
  db: Db;
  url: string;
  close(): Promise<void>;
}

export type TestEngine = 'sqlite' | 'postgres';

/** The engine of this test run: set by scripts/test.ts, read by global-setup.ts. */
export function testEngine(): TestEngine {
  return process.env.TIMELINE_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';
}

export interface TestDbOptions {
  pool?: Partial<PoolOptions>;
  /** A database without tables, for tests that start the app and let it migrate. */
  empty?: boolean;
}

/**
 * A fresh, migrated database of the run's engine: a copy of the run's SQLite template file, or
 * on PostgreSQL a new database made from the run's template database, dropped by close().
 */
export async function createTestDb(opts: TestDbOptions = {}): Promise<TestDb> {
  if (testEngine() === 'postgres') return createPostgresTestDb(opts);
  const template = process.env.TIMELINE_TEST_TEMPLATE_DB;
  if (!template) throw new Error('TIMELINE_TEST_TEMPLATE_DB is not set: run the tests through vitest (test/helpers/global-setup.ts)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'timeline-db-'));
  const file = path.join(dir, 'test.db');
  if (!opts.empty) fs.copyFileSync(template, file);
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

async function createPostgresTestDb(opts: TestDbOptions): Promise<TestDb> {
  const admin = process.env.TEST_POSTGRES_URL;
  const template = process.env.TIMELINE_TEST_PG_TEMPLATE;
  if (!admin || !template) throw new Error('TIMELINE_TEST_PG_TEMPLATE is not set: run the tests through vitest (test/helpers/global-setup.ts)');
  const name = `${template.replace('_tpl_', '_t_')}_${randomBytes(4).toString('hex')}`;
  await adminQuery(admin, opts.empty ? createDatabaseSql(name) : `CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(template)}`);
  const url = databaseUrl(admin, name);
  const db = await createDb({ url, pool: { max: 4, ...opts.pool } });
  return {
    db,
    url,
    async close() {
      await db.$disconnect();
      await dropPostgresDatabase(admin, name);
    },
  };
}

/** The same server and credentials as `url`, another database. */
export function databaseUrl(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Runs statements one by one on a short-lived connection (CREATE/DROP DATABASE cannot share a transaction). */
export async function adminQuery(url: string, ...statements: string[]): Promise<pg.QueryResult[]> {
  const client = new pg.Client({ ...pgConnection(url), connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    const results: pg.QueryResult[] = [];
    for (const sql of statements) results.push(await client.query(sql));
    return results;
  } finally {
    await client.end();
  }
}

/** Byte-order collation, as SQLite compares text: ORDER BY title gives the same order on both engines. */
export function createDatabaseSql(name: string): string {
  return `CREATE DATABASE ${quoteIdent(name)} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`;
}

export async function dropPostgresDatabase(adminUrl: string, name: string): Promise<void> {
  await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
}
