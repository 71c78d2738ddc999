// Page-level services: gather what one public page shows, as view models.
import type { Db } from '../../platform/db.ts';
import { idFromParam } from '../../platform/http/params.ts';
import { subjectFacts } from '../facts/index.ts';
import { aliasesOf } from '../content/index.ts';
import * as repo from './timeline.repo.ts';
import { eventVM, milestoneVM, sourceRefVM } from './timeline.mappers.ts';
import type { MilestoneVM } from './timeline.view-models.ts';
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
  const { organizations, subjects } = await repo.listFilterNames(db);
  return {
    organizations,
    subjects,
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

/** The filters set in a query, in words, for the collapsed filter bar: [{ label: 'Organization', value: 'Meta' }]. */
export function activeFilters(query: Record<string, string>, options: FilterOptions): { label: string; value: string }[] {
  const names: Record<string, Map<string, string | undefined>> = {
    organization: new Map(options.organizations.map((o) => [o.slug, o.name])),
    subject: new Map(options.subjects.map((o) => [o.slug, o.name])),
    kind: new Map(options.kinds.map((o) => [o.value, o.label])),
    confidence: new Map(options.confidences.map((o) => [o.value, o.label])),
    status: new Map(options.statuses.map((o) => [o.value, o.label])),
    type: new Map([['events', 'Events only'], ['milestones', 'Milestones only'], ['all', 'Everything']]),
  };
  return Object.entries(FILTER_LABELS).flatMap(([key, label]) => {
    const value = query[key];
    if (!value) return [];
    return [{ label, value: names[key]?.get(value) ?? value }];
  });
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

export async function organizationsPage(db: Db) {
  const rows = await repo.listOrganizations(db);
  return rows.map((o) => ({
    slug: o.slug,
    name: o.name,
    url: `/organizations/${o.slug}`,
    description: o.description,
    events: o._count.events,
    milestones: o._count.milestones,
  }));
}

export async function subjectsPage(db: Db) {
  const rows = await repo.listSubjects(db);
  return rows.map((s) => ({
    slug: s.slug,
    name: s.name,
    kind: s.kind,
    url: `/subjects/${s.slug}`,
    organizations: s.organizations.map((o) => o.organization.name),
    events: s._count.events,
    milestones: s._count.milestones,
  }));
}

/** Every claim as the public pages show it, in timeline order. */
export async function allMilestones(db: Db): Promise<MilestoneVM[]> {
  return (await repo.listAllMilestones(db)).map(milestoneVM);
}

export async function listSourcesPage(db: Db, afterId: number | undefined, limit: number) {
  const rows = await repo.listSources(db, { afterId, take: limit + 1 });
  const more = rows.length > limit;
  const page = rows.slice(0, limit);
  return {
    sources: page.map((s) => ({
      ...sourceRefVM(s),
      citesId: s.citesId,
      discrepancies: s.discrepancies.map((d) => ({ claim: d.claim, correction: d.correction })),
    })),
    nextCursor: more ? String(page.at(-1)!.id) : null,
  };
}

/** Source ids in URLs are positive integers; anything else is a page that does not exist. */
export function sourceIdFromParam(raw: string): number {
  return idFromParam(raw, 'source');
}
