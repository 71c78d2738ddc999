// `npm run db:check`: the PostgreSQL twin is what db-sync-schemas writes, both engines have the
// same migrations, and each history replayed produces exactly its schema (no drift). PostgreSQL's
// history is checked when a server is given (DATABASE_URL postgres://… or TEST_POSTGRES_URL).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrationDrift, migrationNames, schemaPath, toolingPostgresUrl } from '../src/platform/prisma-cli/run.ts';
import { postgresTwin } from '../src/platform/prisma-cli/twin.ts';

let ok = true;
function report(pass: boolean, line: string, detail = '') {
  console.log(`${pass ? 'ok  ' : 'FAIL'} ${line}${!pass && detail ? `\n${detail}` : ''}`);
  ok &&= pass;
}

const twin = postgresTwin(fs.readFileSync(schemaPath('sqlite'), 'utf8'));
report(twin === fs.readFileSync(schemaPath('postgres'), 'utf8'), 'prisma/postgres/schema.prisma is in step (else: npm run db:sync-schemas)');

const sqliteNames = migrationNames('sqlite').join(', ');
const postgresNames = migrationNames('postgres').join(', ');
report(sqliteNames === postgresNames, 'both engines have the same migrations', `  sqlite:   ${sqliteNames}\n  postgres: ${postgresNames}`);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'timeline-check-'));
try {
  const sqlite = await migrationDrift('sqlite', `file:${path.join(tmp, 'cli.db')}`);
  report(sqlite.code === 0, 'the SQLite history produces prisma/sqlite/schema.prisma', sqlite.output);
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
const postgresUrl = toolingPostgresUrl();
if (postgresUrl) {
  const pg = await migrationDrift('postgres', postgresUrl);
  report(pg.code === 0, 'the PostgreSQL history produces prisma/postgres/schema.prisma', pg.output);
} else {
  console.log('--   the PostgreSQL history NOT checked: set TEST_POSTGRES_URL=postgresql://… to check it');
}
process.exit(ok ? 0 : 1);
