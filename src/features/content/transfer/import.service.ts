// Import: read a JSON export or one entity's CSV, check every row, list what would be created or
// updated, and only then write it all (or nothing). Two passes over the input (decision 44): the
// check reads it segment by segment keeping only the file's keys; the write reads it again, in one
// transaction, and compares each segment again against the database before writing it.
import { bumpContentVersion } from '../../../platform/content-version.ts';
import type { WriteContext } from '../audit.ts';
import { prismaFailure } from '../../../platform/prisma-errors.ts';
import { FileCheck, OutOfOrder, canonicalSources, planItems, readImport, validateSegment, yieldTurn, type Action, type ImportFormat, type PlannedAction, type Progress, type RowError, type Valid } from './import.check.ts';
import type { TextChunks } from '../../../platform/json-read.ts';
import { jsonInput, jsonTextInput, rowsInput, SEGMENT_ROWS, type ImportInput, type ReadEnd, type Segment } from './import.input.ts';
import { importWriter, ReferenceGone } from './import.write.ts';
import { databaseHeld, keyOfRecord, type HeldKeys, type HeldSource } from './import.held.ts';
import { inOneTransaction } from '../commit.ts';
import { KeyStore } from '../../../platform/spill.ts';
import { withCheckpointAside } from '../../../platform/wal-checkpoint.ts';
import type { Db } from '../../../platform/db.ts';
import { ENTITY_LISTS, type EntityList } from './transfer.schema.ts';

export type { ImportFormat, RowError, PlannedAction, Progress };

const MAX_ERRORS = 500;
/** How long an import's transaction may run (100,000 events take minutes on a slow machine). */
const IMPORT_TX_MS = 30 * 60_000;
/**
 * Records written from which the WAL checkpoint is left to a worker thread (decision 40); a smaller
 * import's log is copied back by the commit in milliseconds, less than a worker takes to start.
 */
const CHECKPOINT_ASIDE_ROWS = 2000;

export interface ImportReport {
  ok: boolean;
  applied: boolean;
  errors: RowError[];
  actions: PlannedAction[];
  counts: Record<Action, number>;
}

function report(check: { actions: PlannedAction[]; counts: Record<Action, number> } | null, errors: RowError[], applied: boolean): ImportReport {
  return {
    ok: errors.length === 0,
    applied,
    errors: errors.slice(0, MAX_ERRORS),
    actions: check?.actions ?? [],
    counts: check ? { ...check.counts } : { create: 0, update: 0, unchanged: 0 },
  };
}

const fileProblem = (message: string): RowError[] => [{ entity: 'file', row: 0, field: 'file', message }];

export interface ImportOptions {
  format: ImportFormat;
  /** For CSV: which records the file holds. */
  entity?: EntityList;
  dryRun: boolean;
  progress?: Progress;
  /**
   * More writes that belong with the records (an import's facts), run in the SAME transaction,
   * through the transaction's client, after the records; returns whether it wrote anything. Also
   * run (in a transaction of its own) when no record changes.
   */
  alongside?: (tx: Db) => Promise<boolean>;
  /** Where the held rows come from (the database, read per segment, unless a test hands a snapshot taken earlier). */
  held?: HeldSource;
  /** The held keys when the caller has just read them (the Epoch match): the check does not read them again; the write always does, in its transaction. */
  keys?: HeldKeys;
  /** Rows per segment (tests make it small to cross segment boundaries). */
  segmentRows?: number;
  /** Where the keys kept for every row go (decision 53); made and closed by the import unless given (the caller closes it). */
  store?: KeyStore;
  /**
   * Told, during the check, what each segment's rows would do (a dataset import counts its rows
   * from it); the actions told are not kept for the report, which then lists none.
   */
  checked?: (seg: Segment, actions: readonly PlannedAction[]) => Promise<void>;
}

/** A text that can be read again from its start: a file the import opens once per pass. */
export interface ReopenableText {
  reopen: () => TextChunks;
}

export type ImportSource = string | object | TextChunks | ReopenableText;

const isChunks = (x: unknown): x is TextChunks => typeof x === 'object' && x !== null && !Array.isArray(x) && (Symbol.asyncIterator in x || Symbol.iterator in x);
const isReopenable = (x: unknown): x is ReopenableText => typeof x === 'object' && x !== null && typeof (x as ReopenableText).reopen === 'function';

