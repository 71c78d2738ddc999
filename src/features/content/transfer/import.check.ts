// Import, first half: check every row (schema, duplicates, references to the file or the
// database) and plan each row as a create, an update or unchanged, one segment at a time
// (decision 44): what is kept across segments is the file's keys, never its records.
import { comparable, stableJson, type PlainRecord } from './records.ts';
import { fromCsv } from './csv.ts';
import { aliasConflictsIn, aliasIndex, aliasText } from '../aliases.ts';
import type { KeyStore, SpillList, SpillMap, SpillSet } from '../../../platform/spill.ts';
import { fieldErrors } from '../../../platform/validation.ts';
import { topLevelProblem, type Raw, type Segment } from './import.input.ts';
import { keyOfRecord, ptKey, type HeldKeys, type HeldRecord } from './import.held.ts';
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

export type { Raw };

// ---------------------------------------------------------------------------
// Reading

/** A turn of the event loop, so that other requests are answered while a large file is checked. */
export const yieldTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

const fileError = (message: string) => ({ raw: {}, errors: [{ entity: 'file', row: 0, field: 'file', message }] });

/** A CSV file's text, or (JSON) the object already parsed by the caller, as rows in memory; JSON text is read by jsonInput. */
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
  if (typeof text === 'string') return fileError('JSON text is read by jsonInput.');
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

// ---------------------------------------------------------------------------
// Checking

export interface Valid<T> {
  row: number;
  rec: T;
}

/** The rows of one segment checked against their list's schema: the valid ones, each problem told in `errors`. */
export function validateSegment(seg: Segment, errors: RowError[]): Valid<unknown>[] {
  const out: Valid<unknown>[] = [];
  const { entity } = seg;
  for (const { row, value } of seg.rows) {
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      errors.push({ entity, row, field: 'row', message: 'Each row must be an object of fields.' });
      continue;
    }
    const r = recordSchemas[entity].safeParse(value);
    if (r.success) out.push({ row, rec: r.data });
    else for (const [field, message] of Object.entries(fieldErrors(r.error))) errors.push({ entity, row, field, message });
  }
  return out;
}

/** A segment of a list that comes after a list it may refer to: the file is read again, one list at a time. */
export class OutOfOrder extends Error {}

/** What a file's source key stands for: the held key of the same publisher and title, `new:<key>`, a held key, or null (unknown). */
export function canonicalSources(fileSourcePt: Pick<SpillMap<string>, 'get'>, held: HeldKeys) {
  return (k: string | null): string | null => {
    if (k === null) return null;
    const pt = fileSourcePt.get(k);
    if (pt !== undefined) {
      const id = held.sourceByPt.get(pt);
      return id !== undefined ? held.sourceKey.get(id)! : `new:${k}`;
    }
    return held.sourceByKey.has(k) ? k : null;
  };
}
export type Canonical = ReturnType<typeof canonicalSources>;


type SlugLists = 'organizations' | 'subjects' | 'tags' | 'events' | 'milestones';

/**
 * Pass 1 of an import (decision 44), one segment after the other in the lists' order: the checks,
 * and what each row would do. It keeps the file's keys (for duplicates and references), its
 * organizations, subjects and tags whole (few; the alias check and the names need them), the
 * references that may point forward (a source citing a later source, a claim revising a later
 * claim) until the end, and one action per row for the report.
 */
