import type { SeedData } from '../../prisma/seed/data.ts';
import { parseFuzzyDate } from '../../src/features/dates/index.ts';
import { buildSearchText } from '../../src/features/search/index.ts';
import { seedDatabase } from '../../src/features/seed/index.ts';
import type { Db } from '../../src/platform/db.ts';
import { sortKey } from '../../src/platform/text/sort-key.ts';
import { seedBeforeIssue13 } from '../fixtures/seed-before-issue-13.ts';

/**
 * The fixed world of tests whose subject is not the seed: organizations, sources, events and
 * claims (the seed as it stood before the seed-truth corrections, frozen in test/fixtures).
 * Tests may rely on its slugs, titles and outcomes; the real seed (prisma/seed/data.ts) can
 * change without touching them. Tests about the seed itself load `seedData` instead.
 */
export const TEST_WORLD: SeedData = seedBeforeIssue13;

/** Loads the test world (or other seed-shaped data) through the seed's import path. */
export function loadTestWorld(db: Db, now: Date, world: SeedData = TEST_WORLD) {
  return seedDatabase(db, world, now);
}

let n = 0;
const unique = () => `${Date.now().toString(36)}-${(n++).toString(36)}`;

/** A name with its sort key, for rows written straight through Prisma (the services compute it themselves). */
export const named = (name: string) => ({ name, sortName: sortKey(name) });

export async function makeOrganization(db: Db, over: { name?: string; slug?: string } = {}) {
  const id = unique();
  return db.organization.create({ data: { ...named(over.name ?? `Org ${id}`), slug: over.slug ?? `org-${id}` } });
}

export interface EventSpec {
  title?: string;
  summary?: string;
  date?: string;
  kind?: string;
  confidence?: string;
  organizationIds?: number[];
  subjectIds?: number[];
  tagIds?: number[];
}

export async function makeEvent(db: Db, spec: EventSpec = {}) {
  const title = spec.title ?? `Event ${unique()}`;
  const d = parseFuzzyDate(spec.date ?? '2023-07-18');
  return db.event.create({
    data: {
      slug: `event-${unique()}`,
      title,
      summary: spec.summary ?? '',
      kind: spec.kind ?? 'release',
      confidence: spec.confidence ?? 'confirmed',
      dateStart: d.start,
      dateEnd: d.end,
      datePrecision: d.precision,
      dateText: d.text,
      searchText: buildSearchText([title, spec.summary]),
      organizations: { create: (spec.organizationIds ?? []).map((organizationId) => ({ organizationId })) },
      subjects: { create: (spec.subjectIds ?? []).map((subjectId) => ({ subjectId })) },
      tags: { create: (spec.tagIds ?? []).map((tagId) => ({ tagId })) },
    },
  });
}

/** The fields of a claim that has not been flagged or resolved yet. */
export const UNRESOLVED = {
  status: 'upcoming',
  dueAt: null,
  outcome: null,
  gapDays: null,
  settledByEventId: null,
  resolutionNote: null,
  resolvedAt: null,
  resolvedById: null,
} as const;

/** Puts claims back to unresolved and forgets their transitions (all claims, or the given slugs). */
export function unresolveClaims(db: Db, slugs?: string[]) {
  return [
    db.milestoneTransition.deleteMany({ where: slugs ? { milestone: { slug: { in: slugs } } } : {} }),
    db.milestone.updateMany({ where: slugs ? { slug: { in: slugs } } : {}, data: UNRESOLVED }),
  ] as const;
}
