import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseImportArgs, runImport } from '../../scripts/import.ts';
import { runExport } from '../../scripts/export.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import Database from 'better-sqlite3';
import { sqliteFilePath } from '../../src/platform/db.ts';
import { createTestDb, testEngine } from '../helpers/db.ts';

let seeded: TestApp;
let dir: string;
beforeAll(async () => {
  seeded = await createTestApp({ seed: true });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'timeline-cli-'));
});
afterAll(async () => {
  await seeded.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('npm run export / npm run import', () => {
  it('when the export file is imported with a dry run, then nothing is written; without it, everything is', async () => {
    const file = path.join(dir, 'backup.json');
    expect(await runExport(seeded.db, [file], seeded.clock(), () => undefined)).toEqual([file]);
    const empty = await createTestDb();
    try {
      const lines: string[] = [];
      expect(await runImport(empty.db, parseImportArgs([file, '--dry-run']), seeded.clock(), (l) => lines.push(l))).toBe(0);
      expect(lines.at(-1)).toMatch(/^Dry run: every row is valid \(\d+ to create, 0 to update, 0 unchanged\)/);
      expect(await empty.db.event.count()).toBe(0);
      expect(await runImport(empty.db, parseImportArgs([file]), seeded.clock(), (l) => lines.push(l))).toBe(0);
      expect(await empty.db.event.count()).toBe(await seeded.db.event.count());
      expect(await empty.db.milestone.count()).toBe(await seeded.db.milestone.count());
    } finally {
      await empty.close();
    }
  });

  it('when CSV files are written per entity, then each names its records and a broken one exits 1 listing the row', async () => {
    const files = await runExport(seeded.db, ['--csv', dir], seeded.clock(), () => undefined);
    expect(files.map((f) => path.basename(f))).toEqual(['organizations.csv', 'subjects.csv', 'tags.csv', 'sources.csv', 'events.csv', 'milestones.csv']);
    expect(parseImportArgs([path.join(dir, 'events.csv')])).toMatchObject({ format: 'csv', entity: 'events', dryRun: false });
    const broken = path.join(dir, 'broken-events.csv');
    fs.writeFileSync(broken, fs.readFileSync(path.join(dir, 'events.csv'), 'utf8').replace(',2023-07-18,', ',2023-13-45,'));
    const lines: string[] = [];
    expect(await runImport(seeded.db, parseImportArgs([broken]), seeded.clock(), (l) => lines.push(l))).toBe(1);
    expect(lines[0]).toMatch(/^events row \d+, date: "2023-13-45" is not a valid date: there is no month 13/);
  });

  it('when a JSON file is cut short, is not JSON, holds a list or has a record too large, then it exits 1 saying so and writes nothing', async () => {
    const file = path.join(dir, 'backup-for-bad-input.json');
    await runExport(seeded.db, [file], seeded.clock(), () => undefined);
    const whole = fs.readFileSync(file, 'utf8');
    const cases: [string, string, RegExp][] = [
      ['cut.json', whole.slice(0, Math.floor(whole.length * 0.6)), /^file row 0, file: This is not valid JSON: the file ends before the JSON does \(is it cut short\?\)\.$/],
      ['words.json', 'These are not the records you are looking for.', /^file row 0, file: This is not valid JSON: unexpected "T" at character 1/],
      ['list.json', '[{"slug": "a"}]', /^file row 0, file: The JSON file must hold one object, as written by the export\.$/],
      ['broken-row.json', whole.replace('"slug":', '"slug" '), /^file row 0, file: This is not valid JSON: .*\(“organizations”, item 1\)\.$/],
      ['huge-row.json', `{"events": [{"title": "${'x'.repeat(5 * 1024 * 1024)}"}]}`, /^file row 0, file: This is not valid JSON: “events”, item 1 is longer than 4 MB\.$/],
    ];
    const empty = await createTestDb();
    try {
      for (const [name, text, message] of cases) {
        fs.writeFileSync(path.join(dir, name), text);
        const lines: string[] = [];
        expect(await runImport(empty.db, parseImportArgs([path.join(dir, name)]), seeded.clock(), (l) => lines.push(l)), name).toBe(1);
        expect(lines[0], name).toMatch(message);
        expect(lines.at(-1), name).toMatch(/^Nothing was imported: 1 problem\(s\)\./);
      }
      expect(await empty.db.organization.count()).toBe(0);
      expect(await empty.db.event.count()).toBe(0);
    } finally {
      await empty.close();
    }
  });

  it('when the arguments are wrong, then the message says how to call it', () => {
    expect(() => parseImportArgs([])).toThrow(/Usage: npm run import -- FILE/);
    expect(() => parseImportArgs(['data.xml'])).toThrow(/must end in \.json or \.csv/);
    expect(() => parseImportArgs(['rows.csv'])).toThrow(/--entity/);
    expect(() => parseImportArgs(['rows.csv', '--entity', 'users'])).toThrow(/--entity takes one of/);
  });

  it('when the script itself runs on a database file, then it prints the dry run summary last and exits 0', async () => {
    const file = path.join(dir, 'for-the-script.json');
    await runExport(seeded.db, [file], seeded.clock(), () => undefined);
    const target = await createTestDb();
    try {
      const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/import.ts', file, '--dry-run'], {
        env: { ...process.env, DATABASE_URL: target.url },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout.trim().split('\n').at(-1)).toMatch(/^Dry run: every row is valid/);
    } finally {
      await target.close();
    }
  }, 60_000);

  it('when another connection holds the write lock (a server mid-write), then export on a migrated database still answers; a pending migration then fails with a clear message and exit 3', async () => {
    const target = await createTestDb();
    const lock = testEngine() === 'sqlite' ? new Database(sqliteFilePath(target.url)) : null;
    try {
      lock?.pragma('journal_mode = WAL');
      lock?.exec('BEGIN IMMEDIATE');
      const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/export.ts'], {
        env: { ...process.env, DATABASE_URL: target.url },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(run.status, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout).format).toBe('timeline-export');
      if (lock) {
        lock.exec('ROLLBACK');
        lock.exec("DELETE FROM _prisma_migrations");
        lock.exec('BEGIN IMMEDIATE');
        const busy = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/export.ts'], {
          env: { ...process.env, DATABASE_URL: target.url },
          encoding: 'utf8',
          timeout: 60_000,
        });
        expect(busy.stderr).not.toMatch(/\n\s+at /);
        expect(busy.stderr).toMatch(/database is busy/i);
        expect(busy.status).toBe(3);
      }
    } finally {
      if (lock?.inTransaction) lock.exec('ROLLBACK');
      lock?.close();
      await target.close();
    }
  }, 120_000);
});
