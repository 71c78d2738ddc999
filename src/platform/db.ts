import fs from 'node:fs';
import path from 'node:path';
import type { PoolConfig } from 'pg';
import type { Config } from '../config.ts';
import type { PrismaClient } from '../generated/sqlite/client.ts';
import type { Logger } from './logger.ts';
import { raw, sqltag as sql, type Sql } from '@prisma/client/runtime/client';
import { releasingOnFailedCommit } from './pg-commit.ts';
import { attachingPoolFactory, PgDirect } from './pg-direct.ts';
import { attachingFactory, DirectStatements } from './sqlite-direct.ts';
import { BUSY_TIMEOUT_MS, gatedFactory, WriteGate, type TransactionMark } from './sqlite-gate.ts';

/**
 * The database client every feature receives. Both engines' generated clients share this
 * shape; the SQLite one is the reference type.
 */
export type Db = PrismaClient;
export type DbEngine = 'sqlite' | 'postgres';

/** Whether a client talks to PostgreSQL (for SQL that differs by engine). */
export function isPostgres(db: Db): boolean {
  // The generated client knows its engine; the SQLite client is the reference type.
  return (db as unknown as { _activeProvider?: string })._activeProvider === 'postgresql';
}

export function engineOf(url: string): DbEngine {
  return /^postgres(ql)?:\/\//i.test(url) ? 'postgres' : 'sqlite';
}

/** Path of the SQLite file named by a `file:` URL, resolved against the working directory. */
export function sqliteFilePath(url: string): string {
  return path.resolve(url.replace(/^file:/, '').split('?')[0] ?? '');
}

/**
 * pg's connection fields from a postgres:// URL (`?host=/socket/dir`, `?sslmode=`,
 * `?application_name=` are honoured). Discrete fields, never a connectionString: Prisma's shadow
 * database (migrate diff) replaces `database` only.
 */
