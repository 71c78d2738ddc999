// `npm run import -- --from epoch FILE [--dry-run] [--valid-only]`: an Epoch AI CSV download
// (any of its tables), matched against what Timeline holds. Exit code 1 when nothing was
// imported because of errors, 2 for bad arguments.
import fs from 'node:fs';
import { EPOCH_CHUNK_CHARS, epochSummary, importEpoch } from '../src/features/datasets/index.ts';
import { fileChunks } from '../src/platform/json-read.ts';
import type { Db } from '../src/platform/db.ts';
import { rowProgress } from './progress.ts';

export interface EpochArgs {
  file: string;
  dryRun: boolean;
  validOnly: boolean;
  /** epoch (default) or timelinejs (scripts/import-timelinejs.ts). */
  from?: (typeof SOURCES)[number];
  /** timelinejs: what an unknown group becomes. */
  groups?: 'tags' | 'organizations';
}

export const SOURCES = ['epoch', 'timelinejs'] as const;

export function parseEpochArgs(argv: string[]): EpochArgs {
  const at = argv.indexOf('--from');
  const from = argv[at + 1];
  if (!from || !(SOURCES as readonly string[]).includes(from)) throw new Error(`--from takes one of: ${SOURCES.join(', ')}.`);
  const file = argv.filter((a, i) => !a.startsWith('--') && i !== at + 1)[0];
  if (!file) throw new Error('Usage: npm run import -- --from epoch FILE.csv [--dry-run] [--valid-only]\n       npm run import -- --from timelinejs FILE.json [--dry-run] [--groups-as-organizations]');
  const known = from === 'timelinejs' ? ['--from', '--dry-run', '--groups-as-organizations'] : ['--from', '--dry-run', '--valid-only'];
  const unknown = argv.filter((a) => a.startsWith('--') && !known.includes(a));
  if (unknown.length) throw new Error(`Unknown option${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}.`);
  const groups = argv.includes('--groups-as-organizations') ? 'organizations' : 'tags';
  return { file, dryRun: argv.includes('--dry-run'), validOnly: argv.includes('--valid-only'), from: from as (typeof SOURCES)[number], groups };
}

/**
 * The most a dataset file (an Epoch AI table, a TimelineJS file) may hold. Epoch's largest table
 * ("All models", about 3,000 rows) is a few MB: a larger file is most likely the wrong file. A
 * TimelineJS file is read whole; an Epoch file is read as it streams (decision 52).
 */
export const MAX_DATASET_BYTES = 50 * 2 ** 20;

/**
 * The file's text, or the exit code after saying why it is not read: 2 when it cannot be read (a
 * wrong path), 1 when it is larger than MAX_DATASET_BYTES.
 */
export function readInputFile(file: string, print: (line: string) => void): { text: string } | { exitCode: number } {
  const checked = checkInputFile(file, print);
  if (checked) return checked;
  try {
    return { text: fs.readFileSync(file, 'utf8') };
  } catch (err) {
    print(`Cannot read "${file}": ${(err as Error).message}`);
    return { exitCode: 2 };
  }
}

/** Null when the file can be read and is not too large; otherwise the exit code, after saying why. */
function checkInputFile(file: string, print: (line: string) => void): { exitCode: number } | null {
  try {
    fs.accessSync(file, fs.constants.R_OK);
    const stat = fs.statSync(file);
    if (stat.isDirectory()) throw new Error('it is a folder, not a file');
    const size = stat.size;
    if (size <= MAX_DATASET_BYTES) return null;
    const mb = (n: number) => `${Math.round(n / 2 ** 20)} MB`;
    print(`"${file}" is ${mb(size)}: a dataset import reads at most ${mb(MAX_DATASET_BYTES)} (an Epoch AI table is a few MB). Is it the right file? Nothing was imported.`);
    return { exitCode: 1 };
  } catch (err) {
    print(`Cannot read "${file}": ${(err as Error).message}`);
    return { exitCode: 2 };
  }
}

export async function runEpochImport(db: Db, args: EpochArgs, now: Date, print: (line: string) => void, showProgress = false): Promise<number> {
  const checked = checkInputFile(args.file, print);
  if (checked) return checked.exitCode;
  const bar = rowProgress(showProgress);
  // Opened again for each read: the import never holds the file.
  const report = await importEpoch({ db, now, userId: null }, { reopen: () => fileChunks(args.file, EPOCH_CHUNK_CHARS) }, {
    dryRun: args.dryRun,
    validOnly: args.validOnly,
    progress: bar.progress,
  });
  bar.stop();
  for (const w of report.warnings) print(`warning: ${w}`);
  for (const p of report.problems) print(p.row ? `row ${p.row}, ${p.field}: ${p.message}` : p.message);
  for (const c of report.changes) print(`changed: ${c}`);
  for (const r of report.reviews) print(`review: ${r}`);
  if (args.validOnly && report.refused.length) print(`Refused rows: ${report.refused.join(', ')}.`);
  const summary = epochSummary(report);
  if (!report.ok) print(`Nothing was imported: ${report.problems.length} problem(s). (${summary}, if the file were valid)`);
  else if (args.dryRun) print(`Dry run, nothing written: ${summary}.`);
  else if (!report.applied) print(`Nothing to write, the timeline already holds this file: ${summary}.`);
  else print(`Imported ${report.rows - report.refused.length} of ${report.rows} rows: ${summary}.`);
  return report.ok ? 0 : 1;
}
