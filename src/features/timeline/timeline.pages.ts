// Page-level services: gather what one public page shows, as view models.
import type { Db } from '../../platform/db.ts';
import { idFromParam } from '../../platform/http/params.ts';
import { subjectFacts } from '../facts/index.ts';
import { ValidationError } from '../../platform/errors.ts';
import { matchesWords, parseSearch, searchWords } from '../search/index.ts';
import { aliasesOf } from '../content/index.ts';
import * as repo from './timeline.repo.ts';
import { eventVM, milestoneVM, sourceRefVM } from './timeline.mappers.ts';
import type { MilestoneVM } from './timeline.view-models.ts';
import type { Facets } from './timeline.service.ts';
import { MAX_FILTER_VALUES } from './timeline.schema.ts';
import { CONFIDENCE_LABELS, CONFIDENCES, EVENT_KINDS, KIND_LABELS, MILESTONE_STATUSES, STATUS_LABELS } from '../../domain/vocabulary.ts';

/**
 * The scorecard of a source or of an organization, and a source's calibration. The milestones
 * feature computes them; start-up hands its functions to the pages that show them, so that
 * timeline does not import milestones.
 */
export interface Scoring {
  scorecardFor(db: Db, of: { sourceId: number } | { organizationId: number }): Promise<unknown>;
  calibrationFor(db: Db, sourceId: number): Promise<unknown>;
}

export async function filterOptions(db: Db) {
  const { organizations, subjects, tags } = await repo.listFilterNames(db);
  return {
    organizations,
    subjects,
    tags,
    kinds: EVENT_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] })),
    confidences: CONFIDENCES.map((c) => ({ value: c, label: CONFIDENCE_LABELS[c] })),
    statuses: MILESTONE_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] })),
  };
}

type FilterOptions = Awaited<ReturnType<typeof filterOptions>>;

const FILTER_LABELS: Record<string, string> = {
  organization: 'Organization',
  subject: 'Subject',
  kind: 'Kind',
  confidence: 'Confidence',
  status: 'Status',
  type: 'Show',
  tag: 'Tag',
  from: 'From',
  to: 'To',
  q: 'Search',
};

/** The filters set in a query, in words, for the collapsed filter bar: [{ label: 'Organization', value: 'Meta' }], one per value. */
export function activeFilters(pairs: [string, string][], options: FilterOptions): { label: string; value: string }[] {
  const names: Record<string, Map<string, string | undefined>> = {
    organization: new Map(options.organizations.map((o) => [o.slug, o.name])),
    subject: new Map(options.subjects.map((o) => [o.slug, o.name])),
    tag: new Map(options.tags.map((o) => [o.slug, o.name])),
    kind: new Map(options.kinds.map((o) => [o.value, o.label])),
    confidence: new Map(options.confidences.map((o) => [o.value, o.label])),
    status: new Map(options.statuses.map((o) => [o.value, o.label])),
    type: new Map([['events', 'Events only'], ['milestones', 'Milestones only'], ['all', 'Everything']]),
  };
  return Object.entries(FILTER_LABELS).flatMap(([key, label]) =>
    pairs.filter(([k, v]) => k === key && v).map(([, value]) => ({ label, value: names[key]?.get(value) ?? value })),
  );
}

export interface FilterGroup {
  name: string;
  label: string;
  items: { value: string; label: string; checked: boolean; count: number | null }[];
  /** Values with entries left out of a long list (the ones with most entries are shown). */
  more: number;
}

/**
 * A checkbox list shows at most this many values, chosen ones always among them: as many as one
 * filter takes, so that ticking every box of a list is never refused.
 */
export const FILTER_LIST_MAX = MAX_FILTER_VALUES;

/**
 * The several-valued filters of the home page as checkbox lists, each value with its count for
 * the current query (facets) when known. Organizations and tags without entries for the query
 * are left out unless chosen, so that long lists stay short.
 */
