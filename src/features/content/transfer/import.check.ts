// Import, first half: read the file, check every row (schema, duplicates, references to the
// file or the database) and plan each row as a create, an update or unchanged.
import type { AllRows } from './transfer.repo.ts';
import { comparable, comparableExport, sourceKeys, stableJson, type PlainRecord, type Records } from './records.ts';
import { fromCsv } from './csv.ts';
import { aliasConflictsIn, aliasIndex, aliasText } from '../aliases.ts';
import { EXPORT_FORMAT } from './export.service.ts';
import { fieldErrors } from '../../../platform/validation.ts';
import { JsonReadError, jsonEntries, type TextChunks } from '../../../platform/json-read.ts';
import {
  ENTITY_LISTS,
  recordSchemas,
  type EntityList,
  type EventRecord,
  type MilestoneRecord,
  type OrganizationRecord,
  type SourceRecord,
  type SubjectRecord,
  type TagRecord,
} from './transfer.schema.ts';

export type ImportFormat = 'json' | 'csv';
export type Action = 'create' | 'update' | 'unchanged';

export interface RowError {
  entity: string;
  row: number;
  field: string;
  message: string;
}

export interface PlannedAction {
  entity: EntityList;
  row: number;
  key: string;
  action: Action;
}

export type Progress = (done: number, total: number) => void;

export type Raw = Partial<Record<EntityList, { row: number; value: unknown }[]>>;


// ---------------------------------------------------------------------------
// Reading

/** A turn of the event loop, so that other requests are answered while a large file is checked. */
export const yieldTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
/** Rows checked or planned between two turns. */
const ROWS_PER_TURN = 500;

const fileError = (message: string) => ({ raw: {}, errors: [{ entity: 'file', row: 0, field: 'file', message }] });
/** Top-level fields of the export besides its lists; `facts` is read by importWithFacts (facts.transfer.ts). */
const FIELDS = ['format', 'version', 'exportedAt', 'licence', 'facts'];

/** What is wrong with the top-level fields of a JSON file, in the order it is told. */
function topLevelProblem(keys: string[], obj: Record<string, unknown>, lists: Set<string>): string | null {
  const unknown = keys.filter((k) => ![...FIELDS, ...ENTITY_LISTS].includes(k));
  if (unknown.length) return `Unknown top-level field${unknown.length > 1 ? 's' : ''}: ${unknown.map((k) => `"${k.slice(0, 40)}"`).join(', ')}.`;
  if (obj.format !== undefined && obj.format !== EXPORT_FORMAT) return `"format" must be "${EXPORT_FORMAT}".`;
  if (obj.version !== undefined && obj.version !== 1) return 'This file was written by a newer version of Timeline (version must be 1).';
  const notList = ENTITY_LISTS.find((e) => keys.includes(e) && !lists.has(e));
  return notList ? `"${notList}" must be a list.` : null;
}

/** A CSV file's text, or (JSON) the object already parsed by the caller; JSON text goes to readJsonImport. */
export function readImport(text: string | object, format: ImportFormat, entity?: EntityList): { raw: Raw; errors: RowError[] } {
  if (typeof text === 'string' && text.trim() === '') return fileError('The file is empty.');
  if (format === 'csv') {
    if (!entity) return fileError('Say which kind of records the CSV file holds.');
    if (typeof text !== 'string') return fileError('A CSV file is text.');
    const { records, problems } = fromCsv(entity, text);
    return {
      raw: { [entity]: records.map((value, i) => ({ row: i + 2, value })) },
      errors: problems.map((p) => ({ entity, ...p })),
    };
  }
  if (typeof text === 'string') return fileError('JSON text is read by readJsonImport.');
  if (!text || Array.isArray(text)) return fileError('The JSON file must hold one object, as written by the export.');
  const obj = text as Record<string, unknown>;
  const keys = Object.keys(obj);
  const problem = topLevelProblem(keys, obj, new Set(ENTITY_LISTS.filter((e) => Array.isArray(obj[e]))));
  if (problem) return fileError(problem);
  const raw: Raw = {};
  for (const e of ENTITY_LISTS) {
    const list = obj[e] as unknown[] | undefined;
    if (list !== undefined) raw[e] = list.map((value, i) => ({ row: i + 1, value }));
  }
  return { raw, errors: [] };
}

/**
 * A JSON file read as it streams (platform/json-read.ts): its rows, and the lists named in `extra`
 * (the facts). Only the parsed rows are kept, never the file's text as a whole.
 */