export function pgConnection(url: string): Pick<PoolConfig, 'host' | 'port' | 'user' | 'password' | 'database' | 'ssl' | 'application_name'> {
  const u = new URL(url);
  const q = u.searchParams;
  const schema = q.get('schema');
  if (schema && schema !== 'public') throw new Error(`DATABASE_URL: ?schema=${schema} is not supported; give Timeline a database of its own (schema public)`);
  const sslmode = q.get('sslmode');
  return {
    host: q.get('host') ?? (decodeURIComponent(u.hostname.replace(/^\[|\]$/g, '')) || 'localhost'),
    port: u.port ? Number(u.port) : 5432,
    user: u.username ? decodeURIComponent(u.username) : undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    database: decodeURIComponent(u.pathname.replace(/^\//, '')) || undefined,
    ssl: sslmode === 'verify-full' || sslmode === 'verify-ca' ? true : sslmode === 'require' ? { rejectUnauthorized: false } : undefined,
    application_name: q.get('application_name') ?? undefined,
  };
}

/** PostgreSQL pool settings (ignored by SQLite). */
export interface PoolOptions {
  max: number;
  /** How long to wait for a connection before failing (pg waits forever by default). */
  connectTimeoutMs: number;
  /** The server cancels longer statements, and the client gives up on a connection that stays silent as long. */
  statementTimeoutMs: number;
}

export const defaultPoolOptions: PoolOptions = Object.freeze({ max: 10, connectTimeoutMs: 3000, statementTimeoutMs: 5000 });

export function poolOptions(config: Pick<Config, 'dbPoolMax' | 'dbConnectTimeoutMs' | 'dbStatementTimeoutMs'>): PoolOptions {
  return { max: config.dbPoolMax, connectTimeoutMs: config.dbConnectTimeoutMs, statementTimeoutMs: config.dbStatementTimeoutMs };
}

export interface DbOptions {
  url: string;
  pool?: Partial<PoolOptions>;
  /** Told about errors of idle pooled connections (the database went away); they never crash the process. */
  logger?: Pick<Logger, 'warn'>;
}

/** What createDb keeps of a SQLite client: its file, its write gate and its direct statements. */
interface SqliteParts {
  file: string;
  gate: WriteGate;
  direct: DirectStatements;
}
const sqliteParts = new WeakMap<object, SqliteParts>();

/** The SQLite file a client opened; undefined on PostgreSQL. */
export function sqliteFileOf(db: Db): string | undefined {
  return sqliteParts.get(db)?.file;
}

/**
 * SQLite: whether reads on the client's one connection may see uncommitted rows (see
 * WriteGate.mark); undefined on PostgreSQL, where every transaction has a connection of its own.
 */
export function transactionMarkOf(db: Db): TransactionMark | undefined {
  const gate = sqliteParts.get(db)?.gate;
  return gate && (() => gate.mark());
}

/**
 * The rows of a read-only statement, as `db.$queryRaw` returns them (column names as keys). On
 * SQLite they come straight from the connection through a prepared statement kept for the next
 * call (sqlite-direct.ts): integers as numbers, DateTime columns as ISO text. On PostgreSQL,
 * outside transactions, they come straight from the adapter's pool (pg-direct.ts), typed as
 * Prisma types them. For the hot reads of the public pages and the import's key reads; writes go
 * through Prisma, but for the import's bulk inserts (writeRows).
 */
export async function readRows<T extends unknown[]>(db: Db, query: Sql): Promise<T> {
  // A transaction client (inTransactionOf) reads on the connection that holds its transaction.
  const inTransaction = transactionParts.get(db);
  const rows = inTransaction ? inTransaction.direct.allInTransaction(query) : sqliteParts.get(db)?.direct.all(query);
  const pgRows = rows ?? (await pgDirect.get(db)?.all(query));
  return (pgRows as T | null | undefined) ?? db.$queryRaw<T>(query);
}

/**
 * An integer the code chose (a LIMIT, a tier), written into a statement's text rather than sent as
 * a parameter. PostgreSQL keeps a generic plan for a prepared statement (pg-direct.ts) only when
 * it costs no more than a plan for the values at hand; a LIMIT it cannot see made it plan the
 * statement again on every run, 0.15–0.2 ms, more than running it (docs/decisions/0049).
 */
export function sqlInt(n: number): Sql {
  if (!Number.isSafeInteger(n)) throw new Error(`not an integer: ${n}`);
  return raw(String(n));
}

/**
 * A condition that `column` is one of `values` (integers, or text with `type` TEXT), as one
 * parameter: a list of placeholders would make a new statement text for every length, and each
 * text is a statement prepared and kept (sqlite-direct.ts, pg-direct.ts).
 */
export function oneOf(db: Db, column: Sql, values: readonly (number | string)[], type: 'INTEGER' | 'TEXT' = 'INTEGER'): Sql {
  const json = JSON.stringify(values);
  return isPostgres(db)
    ? sql`${column} IN (SELECT jsonb_array_elements_text(${json}::jsonb)::${raw(type)})`
    : sql`${column} IN (SELECT "value" FROM json_each(${json}))`;
}

/** PostgreSQL clients' direct reads (pg-direct.ts). */
const pgDirect = new WeakMap<object, PgDirect>();

/** Transaction clients (inOneTransaction) of SQLite clients, and the parts of the client they belong to. */
const transactionParts = new WeakMap<object, SqliteParts>();

/**
 * Tells writeRows that `tx` is a transaction client of `db` while `fn` runs (content/commit.ts,
 * inOneTransaction): once it returns, `tx` is a stale client whose statements must not join
 * whatever transaction is open on the connection then.
 */
export async function inTransactionOf<T>(db: Db, tx: Db, fn: () => Promise<T>): Promise<T> {
  const parts = sqliteParts.get(db);
  if (parts) transactionParts.set(tx, parts);
  try {
    return await fn();
  } finally {
    transactionParts.delete(tx);
  }
}

/**
 * A bulk write through a transaction client: on SQLite, straight on the connection that holds the
 * transaction, with the statement kept prepared (sqlite-direct.ts). Through Prisma, each statement
 * crosses its query compiler with its parameters (the import's rows travel as one JSON parameter of
 * up to hundreds of kB); for the Epoch sample that was most of the import's time (decision 41).
 * `returning`: the statement's rows (INSERT … RETURNING), else the number of rows changed.
 * Anywhere else (PostgreSQL, a client outside a transaction) it is Prisma's `$queryRaw` /
 * `$executeRaw`.
 */
export async function writeRows<T>(db: Db, query: Sql, returning: true): Promise<T[]>;
export async function writeRows(db: Db, query: Sql, returning: false): Promise<number>;
export async function writeRows<T>(db: Db, query: Sql, returning: boolean): Promise<T[] | number> {
  const done = transactionParts.get(db)?.direct.write(query, returning);
  if (done !== undefined && done !== null) return done as T[] | number;
  return returning ? db.$queryRaw<T[]>(query) : db.$executeRaw(query);
}

/** Statements readRows and writeRows handed to Prisma on this client after failing (PostgreSQL: reads only). */
export function directReadFallbacks(db: Db): number {
  return sqliteParts.get(db)?.direct.fallbacks ?? pgDirect.get(db)?.fallbacks ?? 0;
}

/** Creates the one Prisma client of a process; the caller owns it and disconnects it. */
export async function createDb({ url, pool, logger }: DbOptions): Promise<Db> {
  if (engineOf(url) === 'postgres') return createPostgresDb(url, { ...defaultPoolOptions, ...pool }, logger);
  return createSqliteDb(url);
}

async function createSqliteDb(url: string): Promise<Db> {
  const [{ PrismaClient }, { PrismaBetterSQLite3 }] = await Promise.all([
    import('../generated/sqlite/client.ts'),
    import('@prisma/adapter-better-sqlite3'),
  ]);
  const file = sqliteFilePath(url);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Plain writes wait for open transactions instead of running inside them (sqlite-gate.ts).
  const gate = new WriteGate();
  const direct = new DirectStatements();
  const db = new PrismaClient({ adapter: gatedFactory(attachingFactory(new PrismaBetterSQLite3({ url: `file:${file}` }), direct), gate) });
  sqliteParts.set(db, { file, gate, direct });
  // The adapter leaves SQLite's defaults: a rollback journal, full sync and no busy wait.
  await db.$queryRawUnsafe('PRAGMA journal_mode = WAL');
  await db.$queryRawUnsafe('PRAGMA synchronous = NORMAL');
  await db.$queryRawUnsafe(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
  await db.$queryRawUnsafe('PRAGMA foreign_keys = ON');
  // SQLite's default page cache is 2 MB. A database of 100,000 events is about 100 MB, and the rows
  // of a search's page are scattered across it: with 2 MB, each page read them again from the
  // operating system. 64 MiB, filled only as pages are read (docs/decisions/0048).
  await db.$queryRawUnsafe('PRAGMA cache_size = -65536');
  // Pages past that cache are read through a memory map of the file (up to SQLite's default
  // ceiling, 2 GB) instead of a system call each: a search's facets at 1,000,000 events read tens
  // of thousands of scattered rows (docs/decisions/0050). Writes still go through the write-ahead log.
  await db.$queryRawUnsafe('PRAGMA mmap_size = 2147418112');
  return db;
}

async function createPostgresDb(url: string, pool: PoolOptions, logger: DbOptions['logger']): Promise<Db> {
  const [{ PrismaClient }, { PrismaPg }] = await Promise.all([
    import('../generated/postgres/client.ts'),
    import('@prisma/adapter-pg'),
  ]);
  const adapter = new PrismaPg(
    {
      ...pgConnection(url),
      max: pool.max,
      connectionTimeoutMillis: pool.connectTimeoutMs,
      statement_timeout: pool.statementTimeoutMs,
      query_timeout: pool.statementTimeoutMs,
      idleTimeoutMillis: 30_000,
      // JIT compiles any statement the planner costs above 100,000, which the small reads of a page
      // can be (a search of a prefix, estimated on 33 words): 7 ms of compiling for a statement
      // that runs in 0.1 ms (docs/decisions/0049). Nothing the app runs is long enough to gain.
      options: '-c jit=off',
    },
    { onPoolError: (err) => logger?.warn({ err }, 'idle database connection failed; the pool will open a new one') },
  );
  const direct = new PgDirect();
  const db = new PrismaClient({ adapter: releasingOnFailedCommit(attachingPoolFactory(adapter, direct)) });
  pgDirect.set(db, direct);
  if (logger) void warnUnlessByteOrder(db, logger);
  // Both generated clients expose the same API; only their nominal types differ.
  return db as unknown as Db;
}

/** SQLite compares text byte by byte; a PostgreSQL database with a linguistic collation sorts titles otherwise. */
async function warnUnlessByteOrder(db: { $queryRawUnsafe<T>(sql: string): Promise<T> }, logger: Pick<Logger, 'warn'>) {
  const rows = await db
    .$queryRawUnsafe<{ collation: string; provider: string }[]>(
      'SELECT datcollate::text AS collation, datlocprovider::text AS provider FROM pg_database WHERE datname = current_database()',
    )
    .catch(() => []);
  const row = rows[0];
  if (row && (row.provider !== 'c' || !/^(C|POSIX|C\.UTF-?8)$/i.test(row.collation))) {
    logger.warn({ collation: row.collation, provider: row.provider }, 'the database does not sort text in byte order as SQLite does: create it with --locale=C (docs/postgres.md)');
  }
}

// pg_advisory_lock key for start-up work, "time" in ASCII (Prisma's migrate lock is 72707369).
const STARTUP_LOCK = 0x74696d65;

/**
 * Runs `fn` while this process holds PostgreSQL's start-up advisory lock, so that instances
 * starting together on one database take turns (for "seed when empty", say). The lock lives on
 * a connection of its own and goes with it. On SQLite `fn` simply runs.
 */
export async function withStartupLock<T>(url: string, fn: () => Promise<T>): Promise<T> {
  if (engineOf(url) !== 'postgres') return fn();
  const { default: pg } = await import('pg');
  const client = new pg.Client({ ...pgConnection(url), connectionTimeoutMillis: 10_000 });
  client.on('error', () => {});
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK]);
    return await fn();
  } finally {
    await client.end();
  }
}

