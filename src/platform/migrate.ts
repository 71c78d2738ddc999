import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { engineOf, pgConnection, sqliteFilePath } from './db.ts';
import { spawnPrisma } from './prisma-cli/run.ts';

// What `migrate deploy` prints once every migration is applied and recorded.
const APPLIED = /All migrations have been successfully applied|No pending migrations to apply/;

/**
 * Runs `prisma migrate deploy` with DATABASE_URL = `url`, so that prisma.config.ts picks that
 * engine's schema and migration history. Throws with the CLI's output on failure.
 *
 * On PostgreSQL the CLI's JavaScript engine leaves a 10 s timer running after its work is done;
 * the promise resolves as soon as the CLI reports success and the process is left to exit alone.
 * On SQLite it waits for the exit: until then the CLI still has the file open, and the server's
 * first statement (switching the journal to WAL) could fail with SQLITE_BUSY.
 */
export async function migrateDeploy(url: string): Promise<void> {
  const postgres = engineOf(url) === 'postgres';
  if (!postgres) fs.mkdirSync(path.dirname(sqliteFilePath(url)), { recursive: true });
  const child = spawnPrisma(['migrate', 'deploy'], url);
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      if (!postgres || !APPLIED.test(output)) return;
      child.stdout.destroy();
      child.stderr.destroy();
      child.unref();
      resolve();
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`prisma migrate deploy failed (exit ${code}): ${output.trim()}`));
    });
  });
}

/** The database is locked by another process (a server mid-write, say) longer than we wait. */
export class DatabaseBusyError extends Error {
  constructor() {
    super('The database is busy: another process holds its write lock and new migrations must be applied. Try again in a moment, or stop the server (npm start) first.');
    this.name = 'DatabaseBusyError';
  }
}

const MIGRATIONS_ROOT = fileURLToPath(new URL('../../prisma/', import.meta.url));

/** The migrations this checkout ships for the URL's engine, by folder name. */
export function shippedMigrations(url: string): string[] {
  const dir = path.join(MIGRATIONS_ROOT, engineOf(url), 'migrations');
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

const APPLIED_SQL = 'SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL';

/** Names of the migrations recorded as applied (none when the database or its history table does not exist yet). */
export async function appliedMigrations(url: string): Promise<Set<string>> {
  if (engineOf(url) === 'sqlite') {
    const file = sqliteFilePath(url);
    if (!fs.existsSync(file)) return new Set();
    const { default: Database } = await import('better-sqlite3');
    const conn = new Database(file, { readonly: true, fileMustExist: true });
    try {
      const known = conn.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get();
      if (!known) return new Set();
      return new Set((conn.prepare(APPLIED_SQL).all() as { name: string }[]).map((r) => r.name));
    } finally {
      conn.close();
    }
  }
  const { default: pg } = await import('pg');
  const client = new pg.Client({ ...pgConnection(url), connectionTimeoutMillis: 10_000 });
  client.on('error', () => {});
  await client.connect();
  try {
    const known = await client.query("SELECT to_regclass('public._prisma_migrations') IS NOT NULL AS known");
    if (!known.rows[0]?.known) return new Set();
    return new Set((await client.query<{ name: string }>(APPLIED_SQL)).rows.map((r) => r.name));
  } finally {
    await client.end();
  }
}

// The SQLite adapter reports SQLITE_BUSY as kind `SocketTimeout`, which the schema engine cannot name.
const BUSY = /database is locked|SQLITE_BUSY|database table is locked|unknown variant `SocketTimeout`/i;

/**
 * For command-line tools that may run beside a server: runs `migrate deploy` only when a shipped
 * migration is not yet applied (reading the history needs no write lock, so a running server is
 * no obstacle), and turns a locked database into a DatabaseBusyError instead of the engine's trace.
 */
export async function migrateIfNeeded(url: string): Promise<void> {
  const applied = await appliedMigrations(url);
  if (shippedMigrations(url).every((m) => applied.has(m))) return;
  try {
    await migrateDeploy(url);
  } catch (err) {
    if (BUSY.test((err as Error).message)) throw new DatabaseBusyError();
    throw err;
  }
}

/** Exit code of a command-line tool that gave up because the database was busy. */
export const EXIT_BUSY = 3;

/** For a command-line tool: migrateIfNeeded, or one line on stderr and exit (EXIT_BUSY when busy, else 1). */
export async function migrateOrExit(url: string): Promise<void> {
  try {
    await migrateIfNeeded(url);
  } catch (err) {
    console.error(err instanceof DatabaseBusyError ? err.message : `The database could not be migrated: ${(err as Error).message.split('\n').slice(0, 3).join(' ')}`);
    process.exit(err instanceof DatabaseBusyError ? EXIT_BUSY : 1);
  }
}