export async function readJsonImport(chunks: TextChunks, extra: readonly string[] = []): Promise<{ raw: Raw; errors: RowError[]; extra: Record<string, unknown[]> }> {
  const raw: Raw = {};
  const more: Record<string, unknown[]> = {};
  const fields: Record<string, unknown> = {};
  const keys: string[] = [];
  const lists = new Set<string>();
  try {
    for await (const e of jsonEntries(chunks)) {
      if (e.kind === 'item') {
        if (Object.hasOwn(raw, e.key)) raw[e.key as EntityList]!.push({ row: e.index + 1, value: e.value });
        else if (Object.hasOwn(more, e.key)) more[e.key]!.push(e.value);
        continue;
      }
      keys.push(e.key);
      if (e.kind === 'value') {
        if (FIELDS.includes(e.key)) fields[e.key] = e.value;
        continue;
      }
      lists.add(e.key);
      if ((ENTITY_LISTS as readonly string[]).includes(e.key)) raw[e.key as EntityList] = [];
      else if (extra.includes(e.key)) more[e.key] = [];
    }
  } catch (err) {
    if (err instanceof JsonReadError) return { ...fileError(err.message), extra: {} };
    throw err;
  }
  const problem = topLevelProblem(keys, fields, lists);
  if (problem) return { ...fileError(problem), extra: {} };
  // A `facts` that is not a list is told by importWithFacts.
  for (const k of extra) if (!(k in more) && k in fields) more[k] = fields[k] as unknown[];
  return { raw, errors: [], extra: more };
}


// ---------------------------------------------------------------------------
// Checking

export interface Valid<T> {
  row: number;
  rec: T;
}
export interface Parsed {
  organizations: Valid<OrganizationRecord>[];
  subjects: Valid<SubjectRecord>[];
  tags: Valid<TagRecord>[];
  sources: Valid<SourceRecord>[];
  events: Valid<EventRecord>[];
  milestones: Valid<MilestoneRecord>[];
}

export async function validate(raw: Raw, errors: RowError[], progress?: Progress): Promise<Parsed> {
  const out: Record<string, Valid<unknown>[]> = {};
  const total = ENTITY_LISTS.reduce((n, e) => n + (raw[e]?.length ?? 0), 0);
  let done = 0;
  for (const entity of ENTITY_LISTS) {
    out[entity] = [];
    const rows = raw[entity] ?? [];
    for (let i = 0; i < rows.length; i++) {
      const { row, value } = rows[i]!;
      // Each row is released once checked: its validated copy is what is kept.
      rows[i] = undefined!;
      progress?.(++done, total);
      if (done % ROWS_PER_TURN === 0) await yieldTurn();
      if (!value || typeof value !== 'object' || Array.isArray(value)) {
        errors.push({ entity, row, field: 'row', message: 'Each row must be an object of fields.' });
        continue;
      }
      const r = recordSchemas[entity].safeParse(value);
      if (r.success) out[entity]!.push({ row, rec: r.data });
      else for (const [field, message] of Object.entries(fieldErrors(r.error))) errors.push({ entity, row, field, message });
    }
    delete raw[entity];
  }
  return out as unknown as Parsed;
}

export function duplicates<T>(entity: string, rows: Valid<T>[], keyOf: (r: T) => string, field: string, errors: RowError[]) {
  const seen = new Set<string>();
  for (const { row, rec } of rows) {
    const k = keyOf(rec);
    if (seen.has(k)) errors.push({ entity, row, field, message: `“${k}” appears twice in the file.` });
    seen.add(k);
  }
}

export const ptKey = (s: { publisher: string; title: string }) => `${s.publisher}\u0000${s.title}`;

/** What the database holds, and how file references resolve against the file and the database. */
export function resolveContext(all: AllRows, p: Parsed) {
  const dbKeys = sourceKeys(all.sources);
  const dbSourceByPt = new Map(all.sources.map((s) => [ptKey(s), s.id]));
  const dbSourceByKey = new Map([...dbKeys].map(([id, k]) => [k, id]));
  const fileSources = new Map(p.sources.map(({ rec }) => [rec.key, rec]));
  /** A file's source reference in canonical form: the database key of the source it names, or new:<key>. */
  const canonicalSource = (k: string | null): string | null => {
    if (k === null) return null;
    const f = fileSources.get(k);
    if (f) {
      const id = dbSourceByPt.get(ptKey(f));
      return id !== undefined ? dbKeys.get(id)! : `new:${k}`;
    }
    return dbSourceByKey.has(k) ? k : null;
  };
  const slugs = <T extends { slug: string }>(rows: T[], file: Valid<{ slug: string }>[]) => new Set([...rows.map((r) => r.slug), ...file.map((f) => f.rec.slug)]);
  return {
    dbKeys,
    dbSourceByPt,
    dbSourceByKey,
    canonicalSource,
    known: {
      organizations: slugs(all.organizations, p.organizations),
      subjects: slugs(all.subjects, p.subjects),
      tags: slugs(all.tags, p.tags),
      events: slugs(all.events, p.events),
      milestones: slugs(all.milestones, p.milestones),
    },
  };
}