/** A stream's text whole (a CSV file, or a JSON stream that cannot be read again). */
async function textOf(chunks: TextChunks): Promise<string> {
  const parts: string[] = [];
  const decoder = new TextDecoder();
  for await (const c of chunks as AsyncIterable<string | Buffer>) parts.push(typeof c === 'string' ? c : decoder.decode(c, { stream: true }));
  return parts.join('') + decoder.decode();
}

/** The input an import reads (twice), or the problem with the file as a whole. */
export async function importInput(source: ImportSource, opts: Pick<ImportOptions, 'format' | 'entity' | 'segmentRows'>, extra: readonly string[] = []): Promise<{ input: ImportInput } | { errors: RowError[] }> {
  const size = opts.segmentRows ?? SEGMENT_ROWS;
  if (opts.format === 'json') {
    if (isReopenable(source)) return { input: jsonInput(source.reopen, extra, size) };
    if (typeof source === 'string') return { input: jsonTextInput(source, extra, size) };
    if (isChunks(source)) return { input: jsonTextInput(await textOf(source), extra, size) };
  }
  const text = isReopenable(source) ? await textOf(source.reopen()) : isChunks(source) ? await textOf(source) : source;
  const { raw, errors } = readImport(text, opts.format, opts.entity);
  return errors.length ? { errors } : { input: rowsInput(raw, size) };
}

/** What the check found (pass 1), and what the write needs of it. */
export interface Checked {
  check: FileCheck;
  /** Lists named by `extra`, read whole (the facts). */
  extra: Record<string, unknown[]>;
  /** Whether the file's lists came in the order their references need (then the write reads it once). */
  inOrder: boolean;
  digest: string | null;
  held: HeldSource;
  /** A problem with the file as a whole: the one thing told. */
  problem: string | null;
  /** The keys' store, closed by applyImport when the check made it. */
  store: KeyStore;
  ownsStore: boolean;
}

/** Reads the input: once in file order, or once per list when a list comes before one it refers to. */
async function* readAll(input: ImportInput, end: ReadEnd, inOrder: boolean, digest?: (d: string | null) => void): AsyncGenerator<Segment> {
  for (const only of inOrder ? [undefined] : ENTITY_LISTS) {
    yield* input.segments(end, only);
    if (end.problem) return;
    digest?.(end.digest);
  }
}

/** Pass 1: every row checked and compared with what the database holds, segment by segment. */
export async function checkImport(ctx: WriteContext, input: ImportInput, opts: Pick<ImportOptions, 'held' | 'keys' | 'progress' | 'checked' | 'store'>): Promise<Checked> {
  const held = opts.held ?? databaseHeld;
  const keys = opts.keys ?? (await held.keys(ctx.db));
  const store = opts.store ?? new KeyStore();
  const attempt = async (inOrder: boolean): Promise<Checked> => {
    const check = new FileCheck(keys, (entity, k) => held.records(ctx.db, entity, k, keys), input, store);
    const end: ReadEnd = { problem: null, extra: {}, digest: null };
    let digest: string | null | undefined;
    let changed = false;
    for await (const seg of readAll(input, end, inOrder, (d) => {
      changed ||= digest !== undefined && d !== digest;
      digest = d;
    })) {
      const from = check.actions.length;
      await check.segment(seg);
      if (opts.checked) await opts.checked(seg, check.actions.splice(from));
      opts.progress?.(check.rows, input.total ?? 0);
      await yieldTurn();
    }
    const problem = end.problem ?? (changed ? 'The file changed while it was read.' : null);
    if (!problem) await check.finish();
    return { check, extra: end.extra, inOrder, digest: digest ?? null, held, problem, store, ownsStore: !opts.store };
  };
  try {
    try {
      return await attempt(true);
    } catch (err) {
      if (!(err instanceof OutOfOrder)) throw err;
      return await attempt(false);
    }
  } catch (err) {
    if (!opts.store) store.close();
    throw err;
  }
}

/** The file read by the write is not the file checked (thrown by a read inside the write's transaction, it undoes it). */
export class FileChanged extends Error {}

