// `npm run export -- [FILE]`: everything as one JSON file (stdout without FILE), the same as
// /admin/data/export.json. `npm run export -- --csv DIR` writes one CSV file per entity instead;
// `npm run export -- --format timelinejs [FILE]` writes the events as TimelineJS JSON.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ENTITY_LISTS, exportWithFacts, exportCsv } from '../src/features/content/index.ts';
import { DATA_LICENCE, exportTimelineJs } from '../src/features/datasets/index.ts';
import { createDb, type Db } from '../src/platform/db.ts';
import { migrateOrExit } from '../src/platform/migrate.ts';
import { configOrExit } from './config.ts';

/** Writes the export; returns the files written (none when the JSON went to `stdout`). */
export async function runExport(db: Db, argv: string[], now: Date, stdout: (text: string) => void): Promise<string[]> {
  const formatAt = argv.indexOf('--format');
  const format = formatAt >= 0 ? argv[formatAt + 1] : 'json';
  if (format !== 'json' && format !== 'timelinejs') throw new Error('--format takes json (default) or timelinejs.');
  if (format === 'timelinejs') {
    const json = `${JSON.stringify(await exportTimelineJs(db, now, DATA_LICENCE), null, 2)}\n`;
    const file = argv.find((a, i) => !a.startsWith('--') && i !== formatAt + 1);
    if (!file) {
      stdout(json);
      return [];
    }
    fs.writeFileSync(file, json);
    return [file];
  }
  const csvAt = argv.indexOf('--csv');
  if (csvAt >= 0) {
    const dir = argv[csvAt + 1];
    if (!dir) throw new Error('Usage: npm run export -- --csv DIR');
    fs.mkdirSync(dir, { recursive: true });
    const files: string[] = [];
    for (const entity of ENTITY_LISTS) {
      const file = path.join(dir, `${entity}.csv`);
      fs.writeFileSync(file, await exportCsv(db, entity));
      files.push(file);
    }
    return files;
  }
  const json = `${JSON.stringify(await exportWithFacts(db, now), null, 2)}\n`;
  const file = argv.find((a, i) => !a.startsWith('--') && (formatAt < 0 || i !== formatAt + 1));
  if (!file) {
    stdout(json);
    return [];
  }
  fs.writeFileSync(file, json);
  return [file];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const url = configOrExit().databaseUrl;
  await migrateOrExit(url);
  const db = await createDb({ url });
  try {
    const files = await runExport(db, process.argv.slice(2), new Date(), (text) => process.stdout.write(text));
    for (const f of files) console.error(`wrote ${f}`);
  } catch (err) {
    console.error((err as Error).message);
    process.exitCode = 2;
  } finally {
    await db.$disconnect();
  }
}
