// `--from epoch`: read an Epoch AI CSV download, check every row, convert the valid ones into
// import records and facts, and write them through the import (all or nothing, or with
// validOnly the valid rows only).
import { importData, writeFacts, type FactPlan, type WriteContext } from '../content/index.ts';
import { csvRows } from '../../platform/text/csv-rows.ts';
import { mapColumns } from './epoch.columns.ts';
import { convertEpoch, type Converted } from './epoch.convert.ts';
import { readEpochHeld } from './epoch.held.ts';
import { parseRow, type EpochRow, type RowProblem } from './epoch.parse.ts';

export interface EpochOptions {
  dryRun: boolean;
  /** Import the valid rows and list the refused ones, instead of refusing the whole file. */
  validOnly?: boolean;
  progress?: (done: number, total: number) => void;
}

export interface EpochCounts {
  created: number;
  matched: number;
  updated: number;
  unchanged: number;
  review: number;
}

export interface EpochReport {
  ok: boolean;
  applied: boolean;
  rows: number;
  problems: RowProblem[];
  /** Rows left out (with validOnly). */
  refused: number[];
  warnings: string[];
  counts: EpochCounts;
  changes: string[];
  reviews: string[];
}

const empty = (): EpochCounts => ({ created: 0, matched: 0, updated: 0, unchanged: 0, review: 0 });

function fileProblem(message: string): EpochReport {
  return { ok: false, applied: false, rows: 0, problems: [{ row: 0, field: 'file', message }], refused: [], warnings: [], counts: empty(), changes: [], reviews: [] };
}

function readCsv(text: string): { rows: string[][] } | { error: string } {
  if (text.trim() === '') return { error: 'The file is empty.' };
  if (text.includes('\u0000')) return { error: 'This is not a CSV file (it holds binary data).' };
  try {
    return { rows: csvRows(text) };
  } catch (err) {
    return { error: `This is not readable CSV: ${(err as Error).message}` };
  }
}

export async function importEpoch(ctx: WriteContext, text: string, opts: EpochOptions): Promise<EpochReport> {
  const csv = readCsv(text);
  if ('error' in csv) return fileProblem(csv.error);
  const [header, ...body] = csv.rows;
  if (!header || header.length < 2) return fileProblem('This is not an Epoch AI table: the first line must be a header row of column names, separated by commas.');
  const map = mapColumns(header);
  if (map.missing.length) {
    const names = map.missing.map((f) => (f === 'model' ? '“Model”' : '“Publication date”')).join(' and ');
    return fileProblem(`This is not an Epoch AI table: it has no ${names} column.`);
  }
  const warnings = map.ignored.length ? [`${map.ignored.length} column${map.ignored.length === 1 ? '' : 's'} ignored: ${map.ignored.join(', ')}.`] : [];

  const problems: RowProblem[] = [];
  const valid: EpochRow[] = [];
  body.forEach((cells, i) => {
    opts.progress?.(i + 1, body.length);
    const r = parseRow(cells, map, i + 2);
    if ('problems' in r) problems.push(...r.problems);
    else valid.push(r.row);
  });

  // What the rows can match, read for these rows only (decision 46); the import's check starts
  // from the same keys, and its write reads them again in its transaction, as every import does.
  const existing = await readEpochHeld(ctx.db, valid);
  let converted = convertEpoch(valid, existing);
  problems.push(...converted.problems);
  let refusedRows = new Set(problems.map((p) => p.row));
  if (opts.validOnly && converted.problems.length) {
    // Rows refused while matching (two rows for one model) are left out; convert the rest again.
    converted = convertEpoch(valid.filter((r) => !refusedRows.has(r.row)), existing);
  }
  const blocked = problems.length > 0 && !opts.validOnly;
  const dryRun = opts.dryRun || blocked;

  // The facts are written in the records' own transaction: a crash leaves both or neither.
  const got: { facts: FactPlan | null } = { facts: null };
  const records = await importData(ctx, converted.bundle, {
    format: 'json',
    dryRun,
    keys: existing.keys,
    alongside: async (tx) => {
      got.facts = await writeFacts({ ...ctx, db: tx }, converted.facts, { dryRun: false });
      return got.facts.added > 0;
    },
  });
  for (const e of records.errors) {
    const row = converted.rowOf[e.entity as keyof Converted['rowOf']]?.[e.row - 1] ?? 0;
    problems.push({ row, field: `${e.entity}.${e.field}`, message: e.message });
  }
  const pendingSubjects = new Set(converted.bundle.subjects.map((s) => s.slug));
  const recordsFailed = records.errors.length > 0;
  // Not written (a dry run, or refused records): what the facts would do.
  const facts = got.facts ?? (await writeFacts(ctx, converted.facts, { dryRun: true, pendingSubjects }));
  problems.push(...facts.errors.map((e) => ({ row: e.row, field: `fact ${e.field}`, message: e.message })));
  refusedRows = new Set(problems.map((p) => p.row));

  // What each row does, from the planned actions of the records and the facts.
  const action = new Map<string, string>();
  for (const a of records.actions) action.set(`${a.entity}/${a.row}`, a.action);
  const position = {
    sources: new Map(converted.bundle.sources.map((r, i) => [r.key, i + 1])),
    events: new Map(converted.bundle.events.map((r, i) => [r.slug, i + 1])),
  };
  const actionOf = (list: 'sources' | 'events', key: string) => action.get(`${list}/${position[list].get(key)}`) ?? 'unchanged';
  const counts = empty();
  const changes: string[] = [];
  const reviews: string[] = [];
  const factRows = new Set(facts.addedRows);
  for (const r of converted.rows) {
    if (refusedRows.has(r.row)) continue;
    if (r.review) {
      counts.review++;
      reviews.push(r.review);
    }
    const epochAction = actionOf('sources', r.epochSource);
    const eventAction = actionOf('events', r.event);
    if (r.subjectIsNew || r.eventIsNew) counts.created++;
    else if (epochAction === 'create') counts.matched++;
    else if (eventAction !== 'unchanged' || epochAction !== 'unchanged' || factRows.has(r.row)) {
      counts.updated++;
      changes.push(...r.changes);
    } else counts.unchanged++;
  }
  changes.push(...facts.changes);
  const ok = problems.length === 0 || (!!opts.validOnly && !recordsFailed && facts.errors.length === 0);
  return {
    ok,
    applied: !dryRun && !recordsFailed && (records.applied || facts.added > 0),
    rows: body.length,
    problems: problems.sort((a, b) => a.row - b.row),
    refused: [...refusedRows].filter((r) => r > 0).sort((a, b) => a - b),
    warnings,
    counts,
    changes,
    reviews,
  };
}

/** The final line: created / matched / updated / unchanged / needs review. */
export function epochSummary(r: EpochReport): string {
  const c = r.counts;
  return `${c.created} created, ${c.matched} matched, ${c.updated} updated, ${c.unchanged} unchanged, ${c.review} need${c.review === 1 ? 's' : ''} review`;
}
