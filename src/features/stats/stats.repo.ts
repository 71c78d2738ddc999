// Queries behind /stats: dates, organizations and outcomes only, no text.
import type { Db } from '../../platform/db.ts';

export function eventPlacements(db: Db) {
  return db.eventOrganization.findMany({
    select: { organizationId: true, event: { select: { dateStart: true, dateEnd: true } } },
  });
}

export function milestonePlacements(db: Db) {
  return db.milestoneOrganization.findMany({
    select: { organizationId: true, milestone: { select: { sortStart: true, sortEnd: true } } },
  });
}

export function organizations(db: Db) {
  return db.organization.findMany({ select: { id: true, slug: true, name: true }, orderBy: [{ name: 'asc' }, { id: 'asc' }] });
}

export function claimOutcomes(db: Db) {
  return db.milestone.findMany({ select: { sortStart: true, sortEnd: true, status: true, outcome: true }, orderBy: { id: 'asc' } });
}