export class FileCheck {
  readonly errors: RowError[] = [];
  readonly actions: PlannedAction[] = [];
  readonly counts: Record<Action, number> = { create: 0, update: 0, unchanged: 0 };
  // What grows with the file is kept in `store`: in the heap while small, outside it past that (decision 53).
  readonly slugs: Record<SlugLists, SpillSet>;
  /** Each file source's publisher and title (ptKey), by its key in the file. */
  readonly sourcePt: SpillMap<string>;
  readonly organizations: SpillList<Valid<OrganizationRecord>>;
  readonly subjects: SpillList<Valid<SubjectRecord>>;
  readonly tags: SpillList<Valid<TagRecord>>;
  readonly canonical: Canonical;
  /** Rows checked so far. */
  rows = 0;
  /**
   * Each segment's valid records, when the input's rows are in memory anyway, or while a streamed
   * input's are fewer than its `keepUpTo`: the write takes them from here instead of reading again.
   */
  kept: { entity: EntityList; valid: Valid<unknown>[] }[] | null;
  readonly #keepUpTo: number;
  #keptRecords = 0;
  readonly #sourcePts: SpillSet;
  readonly #heldSlugs: Record<'organizations' | 'subjects' | 'tags', Set<string>>;
  readonly #forward: { entity: EntityList; row: number; field: string; what: 'source' | 'milestone'; values: string[] }[] = [];
  /** Sources citing a source not read yet: compared at the end. */
  readonly #laterSources: Valid<SourceRecord>[] = [];
  readonly #revised: SpillSet;
  #list = 0;

  readonly #interleaved: boolean;

