// `--from epoch`: an Epoch AI CSV download read as it streams, never held whole (decision 52).
// Read 1 checks every row and keeps what the match needs (model, date, organizations, links);
// the organizations and subjects are planned from that. Read 2 converts each row again, a batch
// at a time, and runs the import's check on its records (all or nothing, or with validOnly the
// valid rows only); reads 3 and 4 write the records and then the facts, in one transaction. A
// small file (most of Epoch's tables) is read once: its rows, records and facts are kept.
import { applyImport, checkImport, FileChanged, ReferenceGone, writeFacts, type Action, type EntityList, type ImportInput, type PlannedAction, type ReadEnd, type Segment, type WriteContext } from '../content/index.ts';
import type { Db } from '../../platform/db.ts';
import { batchesOf } from '../../platform/batches.ts';
import { chunksOf, type TextChunks } from '../../platform/json-read.ts';
import { planSubjects, rowConverter, type ConvertedRow, type EpochKey } from './epoch.convert.ts';
import { normaliseName } from './match.ts';
import { KeyStore } from '../../platform/spill.ts';
import { readEpochHeld } from './epoch.held.ts';
import { CHUNK_CHARS, epochRows, newRead, type EpochText, type ParsedRow } from './epoch.read.ts';
import type { EpochRow, RowProblem } from './epoch.parse.ts';

/** The file's text, or a file the import opens once for each of its reads. */
export type EpochSource = string | { reopen: () => TextChunks };

/** Rows converted together: their sources, then their events, are a segment of the import each. */
const BATCH_ROWS = 200;
/**
 * Records (and the facts of their rows) kept from the check for the write, so that a file of up
 * to about 1,500 rows, the size of most Epoch tables, is converted once (decision 52).
 */
const KEEP_RECORDS = 5000;
/** Checked rows read 1 keeps, so that a file of at most this many is read once. */
const KEEP_ROWS = 1500;

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

export async function importEpoch(ctx: WriteContext, source: EpochSource, opts: EpochOptions): Promise<EpochReport> {
  // What is kept for every row (keys, names, slugs) goes there once it grows (decision 53).
  const store = new KeyStore();
  try {
    return await importWith(ctx, source, opts, store);
  } finally {
    store.close();
  }
}

