// Each engine's migration history must produce exactly its schema file, and the PostgreSQL
// schema must be the generated twin of the SQLite one. Runs on the engine of the test run, so
// SQLite always, PostgreSQL when `npm test` has TEST_POSTGRES_URL.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/platform/paths.ts';
import { migrationDrift, migrationNames, runPrisma, schemaPath } from '../../src/platform/prisma-cli/run.ts';
import { postgresTwin } from '../../src/platform/prisma-cli/twin.ts';
import { createTestDb, testEngine, type TestDb } from '../helpers/db.ts';

const run = promisify(execFile);
const engine = testEngine();
const CLI_TIMEOUT = 60_000;

function syncSchemas(...args: string[]) {
  const tsx = path.join(projectRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  return run(process.execPath, [tsx, path.join(projectRoot, 'scripts', 'db-sync-schemas.ts'), ...args], { cwd: projectRoot });
}

let tmp: string;
let migrated: TestDb;
let empty: TestDb;
beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'timeline-drift-'));
  [migrated, empty] = await Promise.all([createTestDb(), createTestDb({ empty: true })]);
});
afterAll(async () => {
  await Promise.all([migrated.close(), empty.close()]);
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe(`schema and migrations (${engine})`, () => {
  it(
    `when the ${engine} migration history is replayed, then it produces exactly prisma/${engine}/schema.prisma, in a shadow database and not in the one named`,
    async () => {
      const r = await migrationDrift(engine, empty.url);
      expect(r.output).toContain('This is an empty migration');
      expect(r.code).toBe(0);
      await expect(empty.db.organization.count()).rejects.toMatchObject({ code: 'P2021' });
    },
    CLI_TIMEOUT,
  );

  it(
    'when the schema has a column that no migration creates, then the drift check fails and shows the missing SQL',
    async () => {
      const schema = fs.readFileSync(schemaPath(engine), 'utf8').replace(/(model Tag \{\n)/, '$1  colour String?\n');
      const drifted = path.join(tmp, `drifted-${engine}.prisma`);
      fs.writeFileSync(drifted, schema);
      const r = await migrationDrift(engine, migrated.url, drifted);
      expect(r.code).toBe(2);
      expect(r.output).toMatch(/"colour" TEXT/);
    },
    CLI_TIMEOUT,
  );

  it(
    'when a migrated database is checked with migrate status, then it is up to date',
    async () => {
      const r = await runPrisma(['migrate', 'status'], migrated.url);
      expect(r.output).toContain('Database schema is up to date');
      expect(r.code).toBe(0);
    },
    CLI_TIMEOUT,
  );

  it('when both histories are listed, then they hold the same migrations under the same names', () => {
    expect(migrationNames('postgres')).toEqual(migrationNames('sqlite'));
    expect(migrationNames('sqlite').length).toBeGreaterThan(0);
  });

  it('when the PostgreSQL schema is checked, then it is exactly the twin generated from the SQLite schema', async () => {
    expect(fs.readFileSync(schemaPath('postgres'), 'utf8')).toBe(postgresTwin(fs.readFileSync(schemaPath('sqlite'), 'utf8')));
    const { stdout } = await syncSchemas('--check');
    expect(stdout).toMatch(/in step/);
  });

  it('when a committed twin is out of step, then db-sync-schemas --check exits non-zero and says what to run', async () => {
    const stale = path.join(tmp, 'stale.prisma');
    fs.writeFileSync(stale, fs.readFileSync(schemaPath('postgres'), 'utf8').replace('model Tag {', 'model Tag {\n  colour String?'));
    const err = await syncSchemas('--check', '--target', stale).catch((e: { code: number; stderr: string }) => e);
    expect(err).toMatchObject({ code: 1 });
    expect((err as { stderr: string }).stderr).toMatch(/npm run db:sync-schemas/);
  });

  it('when the source schema cannot be swapped, then generating the twin fails loudly instead of writing a SQLite copy', () => {
    const source = fs.readFileSync(schemaPath('sqlite'), 'utf8');
    expect(() => postgresTwin(source.replace('provider = "sqlite"', 'provider = "sqlserver"'))).toThrow(/datasource provider/);
    expect(() => postgresTwin(source.replace('../../src/generated/sqlite', '../generated/client'))).toThrow(/generator output/);
    expect(() => postgresTwin(source.replace('String?', 'String? @db.Text'))).toThrow(/native type/);
  });
});
