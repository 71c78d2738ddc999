// Queries behind the Atom and iCalendar feeds.
import type { Db } from '../../platform/db.ts';
import { linkedNameOrder } from '../../platform/text/sort-key.ts';

/** Narrows a feed to one organization and/or subject (slugs). */
export interface FeedFilter {
  organization?: string;
  subject?: string;
}

function about(f: FeedFilter) {
  return {
    ...(f.organization ? { organizations: { some: { organization: { slug: f.organization } } } } : {}),
    ...(f.subject ? { subjects: { some: { subject: { slug: f.subject } } } } : {}),
  };
}

export async function filterNames(db: Db, f: FeedFilter): Promise<{ organization?: string | null; subject?: string | null }> {
  const [o, s] = await Promise.all([
    f.organization ? db.organization.findUnique({ where: { slug: f.organization }, select: { name: true } }) : undefined,
    f.subject ? db.subject.findUnique({ where: { slug: f.subject }, select: { name: true } }) : undefined,
  ]);
  return { organization: o === undefined ? undefined : (o?.name ?? null), subject: s === undefined ? undefined : (s?.name ?? null) };
}

export function latestEvents(db: Db, take: number, f: FeedFilter = {}) {
  return db.event.findMany({
    where: about(f),
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take,
    select: {
      slug: true,
      title: true,
      summary: true,
      kind: true,
      dateStart: true,
      dateEnd: true,
      datePrecision: true,
      createdAt: true,
      updatedAt: true,
      organizations: { select: { organization: { select: { name: true } } }, orderBy: linkedNameOrder('organization') },
    },
  });
}

export function latestTransitions(db: Db, take: number, f: FeedFilter = {}) {
  return db.milestoneTransition.findMany({
    where: { milestone: about(f) },
    orderBy: [{ flaggedAt: 'desc' }, { id: 'desc' }],
    take,
    include: {
      milestone: {
        select: { slug: true, title: true, claim: true, expectedText: true, windowStart: true, windowEnd: true, windowPrecision: true, afterText: true },
      },
    },
  });
}

export function datedMilestones(db: Db, f: FeedFilter = {}) {
  return db.milestone.findMany({
    where: { windowStart: { not: null }, windowEnd: { not: null }, ...about(f) },
    orderBy: [{ windowStart: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      slug: true,
      title: true,
      claim: true,
      status: true,
      outcome: true,
      expectedText: true,
      windowStart: true,
      windowEnd: true,
      windowPrecision: true,
      afterText: true,
      updatedAt: true,
      source: { select: { publisher: true, title: true } },
    },
  });
}

/** When the claims last changed (the flag feed's date when nothing has been flagged yet), or null. */
export async function newestClaimChange(db: Db): Promise<Date | null> {
  const [m, v] = await Promise.all([
    db.milestone.aggregate({ _max: { updatedAt: true } }),
    db.contentVersion.findUnique({ where: { id: 1 }, select: { updatedAt: true } }),
  ]);
  return m._max.updatedAt ?? v?.updatedAt ?? null;
}
