// Subject facts in the export and the import. The facts are written by their own small function
// after the records they point at (subjects, sources) are in place; the main import is untouched.
import { z } from 'zod';
import { bumpContentVersion } from '../../../platform/content-version.ts';
import { auditData, type WriteContext } from '../audit.ts';
import { slugField, text } from '../fields.ts';
import { FACT_KINDS, allFacts, factsOfSubjects, formatFact, insertFacts, sourceIdsAll, sourceIdsByName, subjectIdsBySlug, type FactCreate, type FactKind } from '../../facts/index.ts';
import { exportAll, exportJsonStream, type ExportBundle } from './export.service.ts';
import { applyImport, checkImport, importData, importInput, type ImportOptions, type ImportReport, type ImportSource } from './import.service.ts';
import { sourceKeys, type Json } from './records.ts';
import type { RowError } from './import.check.ts';
import type { Db } from '../../../platform/db.ts';

export const factRecord = z.strictObject({
  subject: slugField().transform((v, ctx): string => {
    if (!v) ctx.addIssue({ code: 'custom', message: 'Give the subject.' });
    return v ?? '';
  }),
  kind: z.enum(FACT_KINDS, { error: `kind is one of: ${FACT_KINDS.join(', ')}.` }),
  value: z.number({ error: 'value is a number or null.' }).finite().nullable().default(null),
  text: text('text', 1000).transform((v) => v || null).nullable().default(null),
  unit: text('unit', 40).transform((v) => v || null).nullable().default(null),
  baseModel: text('baseModel', 120).transform((v) => v || null).nullable().default(null),
  source: text('source', 120).transform((v) => v || null).nullable().default(null),
  note: text('note', 1000, { multiline: true }).default(''),
  recordedAt: z.iso.datetime({ offset: true, error: 'recordedAt is an ISO 8601 instant.' }).nullable().default(null),
});
export type FactRecord = z.output<typeof factRecord>;

/** A fact with its source named by publisher and title, as the writer takes it. */
export interface FactInput {
  subject: string;
  kind: FactKind;
  value: number | null;
  text: string | null;
  unit: string | null;
  baseModel: string | null;
  source: { publisher: string; title: string } | null;
  note: string;
  recordedAt: Date | null;
}

const pt = (s: { publisher: string; title: string }) => `${s.publisher}\u0000${s.title}`;

export async function exportFacts(db: Db): Promise<FactRecord[]> {
  const [rows, sources] = await Promise.all([allFacts(db), sourceIdsAll(db)]);
  const keys = sourceKeys(sources);
  return rows.map((f) => ({
    subject: f.subject.slug,
    kind: f.kind as FactKind,
    value: f.value,
    text: f.text,
    unit: f.unit,
    baseModel: f.refSubject?.slug ?? null,
    source: f.sourceId === null ? null : (keys.get(f.sourceId) ?? null),
    note: f.note,
    recordedAt: f.recordedAt.toISOString(),
  }));
}

export interface FactPlan {
  errors: RowError[];
  added: number;
  unchanged: number;
  /** Rows (of the caller's list) whose fact is added. */
  addedRows: number[];
  /** "gpt-4 parameters: 1.8T parameters -> 2T parameters (Epoch AI)" */
  changes: string[];
}

/** Doubles can come back from a driver a last digit apart: equal within a part in 10¹². */
const sameNumber = (a: number | null, b: number | null) => a === b || (a !== null && b !== null && Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b)));
const same = (a: { value: number | null; text: string | null; unit: string | null; note: string; refSubjectId: number | null }, b: typeof a) =>
  sameNumber(a.value, b.value) && a.text === b.text && a.unit === b.unit && a.note === b.note && a.refSubjectId === b.refSubjectId;

/**
 * Adds the facts that differ from the newest one of the same subject, kind and source (history is
 * kept: nothing is overwritten). `pendingSubjects` are subjects the same import is about to
 * create, accepted in a dry run. When not a dry run, `ctx.db` is a transaction's client: the
 * import's own (ImportOptions.alongside).
 */