/** Pass 2's segments: the records pass 1 kept (rows in memory), or the file read and checked again. */
async function* checkedAgain(input: ImportInput, checked: Checked): AsyncGenerator<{ entity: EntityList; valid: Valid<unknown>[] }> {
  if (checked.check.kept) {
    yield* checked.check.kept;
    return;
  }
  const end: ReadEnd = { problem: null, extra: {}, digest: null };
  const errors: RowError[] = [];
  for await (const seg of readAll(input, end, checked.inOrder, (d) => {
    if (d !== checked.digest) throw new FileChanged();
  })) {
    const valid = validateSegment(seg, errors);
    if (errors.length) throw new FileChanged();
    yield { entity: seg.entity, valid };
  }
  if (end.problem) throw new FileChanged();
}

/** Pass 2, in one transaction: each segment read again, compared again, written. */
async function writeImport(ctx: WriteContext, input: ImportInput, checked: Checked, alongside?: (tx: Db) => Promise<boolean>): Promise<void> {
  const run = () =>
    inOneTransaction(
      ctx.db,
      async (tx) => {
        const keys: HeldKeys = await checked.held.keys(tx);
        const canonical = canonicalSources(checked.check.sourcePt, keys);
        const writer = importWriter({ ...ctx, db: tx }, keys, checked.check, canonical);
        for await (const { entity, valid } of checkedAgain(input, checked)) {
          const heldRecords = await checked.held.records(tx, entity, valid.map((v) => keyOfRecord(entity, v.rec)), keys);
          await writer.segment(entity, planItems(entity, valid, heldRecords, canonical));
        }
        await writer.finish();
        if (alongside) await alongside(tx);
      },
      IMPORT_TX_MS,
    );
  const { create, update } = checked.check.counts;
  await (create + update >= CHECKPOINT_ASIDE_ROWS ? withCheckpointAside(ctx.db, run) : run());
}

/**
 * Writes a checked import unless it is a dry run or something was found; `more` are problems found
 * beside the records (the facts), which also keep anything from being written.
 */
export async function applyImport(ctx: WriteContext, input: ImportInput, checked: Checked, opts: Pick<ImportOptions, 'dryRun' | 'alongside'>, more: RowError[] = []): Promise<ImportReport> {
  try {
    return await applyChecked(ctx, input, checked, opts, more);
  } finally {
    if (checked.ownsStore) checked.store.close();
  }
}

async function applyChecked(ctx: WriteContext, input: ImportInput, checked: Checked, opts: Pick<ImportOptions, 'dryRun' | 'alongside'>, more: RowError[]): Promise<ImportReport> {
  const { check } = checked;
  if (checked.problem) return report(null, fileProblem(checked.problem), false);
  const errors = [...check.errors, ...more];
  if (errors.length || opts.dryRun) return report(check, errors, false);
  if (check.counts.create + check.counts.update === 0) {
    const alongside = opts.alongside;
    if (alongside && (await inOneTransaction(ctx.db, (tx) => alongside(tx)))) await bumpContentVersion(ctx.db);
    return report(check, errors, false);
  }
  try {
    await writeImport(ctx, input, checked, opts.alongside);
  } catch (err) {
    if (err instanceof FileChanged) return report(check, fileProblem('The file changed while it was imported, so nothing was written. Import it again.'), false);
    // A conflict with a change made meanwhile (a slug taken, a claim revised twice, a row deleted).
    const failure = err instanceof ReferenceGone ? 'reference' : prismaFailure(err);
    if (!failure) throw err;
    const message = `The database refused the import (${failure === 'unique' ? 'a unique value is already taken' : 'a referenced record changed meanwhile'}), so nothing was written. Run the dry run again.`;
    return report(check, [{ entity: 'file', row: 0, field: 'database', message }], false);
  }
  await bumpContentVersion(ctx.db);
  return report(check, errors, true);
}

/**
 * Checks a file and, unless it is a dry run and when every row is valid, imports all of it.
 * `source`: the file's text, a file to open (once per pass), a stream of it (held whole: it cannot
 * be read twice), or for JSON the object already parsed.
 */
export async function importData(ctx: WriteContext, source: ImportSource, opts: ImportOptions): Promise<ImportReport> {
  const read = await importInput(source, opts);
  if ('errors' in read) return report(null, read.errors, false);
  const checked = await checkImport(ctx, read.input, opts);
  return applyImport(ctx, read.input, checked, opts);
}
