import { spawn, type ChildProcessByStdio } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { engineOf, type DbEngine } from '../db.ts';
import { projectRoot } from '../paths.ts';

export interface CliResult {
  code: number | null;
  output: string;
}

export const schemaPath = (engine: DbEngine) => path.join(projectRoot, 'prisma', engine, 'schema.prisma');
export const migrationsPath = (engine: DbEngine) => path.join(projectRoot, 'prisma', engine, 'migrations');

/** The migration folders of an engine's history, oldest first. */
export function migrationNames(engine: DbEngine): string[] {
  return fs
    .readdirSync(migrationsPath(engine), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

/** Starts the Prisma CLI with DATABASE_URL = `databaseUrl`: prisma.config.ts picks the engine from it. */
export function spawnPrisma(args: string[], databaseUrl: string): ChildProcessByStdio<null, Readable, Readable> {
  const cli = path.join(projectRoot, 'node_modules', 'prisma', 'build', 'index.js');
  return spawn(process.execPath, [cli, ...args], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl, CHECKPOINT_DISABLE: '1', PRISMA_HIDE_UPDATE_MESSAGE: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Runs the Prisma CLI to the end; its stdout and stderr together. */
export function runPrisma(args: string[], databaseUrl: string): Promise<CliResult> {
  const child = spawnPrisma(args, databaseUrl);
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => (output += s));
  child.stderr.setEncoding('utf8').on('data', (s: string) => (output += s));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

/**
 * Replays the engine's migration history in a shadow database and compares the result with the
 * schema: exit code 0 when they match, 2 when they differ (the output then shows the SQL that
 * is missing from the migrations). `databaseUrl` names the engine and, for PostgreSQL, the server
 * where the shadow database is made.
 */
export async function migrationDrift(engine: DbEngine, databaseUrl: string, schema = schemaPath(engine)): Promise<CliResult> {
  const r = await runPrisma(
    ['migrate', 'diff', '--from-migrations', migrationsPath(engine), '--to-schema-datamodel', schema, '--script', '--exit-code'],
    databaseUrl,
  );
  if (r.code !== 2) return r;
  const output = withoutFullTextTables(r.output);
  if (output === r.output || /;\s*$/m.test(output)) return { ...r, output };
  return { code: 0, output: `${output}\n-- This is an empty migration.\n` };
}

// The full-text indexes are tables written by hand in migrations: on SQLite the FTS5 virtual tables
// "<Model>Search" and the shadow tables FTS5 keeps beside them (docs/decisions/0021), on PostgreSQL
// the tables of stored vectors "<Model>Search" (docs/decisions/0039). Prisma cannot describe them and
// proposes to drop them; these are the only tables it may not see.
const FULL_TEXT_DROP =
  /-- DropTable\n(?:PRAGMA foreign_keys=off;\n)?DROP TABLE "[A-Za-z]+Search(?:_(?:config|content|data|docsize|idx))?";\n(?:PRAGMA foreign_keys=on;\n)?\n*/g;

/** A `migrate diff` script (or its output) without the statements that would drop the full-text tables. */
export function withoutFullTextTables(script: string): string {
  return script.replace(FULL_TEXT_DROP, '');
}

/**
 * A PostgreSQL server for migration tooling (`migrate diff` makes its shadow database there):
 * DATABASE_URL when it names PostgreSQL, else TEST_POSTGRES_URL. The role needs CREATEDB.
 */
export function toolingPostgresUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return [env.DATABASE_URL, env.TEST_POSTGRES_URL].find((u) => u !== undefined && engineOf(u) === 'postgres');
}