const UNAVAILABLE_PRISMA_CODES = new Set(['P1001', 'P1002', 'P1017', 'P2024']);
const UNAVAILABLE_ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
// PostgreSQL SQLSTATEs: statement timeout, server shutting down or starting, too many connections, connection exceptions.
const UNAVAILABLE_SQLSTATE = /^(57014|57P0[123]|53300|08...)$/;
// pg's own messages for a lost connection, a connect timeout and its client-side query timeout.
const UNAVAILABLE_PG_MESSAGE = /^(Connection terminated|timeout exceeded when trying to connect|Query read timeout|Client has encountered a connection error)/;

interface ErrorLike {
  code?: unknown;
  kind?: unknown;
  message?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: { cause?: unknown } };
}

function unavailableHere(e: ErrorLike): boolean {
  if (typeof e.code === 'string' && UNAVAILABLE_PRISMA_CODES.has(e.code)) return true;
  if (typeof e.kind === 'string' && UNAVAILABLE_ADAPTER_KINDS.has(e.kind)) return true;
  if (e.kind === 'postgres' && typeof e.code === 'string' && UNAVAILABLE_SQLSTATE.test(e.code)) return true;
  // A SQLite file overwritten or damaged under the server: nothing to fix in the request.
  if (e.code === 'SQLITE_NOTADB' || e.code === 'SQLITE_CORRUPT') return true;
  // A plain write that waited too long for another request's transaction (sqlite-gate.ts).
  if (e.code === 'SQLITE_BUSY') return true;
  return typeof e.message === 'string' && (UNAVAILABLE_PG_MESSAGE.test(e.message) || UNREADABLE_SQLITE_MESSAGE.test(e.message));
}

