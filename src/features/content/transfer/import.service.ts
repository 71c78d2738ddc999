// Import: read a JSON export or one entity's CSV, check every row, list what would be created
// or updated, and only then write it all (or nothing).
import { bumpContentVersion } from '../../../platform/content-version.ts';
import type { WriteContext } from '../audit.ts';
import { prismaFailure } from '../../../platform/prisma-errors.ts';
import {
  changed,
  checkAliases,
  checkReferences,
  duplicates,
  plan,
  readImport,
  readJsonImport,
  resolveContext,
  validate,
  type Action,
  type ImportFormat,
  type Item,
  type Plan,
  type PlannedAction,
  type Progress,
  type Raw,
  type RowError,
  yieldTurn,
} from './import.check.ts';
import { chunksOf, type TextChunks } from '../../../platform/json-read.ts';
import { write } from './import.write.ts';
import { inOneTransaction } from '../commit.ts';
import type { Db } from '../../../platform/db.ts';
import { loadAll, NO_ROWS, type AllRows } from './transfer.repo.ts';
import { rowsToRecords, sourceKeys, type PlainRecord, type Records } from './records.ts';
import { TRANSFER_PAGE } from '../../../platform/batches.ts';
import { ENTITY_LISTS, type EntityList } from './transfer.schema.ts';

export type { ImportFormat, RowError, PlannedAction, Progress };

const MAX_ERRORS = 500;

export interface ImportReport {
  ok: boolean;
  applied: boolean;
  errors: RowError[];
  actions: PlannedAction[];
  counts: Record<Action, number>;
}

/** What each row of the plan does, for the report. */
function plannedActions(planned: Plan): PlannedAction[] {
  const actions: PlannedAction[] = [];
  for (const entity of ENTITY_LISTS) {
    for (const it of planned[entity] as Item<{ slug?: string; key?: string }>[]) {
      actions.push({ entity, row: it.row, key: it.rec.slug ?? it.rec.key ?? '', action: it.action });
    }
  }
  return actions;
}

function report(actions: PlannedAction[] | null, errors: RowError[], applied: boolean): ImportReport {
  const counts = { create: 0, update: 0, unchanged: 0 };
  for (const a of actions ?? []) counts[a.action]++;
  return { ok: errors.length === 0, applied, errors: errors.slice(0, MAX_ERRORS), actions: actions ?? [], counts };
}


// ---------------------------------------------------------------------------

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
  /** What the database holds, when the caller has just read it (loadHeld): it is not read twice. */
  held?: Held;
}

/** The database's rows, and the same as export records, read once for a check and its plan. */
export interface Held {
  rows: AllRows;
  records: Records;
}

export async function loadHeld(db: Db): Promise<Held> {
  const rows = await loadAll(db);
  // Converted a page at a time, with turns between: 100,000 held events take a few hundred ms.
  const keys = sourceKeys(rows.sources);
  const records = rowsToRecords(NO_ROWS, keys);
  for (const entity of ENTITY_LISTS) {
    const list = rows[entity] as { id: number }[];
    for (let i = 0; i < list.length; i += TRANSFER_PAGE) {
      const part = rowsToRecords({ ...NO_ROWS, [entity]: list.slice(i, i + TRANSFER_PAGE) } as AllRows, keys)[entity] as PlainRecord[];
      for (const r of part) (records[entity] as PlainRecord[]).push(r);
      await yieldTurn();
    }
  }
  return { rows, records };
}

const isChunks = (x: unknown): x is TextChunks => typeof x === 'object' && x !== null && !Array.isArray(x) && (Symbol.asyncIterator in x || Symbol.iterator in x);

/** A stream's text whole (a CSV file: admin uploads are at most 10 MB). */
async function textOf(chunks: TextChunks): Promise<string> {
  const parts: string[] = [];
  const decoder = new TextDecoder();
  for await (const c of chunks as AsyncIterable<string | Buffer>) parts.push(typeof c === 'string' ? c : decoder.decode(c, { stream: true }));
  return parts.join('') + decoder.decode();
}

/**
 * Checks a file and, unless it is a dry run and when every row is valid, imports all of it.
 * `input`: the file's text or a stream of it, or for JSON the object already parsed.
 */
export async function importData(ctx: WriteContext, input: string | object | TextChunks, opts: ImportOptions): Promise<ImportReport> {
  if (opts.format === 'json' && (typeof input === 'string' || isChunks(input))) return importRead(ctx, await readJsonImport(typeof input === 'string' ? chunksOf(input) : input), opts);
  return importRead(ctx, readImport(isChunks(input) ? await textOf(input) : input, opts.format, opts.entity), opts);
}

/** The import of rows already read (readImport, readJsonImport). */
export async function importRead(ctx: WriteContext, read: { raw: Raw; errors: RowError[] }, opts: ImportOptions): Promise<ImportReport> {
  const { raw, errors } = read;
  if (errors.length) return report(null, errors, false);
  const parsed = await validate(raw, errors, opts.progress);
  // A turn after each list: 100,000 events take tens of milliseconds a check.
  duplicates('organizations', parsed.organizations, (r) => r.slug, 'slug', errors);
  duplicates('subjects', parsed.subjects, (r) => r.slug, 'slug', errors);
  duplicates('tags', parsed.tags, (r) => r.slug, 'slug', errors);
  await yieldTurn();
  duplicates('sources', parsed.sources, (r) => r.key, 'key', errors);
  await yieldTurn();
  duplicates('sources', parsed.sources, (r) => `${r.publisher} / ${r.title}`, 'title', errors);
  await yieldTurn();
  duplicates('events', parsed.events, (r) => r.slug, 'slug', errors);
  await yieldTurn();
  duplicates('milestones', parsed.milestones, (r) => r.slug, 'slug', errors);
  await yieldTurn();
  const held = opts.held ?? (await loadHeld(ctx.db));
  const all = held.rows;
  const c = resolveContext(all, parsed);
  await yieldTurn();
  await checkReferences(parsed, c, errors);
  checkAliases(all, parsed, errors);
  await yieldTurn();
  errors.sort((a, b) => ENTITY_LISTS.indexOf(a.entity as EntityList) - ENTITY_LISTS.indexOf(b.entity as EntityList) || a.row - b.row);
  const planned = await plan(held, parsed, c);
  // Made before the write, which lets go of each planned row once it is written.
  const actions = plannedActions(planned);
  // The plan holds every row from here on; the write lets go of each once it is written.
  for (const e of ENTITY_LISTS) parsed[e] = [];
  if (errors.length || opts.dryRun) return report(actions, errors, false);
  const anything = ENTITY_LISTS.some((e) => changed(planned[e] as Item<unknown>[]).length > 0);
  if (!anything) {
    const alongside = opts.alongside;
    if (alongside && (await inOneTransaction(ctx.db, (tx) => alongside(tx)))) await bumpContentVersion(ctx.db);
    return report(actions, errors, false);
  }
  try {
    await write(ctx, all, planned, c, opts.alongside);
  } catch (err) {
    // A conflict with a change made meanwhile (a slug taken, a claim revised twice, a row deleted).
    const failure = prismaFailure(err);
    if (!failure) throw err;
    const message = `The database refused the import (${failure === 'unique' ? 'a unique value is already taken' : 'a referenced record changed meanwhile'}), so nothing was written. Run the dry run again.`;
    return report(actions, [{ entity: 'file', row: 0, field: 'database', message }], false);
  }
  await bumpContentVersion(ctx.db);
  return report(actions, errors, true);
}