export async function writeFacts(
  ctx: WriteContext,
  facts: { row: number; fact: FactInput }[],
  opts: { dryRun: boolean; pendingSubjects?: { has(slug: string): boolean } },
): Promise<FactPlan> {
  const out: FactPlan = { errors: [], added: 0, unchanged: 0, addedRows: [], changes: [] };
  if (!facts.length) return out;
  const slugs = [...new Set(facts.flatMap(({ fact }) => [fact.subject, ...(fact.baseModel ? [fact.baseModel] : [])]))];
  // Only what the facts name is read: their subjects, their sources and those subjects' facts.
  const names = [...new Map(facts.flatMap(({ fact }) => (fact.source ? [[pt(fact.source), fact.source] as const] : []))).values()];
  const [subjects, sources] = await Promise.all([subjectIdsBySlug(ctx.db, slugs), sourceIdsByName(ctx.db, names)]);
  const existing = await factsOfSubjects(ctx.db, subjects.map((s) => s.id));
  const subjectId = new Map(subjects.map((s) => [s.slug, s.id]));
  const subjectName = new Map(subjects.map((s) => [s.slug, s.name]));
  const sourceId = new Map(sources.map((s) => [pt(s), s.id]));
  const newest = new Map<string, (typeof existing)[number]>();
  for (const f of existing) newest.set(`${f.subjectId}/${f.kind}/${f.sourceId ?? ''}`, f);
  const pending = opts.pendingSubjects ?? new Set<string>();
  const rows: FactCreate[] = [];
  const audits = new Map<number, { label: string; changes: Record<string, { before: string | null; after: string | null }> }>();
  for (const { row, fact } of facts) {
    const sid = subjectId.get(fact.subject);
    if (sid === undefined) {
      if (!(opts.dryRun && pending.has(fact.subject))) out.errors.push({ entity: 'facts', row, field: 'subject', message: `Unknown subject: “${fact.subject}”.` });
      else {
        out.added++;
        out.addedRows.push(row);
      }
      continue;
    }
    const src = fact.source ? sourceId.get(pt(fact.source)) : null;
    if (src === undefined) {
      if (!opts.dryRun) out.errors.push({ entity: 'facts', row, field: 'source', message: `Unknown source: “${fact.source!.publisher}: ${fact.source!.title}”.` });
      else {
        out.added++;
        out.addedRows.push(row);
      }
      continue;
    }
    const refSubjectId = fact.baseModel ? (subjectId.get(fact.baseModel) ?? null) : null;
    const data = { value: fact.value, text: fact.text, unit: fact.unit, note: fact.note, refSubjectId };
    const prev = newest.get(`${sid}/${fact.kind}/${src ?? ''}`);
    if (prev && same(prev, data)) {
      out.unchanged++;
      continue;
    }
    out.added++;
    out.addedRows.push(row);
    const before = prev ? formatFact(prev.value, prev.unit, prev.text) : null;
    const after = fact.baseModel ? fact.baseModel : formatFact(fact.value, fact.unit, fact.text);
    if (prev) out.changes.push(`${fact.subject} ${fact.kind}: ${before} → ${after}`);
    rows.push({ subjectId: sid, kind: fact.kind, ...data, sourceId: src, recordedAt: fact.recordedAt ?? ctx.now });
    const a = audits.get(sid) ?? { label: subjectName.get(fact.subject) ?? fact.subject, changes: {} };
    a.changes[`fact ${fact.kind}`] = { before, after };
    audits.set(sid, a);
  }
  if (out.errors.length || opts.dryRun) return out;
  await insertFacts(
    ctx.db,
    rows,
    [...audits].map(([id, a]) => auditData(ctx, { type: 'subject', id, label: a.label, action: 'update', changes: a.changes })),
  );
  if (rows.length) await bumpContentVersion(ctx.db);
  return out;
}

/** The JSON export with the facts, as text chunks (see exportJsonStream); `fields` are written before the facts (a download's licence). */
export function exportWithFactsStream(db: Db, now: Date, fields: Record<string, Json> = {}): AsyncGenerator<string> {
  const tail = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, async () => v]));
  return exportJsonStream(db, now, { ...tail, facts: async () => (await exportFacts(db)) as unknown as Json });
}

