// `npm run import -- --from timelinejs FILE.json [--dry-run] [--groups-as-organizations]`: a
// TimelineJS JSON file, checked slide by slide, written all or nothing. Groups that name a held
// organization (by name or alias) link it; other groups become tags, or new organizations with
// --groups-as-organizations. Exit code 1 when nothing was imported because of errors, 2 for bad arguments.
import path from 'node:path';
import { importTimelineJs, timelineJsSummary } from '../src/features/datasets/index.ts';
import type { Db } from '../src/platform/db.ts';
import { readInputFile, type EpochArgs } from './import-epoch.ts';

export async function runTimelineJsImport(db: Db, args: EpochArgs, now: Date, print: (line: string) => void): Promise<number> {
  const read = readInputFile(args.file, print);
  if ('exitCode' in read) return read.exitCode;
  const report = await importTimelineJs({ db, now, userId: null }, read.text, { dryRun: args.dryRun, groups: args.groups ?? 'tags', fileName: path.basename(args.file) });
  for (const w of report.warnings) print(`warning: ${w}`);
  for (const p of report.problems) print(p.row ? `slide ${p.row}, ${p.field}: ${p.message}` : p.message);
  const summary = timelineJsSummary(report);
  if (!report.ok) print(`Nothing was imported: ${report.problems.length} problem(s). (${summary}, if the file were valid)`);
  else if (args.dryRun) print(`Dry run, nothing written: ${summary}.`);
  else if (!report.applied) print(`Nothing to write, the timeline already holds this file: ${summary}.`);
  else print(`Imported: ${summary}.`);
  return report.ok ? 0 : 1;
}
