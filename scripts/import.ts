// `npm run import -- FILE [--dry-run] [--entity events]`: the admin import from the command line,
// with a progress bar. JSON or CSV by the file's extension; a CSV file's records are named by
// --entity or by the file name (events.csv, timeline-events.csv…). Exit code 1 when nothing
// was imported because of errors, 2 for bad arguments.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ENTITY_LISTS, importWithFacts, type EntityList, type ImportFormat, type ImportReport } from '../src/features/content/index.ts';
import { createDb, type Db } from '../src/platform/db.ts';
import { migrateOrExit } from '../src/platform/migrate.ts';
import { configOrExit } from './config.ts';
import { parseEpochArgs, runEpochImport, type EpochArgs } from './import-epoch.ts';
import { runTimelineJsImport } from './import-timelinejs.ts';
import { rowProgress } from './progress.ts';

export interface ImportArgs {
  file: string;
  format: ImportFormat;
  entity?: EntityList;
  dryRun: boolean;
}

export function parseImportArgs(argv: string[]): ImportArgs {
  const rest = [...argv];
  const dryRun = rest.includes('--dry-run');
  const at = rest.indexOf('--entity');
  const given = at >= 0 ? rest[at + 1] : undefined;
  const file = rest.filter((a, i) => !a.startsWith('--') && (at < 0 || i !== at + 1))[0];
  if (!file) throw new Error('Usage: npm run import -- FILE [--dry-run] [--entity organizations|subjects|tags|sources|events|milestones]');
  const ext = path.extname(file).toLowerCase();
  if (ext !== '.json' && ext !== '.csv') throw new Error(`"${file}": the file must end in .json or .csv.`);
  const format: ImportFormat = ext === '.csv' ? 'csv' : 'json';
  const guessed = ENTITY_LISTS.find((e) => path.basename(file).toLowerCase().includes(e));
  const entity = (given ?? guessed) as EntityList | undefined;
  if (given !== undefined && !(ENTITY_LISTS as readonly string[]).includes(given)) throw new Error(`--entity takes one of: ${ENTITY_LISTS.join(', ')}.`);
  if (format === 'csv' && !entity) throw new Error('Say which records the CSV file holds with --entity, e.g. --entity events.');
  return { file, format, entity, dryRun };
}

export function describeReport(r: ImportReport, dryRun: boolean): string[] {
  const lines = r.errors.map((e) => `${e.entity} row ${e.row}, ${e.field}: ${e.message}`);
  const counts = `${r.counts.create} to create, ${r.counts.update} to update, ${r.counts.unchanged} unchanged`;
  if (!r.ok) lines.push(`Nothing was imported: ${r.errors.length} problem(s). (${counts})`);
  else if (r.applied) lines.push(`Imported: ${r.counts.create} created, ${r.counts.update} updated, ${r.counts.unchanged} unchanged.`);
  else lines.push(dryRun ? `Dry run: every row is valid (${counts}). Nothing was written.` : 'Nothing to import: every row is unchanged.');
  return lines;
}

/** Runs one import on `db`; returns the exit code. */
export async function runImport(db: Db, args: ImportArgs, now: Date, print: (line: string) => void, showProgress = false): Promise<number> {
  // A JSON file is read as it streams, once to check it and once to write it: it is never held whole (decisions 40 and 44).
  const input = args.format === 'json' ? { reopen: () => fs.createReadStream(args.file, { encoding: 'utf8' }) } : fs.readFileSync(args.file, 'utf8');
  const bar = rowProgress(showProgress);
  const report = await importWithFacts({ db, now, userId: null }, input, {
    format: args.format,
    entity: args.entity,
    dryRun: args.dryRun,
    progress: bar.progress,
  });
  bar.stop();
  for (const line of describeReport(report, args.dryRun)) print(line);
  return report.ok ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const argv = process.argv.slice(2);
  let args: ImportArgs | EpochArgs;
  try {
    args = argv.includes('--from') ? parseEpochArgs(argv) : parseImportArgs(argv);
  } catch (err) {
    console.error((err as Error).message);
    process.exit(2);
  }
  const url = configOrExit().databaseUrl;
  await migrateOrExit(url);
  const db = await createDb({ url });
  try {
    const print = (line: string) => console.log(line);
    const tty = process.stderr.isTTY ?? false;
    process.exitCode =
      'validOnly' in args
        ? args.from === 'timelinejs'
          ? await runTimelineJsImport(db, args, new Date(), print)
          : await runEpochImport(db, args, new Date(), print, tty)
        : await runImport(db, args, new Date(), print, tty);
  } finally {
    await db.$disconnect();
  }
}
