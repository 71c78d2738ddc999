// `npm run db:migration -- <name>`: after a change to prisma/sqlite/schema.prisma, refreshes the
// PostgreSQL twin and writes one new migration per engine, under the same timestamped folder
// name, from `prisma migrate diff --from-migrations … --to-schema-datamodel …` (never
// `migrate dev`, which cannot run offline). The PostgreSQL diff needs a server for its shadow
// database: DATABASE_URL when it is postgres://…, else TEST_POSTGRES_URL.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DbEngine } from '../src/platform/db.ts';
import { migrationNames, migrationsPath, runPrisma, schemaPath, toolingPostgresUrl, withoutFullTextTables } from '../src/platform/prisma-cli/run.ts';
import { postgresTwin } from '../src/platform/prisma-cli/twin.ts';

const EMPTY = /^\s*(-- This is an empty migration\.\s*)?$/;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const name = (process.argv[2] ?? '').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
if (!name) fail('usage: npm run db:migration -- <name>   (e.g. add_event_language)');
const postgresUrl = toolingPostgresUrl();
if (!postgresUrl) fail('set TEST_POSTGRES_URL=postgresql://… (or a postgres DATABASE_URL): the PostgreSQL diff needs a server for its shadow database');

fs.writeFileSync(schemaPath('postgres'), postgresTwin(fs.readFileSync(schemaPath('sqlite'), 'utf8')));

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'timeline-migration-'));
async function diff(engine: DbEngine, url: string): Promise<string> {
  const out = path.join(tmp, `${engine}.sql`);
  const args = ['migrate', 'diff', '--from-migrations', migrationsPath(engine), '--to-schema-datamodel', schemaPath(engine), '--script', '-o', out];
  const r = await runPrisma(args, url);
  if (r.code !== 0) fail(`prisma migrate diff failed for ${engine}:\n${r.output}`);
  const script = fs.readFileSync(out, 'utf8');
  return withoutFullTextTables(script);
}

try {
  const sql = {
    sqlite: await diff('sqlite', `file:${path.join(tmp, 'cli.db')}`),
    postgres: await diff('postgres', postgresUrl),
  };
  const changed = (['sqlite', 'postgres'] as const).filter((e) => !EMPTY.test(sql[e]));
  if (changed.length === 0) {
    console.log('No schema change: both migration histories already produce the schema. Nothing written.');
  } else if (changed.length === 1) {
    fail(`Only ${changed[0]} has a change to migrate: the histories have drifted apart. Run \`npm run db:check\`. Nothing written.`);
  } else {
    const folder = `${nextTimestamp()}_${name}`;
    for (const engine of changed) {
      const dir = path.join(migrationsPath(engine), folder);
      fs.mkdirSync(dir);
      fs.writeFileSync(path.join(dir, 'migration.sql'), sql[engine]);
      console.log(`wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
    }
    console.log('Read both files before committing them; `npm run db:check` confirms each history produces its schema.');
  }
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}

/** YYYYMMDDHHMMSS in UTC, later than every existing migration of both engines. */
function nextTimestamp(): string {
  const stamp = (d: Date) => d.toISOString().replace(/\D/g, '').slice(0, 14);
  const last = [...migrationNames('sqlite'), ...migrationNames('postgres')].map((n) => n.slice(0, 14)).sort().at(-1);
  let t = new Date();
  if (last && stamp(t) <= last) {
    const [y, mo, d, h, mi, s] = [0, 4, 6, 8, 10, 12].map((i, k) => Number(last.slice(i, i + (k === 0 ? 4 : 2))));
    t = new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s! + 1));
  }
  return stamp(t);
}