  constructor(
    readonly held: HeldKeys,
    readonly heldRecords: (entity: EntityList, keys: string[]) => Promise<Map<string, HeldRecord>>,
    input: { inMemory: boolean; interleaved?: boolean; keepUpTo?: number },
    readonly store: KeyStore,
  ) {
    this.slugs = { organizations: store.set(), subjects: store.set(), tags: store.set(), events: store.set(), milestones: store.set() };
    this.sourcePt = store.map();
    this.organizations = store.list();
    this.subjects = store.list();
    this.tags = store.list();
    this.#sourcePts = store.set();
    this.#revised = store.set();
    this.#keepUpTo = input.inMemory ? Infinity : (input.keepUpTo ?? 0);
    this.kept = this.#keepUpTo > 0 ? [] : null;
    this.#interleaved = input.interleaved ?? false;
    this.canonical = canonicalSources(this.sourcePt, held);
    this.#heldSlugs = {
      organizations: new Set(held.organizations.map((o) => o.slug)),
      subjects: new Set(held.subjects.map((s) => s.slug)),
      tags: new Set(held.tags.map((t) => t.slug)),
    };
  }

  /** Whether a slug names a record of the file (so far) or of the database. */
  known(list: SlugLists, slug: string): boolean {
    if (this.slugs[list].has(slug)) return true;
    if (list === 'events') return this.held.eventId.has(slug);
    if (list === 'milestones') return this.held.milestoneId.has(slug);
    return this.#heldSlugs[list].has(slug);
  }

  async segment(seg: Segment): Promise<void> {
    const at = ENTITY_LISTS.indexOf(seg.entity);
    if (at < this.#list && !this.#interleaved) throw new OutOfOrder();
    this.#list = at;
    this.rows += seg.rows.length;
    const valid = validateSegment(seg, this.errors);
    this.#keptRecords += valid.length;
    if (this.#keptRecords > this.#keepUpTo) this.kept = null;
    this.kept?.push({ entity: seg.entity, valid });
    this.#keys(seg.entity, valid);
    this.#references(seg.entity, valid);
    const compared = seg.entity === 'sources' ? this.#withoutLaterSources(valid as Valid<SourceRecord>[]) : valid;
    await this.#compare(seg.entity, compared);
  }

  /** The checks that wait for the whole file: references forward, the sources compared last, names and aliases. */
  async finish(): Promise<void> {
    for (const f of this.#forward) {
      const missing = f.values.filter((v) => (f.what === 'source' ? this.canonical(v) === null : !this.known('milestones', v)));
      if (missing.length) this.errors.push({ entity: f.entity, row: f.row, field: f.field, message: `Unknown ${f.what}: ${missing.map((m) => `“${m}”`).join(', ')}.` });
    }
    await this.#compare('sources', this.#laterSources.splice(0));
    checkAliases(this.held, this, this.errors);
    const order = (a: { entity: string; row: number }, b: { entity: string; row: number }) => ENTITY_LISTS.indexOf(a.entity as EntityList) - ENTITY_LISTS.indexOf(b.entity as EntityList) || a.row - b.row;
    this.errors.sort(order);
    // The sources compared last take their place in the list.
    this.actions.sort(order);
  }

  /** Duplicates within the file, told at their second row; the file's keys kept. */
  #keys(entity: EntityList, valid: Valid<unknown>[]) {
    const twice = (row: number, field: string, k: string) => this.errors.push({ entity, row, field, message: `“${k}” appears twice in the file.` });
    for (const { row, rec } of valid) {
      if (entity === 'sources') {
        const s = rec as SourceRecord;
        const pt = ptKey(s);
        if (this.sourcePt.has(s.key)) twice(row, 'key', s.key);
        else this.sourcePt.set(s.key, pt);
        if (this.#sourcePts.has(pt)) twice(row, 'title', `${s.publisher} / ${s.title}`);
        this.#sourcePts.add(pt);
        continue;
      }
      const { slug } = rec as { slug: string };
      if (this.slugs[entity].has(slug)) twice(row, 'slug', slug);
      this.slugs[entity].add(slug);
    }
    if (entity === 'organizations') this.organizations.push(...(valid as Valid<OrganizationRecord>[]));
    if (entity === 'subjects') this.subjects.push(...(valid as Valid<SubjectRecord>[]));
    if (entity === 'tags') this.tags.push(...(valid as Valid<TagRecord>[]));
  }

  #references(entity: EntityList, valid: Valid<unknown>[]) {
    const { errors } = this;
    const need = (row: number, field: string, list: SlugLists, values: (string | null)[], what: string) => {
      const missing = values.filter((v): v is string => v !== null && !this.known(list, v));
      if (missing.length) errors.push({ entity, row, field, message: `Unknown ${what}: ${missing.map((m) => `“${m}”`).join(', ')}.` });
    };
    const source = (row: number, field: string, keys: (string | null)[]) => {
      const missing = keys.filter((k): k is string => k !== null && this.canonical(k) === null);
      if (missing.length) errors.push({ entity, row, field, message: `Unknown source: ${missing.map((m) => `“${m}”`).join(', ')}.` });
    };
    for (const { row, rec } of valid) {
      if (entity === 'subjects') need(row, 'organizations', 'organizations', (rec as SubjectRecord).organizations, 'organization');
      else if (entity === 'sources') {
        const r = rec as SourceRecord;
        // The source cited may come later in the list: checked at the end.
        if (r.cites !== null) this.#forward.push({ entity, row, field: 'cites', what: 'source', values: [r.cites] });
        if (r.cites === r.key) errors.push({ entity, row, field: 'cites', message: 'A source cannot cite itself.' });
      } else if (entity === 'events') {
        const r = rec as EventRecord;
        need(row, 'organizations', 'organizations', r.organizations, 'organization');
        need(row, 'subjects', 'subjects', r.subjects, 'subject');
        need(row, 'tags', 'tags', r.tags, 'tag');
        source(row, 'sources', r.sources.map((s) => s.source));
        const keys = r.sources.map((s) => this.canonical(s.source));
        if (new Set(keys).size !== keys.length) errors.push({ entity, row, field: 'sources', message: 'A source is listed twice.' });
      } else if (entity === 'milestones') {
        const r = rec as MilestoneRecord;
        need(row, 'organizations', 'organizations', r.organizations, 'organization');
        need(row, 'subjects', 'subjects', r.subjects, 'subject');
        need(row, 'afterEvent', 'events', [r.afterEvent], 'event');
        need(row, 'settledBy', 'events', [r.settledBy], 'event');
        if (r.revises !== null) this.#forward.push({ entity, row, field: 'revises', what: 'milestone', values: [r.revises] });
        source(row, 'source', [r.source]);
        if (r.revises === r.slug) errors.push({ entity, row, field: 'revises', message: 'A claim cannot revise itself.' });
        if (r.revises && this.#revised.has(r.revises)) errors.push({ entity, row, field: 'revises', message: `Two claims revise “${r.revises}”.` });
        if (r.revises) this.#revised.add(r.revises);
      }
    }
  }

  /** The sources whose cited source is known now; the others wait for the end of the file. */
  #withoutLaterSources(valid: Valid<SourceRecord>[]): Valid<SourceRecord>[] {
    return valid.filter((v) => {
      const now = v.rec.cites === null || this.sourcePt.has(v.rec.cites);
      if (!now) this.#laterSources.push(v);
      return now;
    });
  }

  async #compare(entity: EntityList, valid: Valid<unknown>[]) {
    if (!valid.length) return;
    const held = await this.heldRecords(entity, valid.map((v) => keyOfRecord(entity, v.rec)));
    for (const it of planItems(entity, valid, held, this.canonical)) {
      this.counts[it.action]++;
      const { slug, key } = it.rec as { slug?: string; key?: string };
      this.actions.push({ entity, row: it.row, key: slug ?? key ?? '', action: it.action });
    }
  }
}