async function importWith(ctx: WriteContext, source: EpochSource, opts: EpochOptions, store: KeyStore): Promise<EpochReport> {
  const open: EpochText = typeof source === 'string' ? () => chunksOf(source, CHUNK_CHARS) : source.reopen;

  // Read 1: every row checked; only what the match needs is kept.
  const first = newRead();
  const problems: RowProblem[] = [];
  const keys = store.list<EpochKey>();
  const models = store.set();
  let rowsKept: EpochRow[] | null = [];
  for await (const batch of epochRows(open, first)) {
    for (const p of batch) {
      if ('problems' in p) problems.push(...p.problems);
      else {
        keys.push({ row: p.row.row, model: p.row.model, date: p.row.date, organizations: p.row.organizations, links: p.row.links });
        models.add(normaliseName(p.row.model));
        rowsKept?.push(p.row);
        if (rowsKept && rowsKept.length > KEEP_ROWS) rowsKept = null;
      }
    }
  }
  if (first.problem) return fileProblem(first.problem);

  // What the rows can match, read for these rows only (decision 46); the import's check starts
  // from the same keys, and its write reads them again in its transaction, as every import does.
  const existing = await readEpochHeld(ctx.db, keys, models);
  const plan = planSubjects(keys, models, existing, store);
  problems.push(...plan.problems);
  const dryRun = opts.dryRun || (problems.length > 0 && !opts.validOnly);

  /** The file's rows (kept, or the file read again), each row with a subject converted, a batch at a time. */
  const converted = () => batchesOf(convertedRows(), BATCH_ROWS);
  async function* convertedRows(): AsyncGenerator<ConvertedRow> {
    const convert = rowConverter(existing, plan, store);
    const read = newRead();
    for await (const rows of rowsKept ? [rowsKept] : validRows(epochRows(open, read))) {
      for (const row of rows) {
        const c = convert(row);
        if (c) yield c;
      }
    }
    if (!rowsKept && (read.problem || read.digest !== first.digest)) throw new FileChanged();
  }

  async function* validRows(batches: AsyncIterable<ParsedRow[]>) {
    for await (const batch of batches) yield batch.flatMap((p) => ('row' in p ? [p.row] : []));
  }

  async function* factsOf(batches: AsyncIterable<ConvertedRow[]>) {
    for await (const batch of batches) yield batch.flatMap((c) => c.facts);
  }

  // The batch whose segments the check is reading, and what its Epoch sources would do.
  let current: ConvertedRow[] = [];
  let sourceActions = new Map<string, Action>();
  let recordsRead = 0;
  let factsKept: ConvertedRow['facts'][] | null = [];
  const input: ImportInput = {
    total: first.rows,
    inMemory: false,
    interleaved: true,
    keepUpTo: KEEP_RECORDS,
    async *segments(end: ReadEnd, only?: EntityList) {
      Object.assign(end, { problem: null, extra: {}, digest: null } satisfies ReadEnd);
      const want = (e: EntityList) => !only || only === e;
      recordsRead = plan.organizations.length + plan.subjects.length;
      if (want('organizations') && plan.organizations.length) yield { entity: 'organizations', rows: plan.organizations.map((o) => ({ row: o.row, value: o.rec })) };
      if (want('subjects')) {
        for await (const batch of batchesOf(plan.subjects, BATCH_ROWS)) yield { entity: 'subjects', rows: batch.map((s) => ({ row: s.row, value: s.rec })) };
      }
      try {
        for await (const batch of converted()) {
          current = batch;
          recordsRead += batch.reduce((n, c) => n + c.sources.length + 1, 0);
          if (want('sources')) yield { entity: 'sources', rows: batch.flatMap((c) => c.sources.map((value) => ({ row: c.plan.row, value }))) };
          if (want('events')) yield { entity: 'events', rows: batch.map((c) => ({ row: c.plan.row, value: c.event })) };
        }
      } catch (err) {
        if (!(err instanceof FileChanged)) throw err;
        end.problem = 'The file changed while it was read.';
        return;
      }
      end.digest = first.digest;
    },
  };

  // What each row does, counted a batch at a time from the planned actions of its records and
  // what its facts would add.
  const counts = empty();
  const changes: string[] = [];
  const reviews: string[] = [];
  const factProblems: RowProblem[] = [];
  const checked = async (seg: Segment, actions: readonly PlannedAction[]) => {
    if (seg.entity === 'sources') sourceActions = new Map(actions.map((a) => [a.key, a.action]));
    if (seg.entity !== 'events') return;
    const eventActions = new Map(actions.map((a) => [a.key, a.action]));
    const facts = await writeFacts(ctx, current.flatMap((c) => c.facts), { dryRun: true, pendingSubjects: plan.newSubjects });
    factProblems.push(...facts.errors.map((e) => ({ row: e.row, field: `fact ${e.field}`, message: e.message })));
    const factRows = new Set(facts.addedRows);
    if (recordsRead > KEEP_RECORDS) factsKept = null;
    factsKept?.push(current.flatMap((c) => c.facts));
    for (const { plan: r } of current) {
      if (r.review) {
        counts.review++;
        reviews.push(r.review);
      }
      const epochAction = sourceActions.get(r.epochSource) ?? 'unchanged';
      const eventAction = eventActions.get(r.event) ?? 'unchanged';
      if (r.subjectIsNew || r.eventIsNew) counts.created++;
      else if (epochAction === 'create') counts.matched++;
      else if (eventAction !== 'unchanged' || epochAction !== 'unchanged' || factRows.has(r.row)) {
        counts.updated++;
        changes.push(...r.changes);
      } else counts.unchanged++;
    }
    changes.push(...facts.changes);
    opts.progress?.(current.at(-1)!.plan.row - 1, first.rows);
  };
  const check = await checkImport(ctx, input, { keys: existing.keys, checked, store });
  if (check.problem) return fileProblem(check.problem);
  opts.progress?.(first.rows, first.rows);

  // The facts are written in the records' own transaction, after them: a crash leaves both or neither.
  let factsAdded = 0;
  const alongside = async (tx: Db) => {
    for await (const batch of factsKept ?? factsOf(converted())) {
      const facts = await writeFacts({ ...ctx, db: tx }, batch, { dryRun: false });
      // Found by the check's dry run unless the database changed since: nothing is kept.
      if (facts.errors.length) throw new ReferenceGone(`epoch import: ${facts.errors[0]!.message}`);
      factsAdded += facts.added;
    }
    return factsAdded > 0;
  };
  const more = factProblems.map((p) => ({ entity: 'facts', row: p.row, field: p.field, message: p.message }));
  const records = await applyImport(ctx, input, check, { dryRun, alongside }, more);
  const recordsFailed = check.check.errors.length > 0 || records.errors.some((e) => e.entity === 'file');
  for (const e of check.check.errors) problems.push({ row: e.row, field: `${e.entity}.${e.field}`, message: e.message });
  for (const e of records.errors) if (e.entity === 'file') problems.push({ row: 0, field: e.field, message: e.message });
  problems.push(...factProblems);
  const refusedRows = new Set(problems.map((p) => p.row));
  const ok = problems.length === 0 || (!!opts.validOnly && !recordsFailed && factProblems.length === 0);
  return {
    ok,
    applied: !dryRun && !recordsFailed && (records.applied || factsAdded > 0),
    rows: first.rows,
    problems: problems.sort((a, b) => a.row - b.row),
    refused: [...refusedRows].filter((r) => r > 0).sort((a, b) => a - b),
    warnings: first.warnings,
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
