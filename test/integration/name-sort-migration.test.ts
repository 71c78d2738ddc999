// The migration that added the sort key of names (docs/decisions/0045), on a database that
// already holds names: it keys them with lower("name") on both engines (ASCII letters only), and
// the start-up refresh gives the rows it could not fold their exact key.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshSortNames } from '../../src/features/content/index.ts';
import { pgConnection } from '../../src/platform/db.ts';
import { migrationNames, migrationsPath } from '../../src/platform/prisma-cli/run.ts';
import { createTestDb, testEngine, type TestDb } from '../helpers/db.ts';

const engine = testEngine();
const MIGRATION = '20261128234116_name_sort_key';

/** Runs SQL scripts (several statements each) on the test database, outside Prisma. */
async function runScripts(t: TestDb, scripts: string[]): Promise<void> {
  if (engine === 'sqlite') {
    const db = new Database(t.url.slice('file:'.length));
    try {
      for (const s of scripts) db.exec(s);
    } finally {
      db.close();
    }
    return;
  }
  const client = new pg.Client(pgConnection(t.url));
  await client.connect();
  try {
    for (const s of scripts) await client.query(s);
  } finally {
    await client.end();
  }
}

const script = (name: string) => fs.readFileSync(path.join(migrationsPath(engine), name, 'migration.sql'), 'utf8');

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb({ empty: true });
}, 60_000);
afterAll(async () => t?.close());

describe(`the migration adding sortName (${engine})`, () => {
  it('when names exist before it, then it keys them with lower("name"), and the start-up refresh then gives each its exact key', async () => {
    const names = migrationNames(engine);
    const before = names.slice(0, names.indexOf(MIGRATION));
    expect(names).toContain(MIGRATION);
    await runScripts(t, before.map(script));
    const now = engine === 'sqlite' ? `'2026-01-01T00:00:00.000+00:00'` : `'2026-01-01T00:00:00Z'`;
    await runScripts(t, [
      `INSERT INTO "Organization" ("slug", "name", "updatedAt") VALUES ('at-t', 'AT&T', ${now}), ('echo-ai', 'Écho AI', ${now})`,
      `INSERT INTO "Subject" ("slug", "name", "updatedAt") VALUES ('gpt-4', 'GPT-4', ${now})`,
      `INSERT INTO "Tag" ("slug", "name") VALUES ('open-weights', 'Open Weights')`,
      script(MIGRATION),
    ]);

    const keys = async () => ({
      organizations: await t.db.organization.findMany({ select: { name: true, sortName: true }, orderBy: { id: 'asc' } }),
      subjects: await t.db.subject.findMany({ select: { name: true, sortName: true } }),
      tags: await t.db.tag.findMany({ select: { name: true, sortName: true } }),
    });
    expect(await keys()).toEqual({
      organizations: [
        { name: 'AT&T', sortName: 'at&t' },
        { name: 'Écho AI', sortName: 'Écho ai' },
      ],
      subjects: [{ name: 'GPT-4', sortName: 'gpt-4' }],
      tags: [{ name: 'Open Weights', sortName: 'open weights' }],
    });

    expect(await refreshSortNames(t.db)).toBe(1);
    expect((await keys()).organizations[1]).toEqual({ name: 'Écho AI', sortName: 'echo ai' });
  });
});
