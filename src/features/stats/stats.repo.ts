// Queries behind /stats: dates, organizations, outcomes and model facts; no free text.
import { join, sqltag as sql } from '@prisma/client/runtime/client';
import type { Db } from '../../platform/db.ts';
import { nameOrder } from '../../platform/text/sort-key.ts';

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
  return db.organization.findMany({ select: { id: true, slug: true, name: true }, orderBy: nameOrder() });
}

export function claimOutcomes(db: Db) {
  return db.milestone.findMany({ select: { sortStart: true, sortEnd: true, status: true, outcome: true }, orderBy: { id: 'asc' } });
}

export interface ModelFactPoint {
  subjectId: number;
  slug: string;
  name: string;
  kind: string;
  value: number;
  released: Date;
  source: string | null;
}

/**
 * The numeric facts a chart plots over time (parameters, training compute), each at the date of
 * its model's first release event; one query whatever the number of models. Every fact is
 * returned oldest first, so the caller keeps the last of each model and kind (the newest value).
 */
export async function modelFactPoints(db: Db, kinds: readonly string[]): Promise<ModelFactPoint[]> {
  const rows = await db.$queryRaw<
    { subjectId: number; slug: string; name: string; kind: string; value: number; released: Date | string; source: string | null }[]
  >(sql`
    SELECT f."subjectId", s."slug", s."name", f."kind", f."value", r."released", src."publisher" AS "source"
    FROM "SubjectFact" f
    JOIN "Subject" s ON s."id" = f."subjectId"
    JOIN (
      SELECT es."subjectId", MIN(e."dateStart") AS "released"
      FROM "EventSubject" es JOIN "Event" e ON e."id" = es."eventId"
      WHERE e."kind" = 'release'
      GROUP BY es."subjectId"
    ) r ON r."subjectId" = f."subjectId"
    LEFT JOIN "Source" src ON src."id" = f."sourceId"
    WHERE f."kind" IN (${join(kinds.map((k) => sql`${k}`))}) AND f."value" > 0
    ORDER BY f."subjectId", f."kind", f."recordedAt", f."id"`);
  // SQLite gives raw DateTime columns back as ISO text, PostgreSQL as Date.
  return rows.map((r) => ({ ...r, subjectId: Number(r.subjectId), value: Number(r.value), released: new Date(r.released) }));
}