export function filterGroups(options: FilterOptions, chosen: Record<string, Set<string>>, facets: Facets | null): FilterGroup[] {
  const group = (name: string, label: string, values: { value: string; label: string | undefined }[], facet: keyof Facets | null, prune: boolean): FilterGroup => {
    const counts = facet && facets ? new Map(facets[facet].map((f) => [f.value, f.count])) : null;
    const picked = chosen[name] ?? new Set<string>();
    const all = values
      .map((v) => ({ value: v.value, label: v.label ?? v.value, checked: picked.has(v.value), count: counts ? (counts.get(v.value) ?? 0) : null }))
      .filter((v) => !prune || !counts || v.checked || (v.count ?? 0) > 0);
    if (all.length <= FILTER_LIST_MAX) return { name, label, items: all, more: 0 };
    // A long list (thousands of models): the chosen values, then those with most entries, in the list's order.
    const ranked = [...all].sort((a, b) => Number(b.checked) - Number(a.checked) || (b.count ?? 0) - (a.count ?? 0));
    const kept = new Set(ranked.slice(0, Math.max(FILTER_LIST_MAX, picked.size)).map((v) => v.value));
    return { name, label, items: all.filter((v) => kept.has(v.value)), more: all.length - kept.size };
  };
  return [
    group('organization', 'Organization', options.organizations.map((o) => ({ value: o.slug, label: o.name })), 'organization', true),
    group('subject', 'Subject', options.subjects.map((o) => ({ value: o.slug, label: o.name })), 'subject', true),
    group('kind', 'Kind of event', options.kinds, 'kind', false),
    group('confidence', 'Confidence', options.confidences, 'confidence', false),
    group('status', 'Milestone status', options.statuses, 'status', false),
    group('tag', 'Tag', options.tags.map((o) => ({ value: o.slug, label: o.name })), 'tag', true),
  ];
}

export async function eventPage(db: Db, slug: string) {
  const row = await repo.getEventBySlug(db, slug);
  const claimsInSources = await repo.listMilestonesOfSources(db, row.sources.map((s) => s.sourceId));
  return {
    event: eventVM(row),
    updatedAt: row.updatedAt.toISOString(),
    claimsInSources: claimsInSources.map(milestoneVM),
    settles: row.settles.map(milestoneVM),
    awaitedBy: row.awaitedBy.map(milestoneVM),
  };
}

export async function milestonePage(db: Db, slug: string) {
  const row = await repo.getMilestoneBySlug(db, slug);
  return {
    milestone: milestoneVM(row),
    updatedAt: row.updatedAt.toISOString(),
    revises: row.revises ? { ...row.revises, url: `/milestones/${row.revises.slug}` } : null,
    revisedBy: row.revisedBy ? { ...row.revisedBy, url: `/milestones/${row.revisedBy.slug}` } : null,
  };
}

export type MilestonePageVM = Awaited<ReturnType<typeof milestonePage>>;

export async function organizationPage(db: Db, scoring: Scoring, slug: string) {
  const org = await repo.getOrganizationBySlug(db, slug);
  return {
    scorecard: await scoring.scorecardFor(db, { organizationId: org.id }),
    organization: {
      slug: org.slug,
      name: org.name,
      website: org.website,
      description: org.description,
      aliases: aliasesOf(org.aliases),
      subjects: org.subjects.map((s) => ({ slug: s.subject.slug, name: s.subject.name, url: `/subjects/${s.subject.slug}` })),
    },
  };
}

export async function subjectPage(db: Db, slug: string) {
  const s = await repo.getSubjectBySlug(db, slug);
  return {
    facts: await subjectFacts(db, s.id),
    subject: {
      slug: s.slug,
      name: s.name,
      kind: s.kind,
      description: s.description,
      aliases: aliasesOf(s.aliases),
      organizations: s.organizations.map((o) => ({
        slug: o.organization.slug,
        name: o.organization.name,
        url: `/organizations/${o.organization.slug}`,
      })),
    },
  };
}

export async function sourcePage(db: Db, scoring: Scoring, id: number) {
  const s = await repo.getSource(db, id);
  return {
    scorecard: await scoring.scorecardFor(db, { sourceId: id }),
    calibration: await scoring.calibrationFor(db, id),
    source: {
      ...sourceRefVM(s),
      cites: s.cites ? sourceRefVM(s.cites) : null,
      citedBy: s.citedBy.map((c) => sourceRefVM(c)),
      discrepancies: s.discrepancies.map((d) => ({ claim: d.claim, correction: d.correction })),
    },
    events: s.events.map((es) => ({ ...eventVM(es.event), quote: es.quote })),
    eventsMore: s._count.events - s.events.length,
    milestones: s.milestones.map(milestoneVM),
    milestonesMore: s._count.milestones - s.milestones.length,
  };
}

type OrganizationRow = Awaited<ReturnType<typeof repo.listOrganizations>>[number];
type SubjectRow = Awaited<ReturnType<typeof repo.listSubjects>>[number];
type SourceRow = Awaited<ReturnType<typeof repo.listSources>>[number];

export async function organizationsPage(db: Db) {
  return (await repo.listOrganizations(db)).map(organizationItem);
}

