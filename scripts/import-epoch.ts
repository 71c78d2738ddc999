// `npm run import -- --from epoch FILE [--dry-run] [--valid-only]`: an Epoch AI CSV download
// (any of its tables), matched against what Timeline holds. Exit code 1 when nothing was
// imported because of errors, 2 for bad arguments.
import fs from 'node:fs';
import { epochSummary, importEpoch } from '../src/features/datasets/index.ts';
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

/** The file's text, or null after saying why it cannot be read (the commands then exit 2). */
export function readInputFile(file: string, print: (line: string) => void): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    print(`Cannot read "${file}": ${(err as Error).message}`);
    return null;
  }
}

export async function runEpochImport(db: Db, args: EpochArgs, now: Date, print: (line: string) => void, showProgress = false): Promise<number> {
  const text = readInputFile(args.file, print);
  if (text === null) return 2;
  const bar = rowProgress(showProgress);
  const report = await importEpoch({ db, now, userId: null }, text, {
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