export async function checkReferences(p: Parsed, ctx: Context, errors: RowError[]): Promise<void> {
  const need = (entity: string, row: number, field: string, set: Set<string>, values: (string | null)[], what: string) => {
    const missing = values.filter((v): v is string => v !== null && !set.has(v));
    if (missing.length) errors.push({ entity, row, field, message: `Unknown ${what}: ${missing.map((m) => `“${m}”`).join(', ')}.` });
  };
  const source = (entity: string, row: number, field: string, keys: (string | null)[]) => {
    const missing = keys.filter((k): k is string => k !== null && ctx.canonicalSource(k) === null);
    if (missing.length) errors.push({ entity, row, field, message: `Unknown source: ${missing.map((m) => `“${m}”`).join(', ')}.` });
  };
  for (const { row, rec } of p.subjects) need('subjects', row, 'organizations', ctx.known.organizations, rec.organizations, 'organization');
  for (const { row, rec } of p.sources) {
    source('sources', row, 'cites', [rec.cites]);
    if (rec.cites === rec.key) errors.push({ entity: 'sources', row, field: 'cites', message: 'A source cannot cite itself.' });
  }
  let n = 0;
  for (const { row, rec } of p.events) {
    if (++n % ROWS_PER_TURN === 0) await yieldTurn();
    need('events', row, 'organizations', ctx.known.organizations, rec.organizations, 'organization');
    need('events', row, 'subjects', ctx.known.subjects, rec.subjects, 'subject');
    need('events', row, 'tags', ctx.known.tags, rec.tags, 'tag');
    source('events', row, 'sources', rec.sources.map((s) => s.source));
    const keys = rec.sources.map((s) => ctx.canonicalSource(s.source));
    if (new Set(keys).size !== keys.length) errors.push({ entity: 'events', row, field: 'sources', message: 'A source is listed twice.' });
  }
  const revised = new Set<string>();
  for (const { row, rec } of p.milestones) {
    need('milestones', row, 'organizations', ctx.known.organizations, rec.organizations, 'organization');
    need('milestones', row, 'subjects', ctx.known.subjects, rec.subjects, 'subject');
    need('milestones', row, 'afterEvent', ctx.known.events, [rec.afterEvent], 'event');
    need('milestones', row, 'settledBy', ctx.known.events, [rec.settledBy], 'event');
    need('milestones', row, 'revises', ctx.known.milestones, [rec.revises], 'milestone');
    source('milestones', row, 'source', [rec.source]);
    if (rec.revises === rec.slug) errors.push({ entity: 'milestones', row, field: 'revises', message: 'A claim cannot revise itself.' });
    if (rec.revises && revised.has(rec.revises)) errors.push({ entity: 'milestones', row, field: 'revises', message: `Two claims revise “${rec.revises}”.` });
    if (rec.revises) revised.add(rec.revises);
  }
}

/**
 * An alias may not be another organization's (or subject's) name or alias, and a name may not be
 * another's alias, as the forms and the API check it (decision 33): each organization and subject
 * of the file that is new or changes its name or aliases is checked against the records as they
 * will be after the import (the database's, those of the file in their place). One index, so a
 * file of 100,000 records is checked in linear time.
 */
export function checkAliases(all: AllRows, p: Parsed, errors: RowError[]) {
  const lists = [
    { entity: 'organizations', kind: 'organization', held: all.organizations, file: p.organizations },
    { entity: 'subjects', kind: 'subject', held: all.subjects, file: p.subjects },
  ] as const;
  for (const { entity, kind, held, file } of lists) {
    const inFile = new Map(file.map((f) => [f.rec.slug, f.rec]));
    const heldBySlug = new Map(held.map((r) => [r.slug, r]));
    const index = aliasIndex([
      ...held.filter((r) => !inFile.has(r.slug)).map((r) => ({ id: r.slug, name: r.name, aliases: r.aliases })),
      ...file.map(({ rec }) => ({ id: rec.slug, name: rec.name, aliases: aliasText(rec.aliases) })),
    ]);
    for (const { row, rec } of file) {
      const before = heldBySlug.get(rec.slug);
      if (before && before.name === rec.name && before.aliases === aliasText(rec.aliases)) continue;
      const found = aliasConflictsIn(kind, { id: rec.slug, name: rec.name, aliases: rec.aliases }, index);
      for (const [field, message] of Object.entries(found)) errors.push({ entity, row, field, message });
    }
  }
}

