import fs from 'node:fs';
import path from 'node:path';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from '../generated/sqlite/client.ts';

/**
 * The database client every feature receives. Both engines' generated clients share this
 * shape; the SQLite one is the reference type.
 */
export type Db = PrismaClient;
export type DbEngine = 'sqlite' | 'postgres';

export function engineOf(url: string): DbEngine {
  return /^postgres(ql)?:\/\//i.test(url) ? 'postgres' : 'sqlite';
}

/** Path of the SQLite file named by a `file:` URL, resolved against the working directory. */
export function sqliteFilePath(url: string): string {
  return path.resolve(url.replace(/^file:/, '').split('?')[0] ?? '');
}

export interface DbOptions {
  url: string;
}

/** Creates the one Prisma client of a process; the caller owns it and disconnects it. */
export async function createDb({ url }: DbOptions): Promise<Db> {
  if (engineOf(url) === 'postgres') {
    throw new Error('PostgreSQL support is not available in this build');
  }
  const file = sqliteFilePath(url);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: `file:${file}` }) });
  // The adapter leaves SQLite's defaults: a rollback journal, full sync and no busy wait.
  await db.$queryRawUnsafe('PRAGMA journal_mode = WAL');
  await db.$queryRawUnsafe('PRAGMA synchronous = NORMAL');
  await db.$queryRawUnsafe('PRAGMA busy_timeout = 5000');
  await db.$queryRawUnsafe('PRAGMA foreign_keys = ON');
  return db;
}
