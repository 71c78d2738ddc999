// Queries behind the Atom and iCalendar feeds.
import type { Db } from '../../platform/db.ts';

export function latestEvents(db: Db, take: number) {
  return db.event.findMany({
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
      organizations: { select: { organization: { select: { name: true } } }, orderBy: { organization: { name: 'asc' } } },
    },
  });
}

export function latestTransitions(db: Db, take: number) {
  return db.milestoneTransition.findMany({
    orderBy: [{ flaggedAt: 'desc' }, { id: 'desc' }],
    take,
    include: {
      milestone: {
        select: { slug: true, title: true, claim: true, expectedText: true, windowStart: true, windowEnd: true, windowPrecision: true, afterText: true },
      },
    },
  });
}

export function datedMilestones(db: Db) {
  return db.milestone.findMany({
    where: { windowStart: { not: null }, windowEnd: { not: null } },
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