// ---------------------------------------------------------------------------
// Planning: each valid row is a create, an update or unchanged

export interface Item<T> {
  row: number;
  rec: T;
  action: Action;
  existingId: number | null;
  before: PlainRecord | null;
  /** The record as the audit shows it; null for a create, made when it is written (Plan.after). */
  after: PlainRecord | null;
}

/** `held`: the database's rows and the same as export records (import.service.ts, loadHeld). */
export async function plan(held: { rows: AllRows; records: Records }, p: Parsed, ctx: Context) {
  const { rows: all, records: exported } = held;
  const index = <R extends PlainRecord>(rows: R[], ids: number[], keyOf: (r: R) => string) =>
    new Map(rows.map((r, i) => [keyOf(r), { id: ids[i]!, rec: r }]));
  const bySlug = (rows: PlainRecord[], ids: { id: number }[]) => index(rows, ids.map((r) => r.id), (r) => String(r.slug));
  const existing = {
    organizations: bySlug(exported.organizations, all.organizations),
    subjects: bySlug(exported.subjects, all.subjects),
    tags: bySlug(exported.tags, all.tags),
    sources: index(exported.sources, all.sources.map((s) => s.id), (r) => ptKey(r)),
    events: bySlug(exported.events, all.events),
    milestones: bySlug(exported.milestones, all.milestones),
  };
  const withCanonicalSources = (entity: EntityList, r: PlainRecord): PlainRecord => {
    if (entity === 'sources') return { ...r, key: null, cites: ctx.canonicalSource(r.cites as string | null) };
    if (entity === 'events') return { ...r, sources: (r.sources as { source: string; quote: string | null }[]).map((s) => ({ ...s, source: ctx.canonicalSource(s.source) })) };
    if (entity === 'milestones') return { ...r, source: ctx.canonicalSource(r.source as string | null) };
    return r;
  };
  // The audit names an existing source by the key the export gives it, whatever key the file used.
  const heldKey = (k: string | null) => {
    const c = ctx.canonicalSource(k);
    return c === null || c === undefined || c.startsWith('new:') ? k : c;
  };
  const withHeldSources = (entity: EntityList, r: PlainRecord): PlainRecord => {
    if (entity === 'events') return { ...r, sources: (r.sources as { source: string; quote: string | null }[]).map((s) => ({ ...s, source: heldKey(s.source) })) };
    if (entity === 'milestones') return { ...r, source: heldKey(r.source as string | null) };
    return r;
  };
  async function items<T>(entity: EntityList, rows: Valid<T>[], keyOf: (r: T) => string, toPlain: (r: T) => PlainRecord): Promise<Item<T>[]> {
    const map = existing[entity] as Map<string, { id: number; rec: PlainRecord }>;
    const out: Item<T>[] = [];
    for (const { row, rec } of rows) {
      if (out.length % ROWS_PER_TURN === ROWS_PER_TURN - 1) await yieldTurn();
      const found = map.get(keyOf(rec));
      if (!found) {
        out.push({ row, rec, action: 'create', existingId: null, before: null, after: null });
        continue;
      }
      const after = withHeldSources(entity, toPlain(rec));
      const before = comparableExport(entity, found.rec);
      const same = stableJson(withCanonicalSources(entity, before)) === stableJson(withCanonicalSources(entity, after));
      out.push({ row, rec, action: same ? 'unchanged' : 'update', existingId: found.id, before, after });
    }
    return out;
  }
  return {
    organizations: await items('organizations', p.organizations, (r) => r.slug, comparable.organizations),
    subjects: await items('subjects', p.subjects, (r) => r.slug, comparable.subjects),
    tags: await items('tags', p.tags, (r) => r.slug, comparable.tags),
    sources: await items('sources', p.sources, ptKey, comparable.sources),
    events: await items('events', p.events, (r) => r.slug, comparable.events),
    milestones: await items('milestones', p.milestones, (r) => r.slug, comparable.milestones),
    /** A created record as the audit shows it (not kept in the plan: 100,000 of them would be). */
    after: (entity: EntityList, rec: unknown): PlainRecord => withHeldSources(entity, (comparable[entity] as (r: unknown) => PlainRecord)(rec)),
  };
}
export type Plan = Awaited<ReturnType<typeof plan>>;
export type Context = ReturnType<typeof resolveContext>;

export const changed = <T>(items: Item<T>[]) => items.filter((i) => i.action !== 'unchanged');
