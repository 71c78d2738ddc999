// Rows and parsed import records, both turned into the export's plain JSON records, so that the
// export writes them and the import compares a file against the database field by field.
import { toEdtf } from '../../dates/index.ts';
import { aliasesOf } from '../aliases.ts';
import { dayText } from '../resolve.ts';
import { slugify } from '../slug.ts';
import type { RecordRows } from './transfer.repo.ts';
import type { EventRecord, MilestoneRecord, SourceRecord, SubjectRecord } from './transfer.schema.ts';

export type Json = string | number | boolean | null | Json[] | { [k: string]: Json };
export type PlainRecord = Record<string, Json>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const sorted = (xs: string[]) => [...xs].sort();

/** A readable, stable key per source (sources have no slug): from publisher and title, in id order. */
export function sourceKeys(rows: readonly { id: number; publisher: string; title: string }[]): Map<number, string> {
  const taken = new Set<string>();
  const out = new Map<number, string>();
  for (const r of rows) {
    const base = slugify(`${r.publisher} ${r.title}`, 60) || 'source';
    let k = base;
    for (let n = 2; taken.has(k); n++) k = `${base}-${n}`;
    taken.add(k);
    out.set(r.id, k);
  }
  return out;
}

/** Records of the rows given; `keys` (every source's key) when `all` holds only some of the sources. */
export function rowsToRecords(all: RecordRows, keys: Map<number, string> = sourceKeys(all.sources)) {
  const keyOf = (id: number | null) => (id === null ? null : (keys.get(id) ?? null));
  return {
    organizations: all.organizations.map((o) => ({ slug: o.slug, name: o.name, website: o.website, description: o.description, aliases: aliasesOf(o.aliases) })),
    subjects: all.subjects.map((s) => ({
      slug: s.slug,
      name: s.name,
      kind: s.kind,
      description: s.description,
      aliases: aliasesOf(s.aliases),
      organizations: sorted(s.organizations.map((o) => o.organization.slug)),
    })),
    tags: all.tags.map((t) => ({ slug: t.slug, name: t.name })),
    sources: all.sources.map((s) => ({
      key: keyOf(s.id)!,
      publisher: s.publisher,
      title: s.title,
      url: s.url,
      publishedOn: dayText(s.publishedOn),
      language: s.language,
      isPrimary: s.isPrimary,
      cites: keyOf(s.citesId),
      discrepancies: s.discrepancies.map((d) => ({ claim: d.claim, correction: d.correction })),
    })),
    events: all.events.map((e) => ({
      slug: e.slug,
      title: e.title,
      summary: e.summary,
      kind: e.kind,
      confidence: e.confidence,
      date: e.dateText,
      edtf: toEdtf({ start: e.dateStart, end: e.dateEnd, precision: e.datePrecision }),
      organizations: sorted(e.organizations.map((o) => o.organization.slug)),
      subjects: sorted(e.subjects.map((s) => s.subject.slug)),
      tags: sorted(e.tags.map((t) => t.tag.slug)),
      sources: e.sources.map((s) => ({ source: keyOf(s.sourceId)!, quote: s.quote })),
    })),
    milestones: all.milestones.map((m) => ({
      slug: m.slug,
      title: m.title,
      claim: m.claim,
      kind: m.kind,
      source: keyOf(m.sourceId),
      claimedOn: dayText(m.claimedOn),
      quote: m.quote,
      expectedText: m.expectedText,
      relativeTo: dayText(m.relativeTo),
      likelihood: m.likelihoodText,
      afterEvent: m.afterEvent?.slug ?? null,
      afterText: m.afterText,
      status: m.status,
      dueAt: iso(m.dueAt),
      outcome: m.outcome,
      gapDays: m.gapDays,
      settledBy: m.settledBy?.slug ?? null,
      resolutionNote: m.resolutionNote,
      resolvedAt: iso(m.resolvedAt),
      revises: m.revises?.slug ?? null,
      organizations: sorted(m.organizations.map((o) => o.organization.slug)),
      subjects: sorted(m.subjects.map((s) => s.subject.slug)),
      transitions: m.transitions.map((t) => ({ fromStatus: t.fromStatus, toStatus: t.toStatus, dueAt: iso(t.dueAt), flaggedAt: iso(t.flaggedAt) })),
    })),
  };
}
export type Records = ReturnType<typeof rowsToRecords>;

/** A parsed import record in the export's shape (derived and write-once fields left out), to compare. */
export const comparable = {
  organizations: (r: { slug: string; name: string; website: string | null; description: string; aliases: string[] }): PlainRecord => ({ ...r }),
  subjects: (r: SubjectRecord): PlainRecord => ({ ...r, organizations: sorted(r.organizations) }),
  tags: (r: { slug: string; name: string }): PlainRecord => ({ ...r }),
  sources: (r: SourceRecord): PlainRecord => ({ ...r, publishedOn: dayText(r.publishedOn) }),
  events: (r: EventRecord): PlainRecord => {
    const { edtf: _edtf, date, ...rest } = r;
    return { ...rest, date: date?.text ?? null, organizations: sorted(r.organizations), subjects: sorted(r.subjects), tags: sorted(r.tags) };
  },
  milestones: (r: MilestoneRecord): PlainRecord => {
    const { transitions: _t, expected, likelihood, ...rest } = r;
    return {
      ...rest,
      expectedText: expected?.text ?? null,
      relativeTo: dayText(expected?.relativeTo ?? null),
      likelihood: likelihood?.text ?? null,
      claimedOn: dayText(r.claimedOn),
      dueAt: iso(r.dueAt),
      resolvedAt: iso(r.resolvedAt),
      organizations: sorted(r.organizations),
      subjects: sorted(r.subjects),
    };
  },
};

/** An exported record without the fields `comparable` leaves out. */
export function comparableExport(entity: string, r: PlainRecord): PlainRecord {
  const { edtf: _e, transitions: _t, ...rest } = r;
  return entity === 'events' || entity === 'milestones' ? rest : r;
}

/** Arrays of objects flattened to text, for the audit log's before/after. */
export function flatten(r: PlainRecord | null): Record<string, string | number | boolean | null | string[]> | null {
  if (!r) return null;
  return Object.fromEntries(
    Object.entries(r).map(([k, v]) => [
      k,
      Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))) : v !== null && typeof v === 'object' ? JSON.stringify(v) : v,
    ]),
  );
}

/** JSON with object keys sorted, so that two records compare equal whatever their field order. */
export function stableJson(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : x,
  );
}
