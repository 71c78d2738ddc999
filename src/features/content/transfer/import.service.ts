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
  resolveContext,
  validate,
  type Action,
  type ImportFormat,
  type Item,
  type Plan,
  type PlannedAction,
  type Progress,
  type RowError,
} from './import.check.ts';
import { write } from './import.write.ts';
import { inOneTransaction } from '../commit.ts';
import type { Db } from '../../../platform/db.ts';
import { loadAll } from './transfer.repo.ts';
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

function report(planned: Plan | null, errors: RowError[], applied: boolean): ImportReport {
  const actions: PlannedAction[] = [];
  if (planned) {
    for (const entity of ENTITY_LISTS) {
      for (const it of planned[entity] as Item<{ slug?: string; key?: string }>[]) {
        actions.push({ entity, row: it.row, key: it.rec.slug ?? it.rec.key ?? '', action: it.action });
      }
    }
  }
  const counts = { create: 0, update: 0, unchanged: 0 };
  for (const a of actions) counts[a.action]++;
  return { ok: errors.length === 0, applied, errors: errors.slice(0, MAX_ERRORS), actions, counts };
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
}

/** Checks a file and, unless it is a dry run and when every row is valid, imports all of it. */
/** `text`: the file, or for JSON the object already parsed (readImport). */
export async function importData(ctx: WriteContext, text: string | object, opts: ImportOptions): Promise<ImportReport> {
  const { raw, errors } = readImport(text, opts.format, opts.entity);
  if (errors.length) return report(null, errors, false);
  const parsed = await validate(raw, errors, opts.progress);
  duplicates('organizations', parsed.organizations, (r) => r.slug, 'slug', errors);
  duplicates('subjects', parsed.subjects, (r) => r.slug, 'slug', errors);
  duplicates('tags', parsed.tags, (r) => r.slug, 'slug', errors);
  duplicates('sources', parsed.sources, (r) => r.key, 'key', errors);
  duplicates('sources', parsed.sources, (r) => `${r.publisher} / ${r.title}`, 'title', errors);
  duplicates('events', parsed.events, (r) => r.slug, 'slug', errors);
  duplicates('milestones', parsed.milestones, (r) => r.slug, 'slug', errors);
  const all = await loadAll(ctx.db);
  const c = resolveContext(all, parsed);
  await checkReferences(parsed, c, errors);
  checkAliases(all, parsed, errors);
  errors.sort((a, b) => ENTITY_LISTS.indexOf(a.entity as EntityList) - ENTITY_LISTS.indexOf(b.entity as EntityList) || a.row - b.row);
  const planned = await plan(all, parsed, c);
  if (errors.length || opts.dryRun) return report(planned, errors, false);
  const anything = ENTITY_LISTS.some((e) => changed(planned[e] as Item<unknown>[]).length > 0);
  if (!anything) {
    const alongside = opts.alongside;
    if (alongside && (await inOneTransaction(ctx.db, (tx) => alongside(tx)))) await bumpContentVersion(ctx.db);
    return report(planned, errors, false);
  }
  try {
    await write(ctx, all, planned, c, opts.alongside);
  } catch (err) {
    // A conflict with a change made meanwhile (a slug taken, a claim revised twice, a row deleted).
    const failure = prismaFailure(err);
    if (!failure) throw err;
    const message = `The database refused the import (${failure === 'unique' ? 'a unique value is already taken' : 'a referenced record changed meanwhile'}), so nothing was written. Run the dry run again.`;
    return report(planned, [{ entity: 'file', row: 0, field: 'database', message }], false);
  }
  await bumpContentVersion(ctx.db);
  return report(planned, errors, true);
}