/** The JSON export with the facts. */
export async function exportWithFacts(db: Db, now: Date): Promise<ExportBundle & { facts: FactRecord[] }> {
  return { ...(await exportAll(db, now)), facts: await exportFacts(db) };
}

/**
 * The import of a JSON export holding facts: the records first (all or nothing), then the facts.
 * Other files go to importData unchanged. `input`: the file's text or a stream of it (read as it
 * comes, platform/json-read.ts).
 */
export async function importWithFacts(ctx: WriteContext, source: ImportSource, opts: ImportOptions): Promise<ImportReport & { facts: FactPlan | null }> {
  const read = opts.format === 'json' ? await importInput(source, opts, ['facts']) : null;
  if (!read || 'errors' in read) return { ...(await importData(ctx, source, opts)), facts: null };
  const file = await checkImport(ctx, read.input, opts);
  // applyImport closes the check's store; so does this, should anything before it throw.
  try {
    if (file.problem || !('facts' in file.extra)) return { ...(await applyImport(ctx, read.input, file, opts)), facts: null };
    const rawFacts: unknown = file.extra.facts;
    const plan: FactPlan = { errors: [], added: 0, unchanged: 0, addedRows: [], changes: [] };
    const parsed: { row: number; rec: FactRecord }[] = [];
    if (!Array.isArray(rawFacts)) plan.errors.push({ entity: 'facts', row: 0, field: 'facts', message: '"facts" must be a list.' });
    else
      rawFacts.forEach((value, i) => {
        const r = factRecord.safeParse(value);
        if (r.success) parsed.push({ row: i + 1, rec: r.data });
        else for (const issue of r.error.issues) plan.errors.push({ entity: 'facts', row: i + 1, field: String(issue.path[0] ?? 'row'), message: issue.message });
      });
    delete file.extra.facts;
    // The file's sources, by key: their publisher and title as the check kept them (ptKey).
    const fileSource = (key: string) => {
      const pt = file.check.sourcePt.get(key);
      if (pt === undefined) return undefined;
      const [publisher, title] = pt.split('\u0000') as [string, string];
      return { publisher, title };
    };
    const dbSources = await sourceIdsAll(ctx.db);
    const dbKeys = sourceKeys(dbSources);
    const dbByKey = new Map(dbSources.map((s) => [dbKeys.get(s.id)!, s]));
    const inputs = parsed.flatMap(({ row, rec }) => {
      const source = rec.source === null ? null : (fileSource(rec.source) ?? dbByKey.get(rec.source) ?? undefined);
      if (source === undefined) {
        plan.errors.push({ entity: 'facts', row, field: 'source', message: `Unknown source: “${rec.source}”.` });
        return [];
      }
      return [{ row, fact: { ...rec, source, recordedAt: rec.recordedAt ? new Date(rec.recordedAt) : null } }];
    });
    const fileSubjects = file.check.slugs.subjects;
    const checked = await writeFacts(ctx, inputs, { dryRun: true, pendingSubjects: fileSubjects });
    plan.errors.push(...checked.errors);
    // The facts are written in the records' own transaction: a crash leaves both or neither.
    const got: { facts: FactPlan | null } = { facts: null };
    const records = await applyImport(ctx, read.input, file, {
      dryRun: opts.dryRun || plan.errors.length > 0,
      alongside: async (tx) => {
        got.facts = await writeFacts({ ...ctx, db: tx }, inputs, { dryRun: false });
        return got.facts.added > 0;
      },
    });
    const errors = [...records.errors, ...plan.errors];
    if (opts.dryRun || errors.length || !got.facts) return { ...records, ok: errors.length === 0, applied: false, errors, facts: { ...checked, errors: plan.errors } };
    return { ...records, applied: records.applied || got.facts.added > 0, facts: got.facts };
  } finally {
    if (file.ownsStore) file.store.close();
  }
}