const UNREADABLE_SQLITE_MESSAGE = /\bfile is not a database\b|\bdatabase disk image is malformed\b/;

/** The error, its causes, and the driver adapter's cause that Prisma keeps in `meta`. */
function* errorChain(err: unknown): Generator<ErrorLike> {
  let e: unknown = err;
  for (let depth = 0; depth < 6 && e && typeof e === 'object'; depth++) {
    const x = e as ErrorLike;
    yield x;
    const adapterCause = x.meta?.driverAdapterError?.cause;
    if (adapterCause && typeof adapterCause === 'object') yield adapterCause as ErrorLike;
    e = x.cause;
  }
}

/**
 * True when an error means the database cannot be reached or did not answer in time (as opposed
 * to a bad query): the request should get a 503 and may succeed once the database is back.
 * Bare socket codes (ECONNREFUSED…) are not enough: the adapters turn theirs into the kinds
 * above, and a failed outgoing fetch carries the same codes.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (const e of errorChain(err)) if (unavailableHere(e)) return true;
  return false;
}

/**
 * True when PostgreSQL aborted a SERIALIZABLE transaction because a concurrent one conflicted
 * with it (SQLSTATE 40001; Prisma P2034): running it again is the expected answer.
 */
export function isSerializationFailure(err: unknown): boolean {
  for (const e of errorChain(err)) {
    if (e.code === 'P2034' || e.kind === 'TransactionWriteConflict' || e.code === '40001') return true;
  }
  return false;
}