function organizationItem(o: OrganizationRow) {
  return {
    slug: o.slug,
    name: o.name,
    url: `/organizations/${o.slug}`,
    description: o.description,
    events: o._count.events,
    milestones: o._count.milestones,
  };
}

export async function subjectsPage(db: Db) {
  return (await repo.listSubjects(db)).map(subjectItem);
}

function subjectItem(s: SubjectRow) {
  return {
    slug: s.slug,
    name: s.name,
    kind: s.kind,
    url: `/subjects/${s.slug}`,
    organizations: s.organizations.map((o) => o.organization.name),
    events: s._count.events,
    milestones: s._count.milestones,
  };
}

/** Every claim as the public pages show it, in timeline order. */
export async function allMilestones(db: Db): Promise<MilestoneVM[]> {
  return (await repo.listAllMilestones(db)).map(milestoneVM);
}

function sourceItem(s: SourceRow) {
  return {
    ...sourceRefVM(s),
    citesId: s.citesId,
    discrepancies: s.discrepancies.map((d) => ({ claim: d.claim, correction: d.correction })),
  };
}

export async function listSourcesPage(db: Db, afterId: number | undefined, limit: number) {
  const page = await searchNamedList(db, 'sources', undefined, afterId === undefined ? undefined : String(afterId), limit);
  return { sources: page.data as ReturnType<typeof sourceItem>[], nextCursor: page.nextCursor };
}

const SCAN_BATCH = 200;
const DAMAGED = 'This page link is damaged: start again from the first page.';

/** The cursor of a page in name order: [sortName, name, id] of its last row, as base64url JSON. */
const encodeNameKey = (r: { sortName: string; name: string; id: number }) => Buffer.from(JSON.stringify([r.sortName, r.name, r.id])).toString('base64url');

/** A cursor of encodeNameKey; one of another shape (the former [name, id]) is damaged: 400. */
function decodeNameKey(cursor: string): repo.NameKey {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 3 && typeof v[0] === 'string' && typeof v[1] === 'string' && Number.isInteger(v[2]) && v[2] > 0) return [v[0], v[1], v[2]];
  } catch {
    // falls through
  }
  throw new ValidationError(DAMAGED, { cursor: DAMAGED });
}

/**
 * A page of organizations or subjects (in name order, docs/decisions/0045) or sources (by id),
 * with the timeline's search syntax on their names (and descriptions, publishers). These tables
 * are small beside the events, so the search reads them in batches in key order and matches the
 * folded words in the application (docs/decisions/0021): the same answer on both engines, no
 * extra index.
 */
export async function searchNamedList(
  db: Db,
  what: 'organizations' | 'subjects' | 'sources',
  text: string | undefined,
  cursor: string | undefined,
  limit: number,
): Promise<{ data: unknown[]; nextCursor: string | null }> {
  const q = text ? parseSearch(text) : null;
  const take = q ? SCAN_BATCH : limit + 1;
  const found: { key: string; item: unknown }[] = [];
  if (what === 'sources') {
    if (cursor !== undefined && !/^[1-9]\d{0,9}$/.test(cursor)) throw new ValidationError(DAMAGED, { cursor: DAMAGED });
    let afterId = cursor === undefined ? undefined : Number(cursor);
    for (;;) {
      const rows = await repo.listSources(db, { afterId, take });
      for (const r of rows) if (!q || matchesWords(q, searchWords(`${r.title} ${r.publisher}`))) found.push({ key: String(r.id), item: sourceItem(r) });
      if (rows.length < take || found.length > limit) break;
      afterId = rows.at(-1)!.id;
    }
  } else {
    let after = cursor === undefined ? undefined : decodeNameKey(cursor);
    for (;;) {
      const rows = what === 'organizations' ? await repo.listOrganizations(db, { after, take }) : await repo.listSubjects(db, { after, take });
      for (const r of rows) {
        if (q && !matchesWords(q, searchWords(`${r.name} ${r.description}`))) continue;
        found.push({ key: encodeNameKey(r), item: what === 'organizations' ? organizationItem(r as OrganizationRow) : subjectItem(r as SubjectRow) });
      }
      if (rows.length < take || found.length > limit) break;
      const last = rows.at(-1)!;
      after = [last.sortName, last.name, last.id];
    }
  }
  const page = found.slice(0, limit);
  return { data: page.map((f) => f.item), nextCursor: found.length > limit ? page.at(-1)!.key : null };
}

/** Source ids in URLs are positive integers; anything else is a page that does not exist. */
export function sourceIdFromParam(raw: string): number {
  return idFromParam(raw, 'source');
}