/**
 * An alias may not be another organization's (or subject's) name or alias, and a name may not be
 * another's alias, as the forms and the API check it (decision 33): each organization and subject
 * of the file that is new or changes its name or aliases is checked against the records as they
 * will be after the import (the database's, those of the file in their place). One index, so a
 * file of 100,000 records is checked in linear time.
 */
export function checkAliases(held: Pick<HeldKeys, 'organizations' | 'subjects'>, file: Pick<FileCheck, 'organizations' | 'subjects' | 'slugs' | 'store'>, errors: RowError[]) {
  const lists = [
    { entity: 'organizations', kind: 'organization', held: held.organizations, file: file.organizations },
    { entity: 'subjects', kind: 'subject', held: held.subjects, file: file.subjects },
  ] as const;
  for (const { entity, kind, held: rows, file: inFileList } of lists) {
    const inFile = file.slugs[entity];
    const heldBySlug = new Map(rows.map((r) => [r.slug, r]));
    const index = aliasIndex(
      (function* () {
        for (const r of rows) if (!inFile.has(r.slug)) yield { id: r.slug, name: r.name, aliases: r.aliases };
        for (const { rec } of inFileList) yield { id: rec.slug, name: rec.name, aliases: aliasText(rec.aliases) };
      })(),
      file.store.map(),
    );
    for (const { row, rec } of inFileList) {
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
  /** The record as the audit shows it; null for a create, made when it is written (afterOf). */
  after: PlainRecord | null;
}

type SourceRef = { source: string; quote: string | null };

function withCanonicalSources(entity: EntityList, r: PlainRecord, canonical: Canonical): PlainRecord {
  if (entity === 'sources') return { ...r, key: null, cites: canonical(r.cites as string | null) };
  if (entity === 'events') return { ...r, sources: (r.sources as SourceRef[]).map((s) => ({ ...s, source: canonical(s.source) })) };
  if (entity === 'milestones') return { ...r, source: canonical(r.source as string | null) };
  return r;
}

/** The record with its sources named as the export names them (an existing source by its held key, whatever key the file used). */
function withHeldSources(entity: EntityList, r: PlainRecord, canonical: Canonical): PlainRecord {
  const heldKey = (k: string | null) => {
    const c = canonical(k);
    return c === null || c.startsWith('new:') ? k : c;
  };
  if (entity === 'events') return { ...r, sources: (r.sources as SourceRef[]).map((s) => ({ ...s, source: heldKey(s.source) })) };
  if (entity === 'milestones') return { ...r, source: heldKey(r.source as string | null) };
  return r;
}

/** A created record as the audit shows it. */
export function afterOf(entity: EntityList, rec: unknown, canonical: Canonical): PlainRecord {
  return withHeldSources(entity, (comparable[entity] as (r: unknown) => PlainRecord)(rec), canonical);
}

/** Each row of a segment against the held record of the same key: created, updated or unchanged. */
export function planItems<T>(entity: EntityList, valid: Valid<T>[], held: Map<string, HeldRecord>, canonical: Canonical): Item<T>[] {
  return valid.map(({ row, rec }) => {
    const found = held.get(keyOfRecord(entity, rec));
    if (!found) return { row, rec, action: 'create', existingId: null, before: null, after: null };
    const after = afterOf(entity, rec, canonical);
    const same = stableJson(withCanonicalSources(entity, found.rec, canonical)) === stableJson(withCanonicalSources(entity, after, canonical));
    return { row, rec, action: same ? 'unchanged' : 'update', existingId: found.id, before: found.rec, after };
  });
}
