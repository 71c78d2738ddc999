// Queries behind /stats: dates, organizations, outcomes and model facts; no free text.
import { join, raw, sqltag as sql, type Sql } from '@prisma/client/runtime/client';
import { isPostgres, readRows, type Db } from '../../platform/db.ts';
import { nameOrder } from '../../platform/text/sort-key.ts';

/**
 * The quarter of a DateTime column as a number, year × 4 + quarter − 1 (`before`: of the last
 * millisecond before it, for the exclusive end of a window). Computed by the database, so that the
 * charts count rows in a GROUP BY instead of reading every row (100,000 events took 1.3–1.9 s).
 * SQLite holds DateTime as the adapter writes it, "2024-04-01T00:00:00.000+00:00": the year and
 * month are read from the text (strftime cost 0.7 s at 100,000 events), and an end at the first
 * instant of a quarter belongs to the quarter before.
 */
function quarterIndex(db: Db, column: Sql, before = false): Sql {
  if (isPostgres(db)) {
    const c = before ? sql`(${column} - INTERVAL '1 millisecond')` : column;
    return sql`(CAST(EXTRACT(YEAR FROM ${c}) AS INTEGER) * 4 + (CAST(EXTRACT(MONTH FROM ${c}) AS INTEGER) - 1) / 3)`;
  }
  const index = sql`(CAST(substr(${column}, 1, 4) AS INTEGER) * 4 + (CAST(substr(${column}, 6, 2) AS INTEGER) - 1) / 3)`;
  if (!before) return index;
  return sql`(${index} - (substr(${column}, 6, 18) IN ('01-01T00:00:00.000', '04-01T00:00:00.000', '07-01T00:00:00.000', '10-01T00:00:00.000')))`;
}

/** How many entries of each organization start in one quarter and end in another (the same one for most). */
export interface QuarterCount {
  organizationId: number;
  first: number;
  last: number;
  n: number;
}

export async function placementsByQuarter(db: Db): Promise<QuarterCount[]> {
  const count = (links: string, table: string, fk: string, start: string, end: string) => {
    const [s, e] = [raw(`x."${start}"`), raw(`x."${end}"`)];
    // The rows first, read from their (start, end, title, id) index without the wide rows: on
    // SQLite, CROSS JOIN keeps that order (130 ms at 100,000 events, 440 ms driven by the links).
    return sql`SELECT j."organizationId" AS "organizationId", ${quarterIndex(db, s)} AS "first", ${quarterIndex(db, e, true)} AS "last", COUNT(*) AS "n"
      FROM ${raw(`"${table}"`)} x ${raw(isPostgres(db) ? 'JOIN' : 'CROSS JOIN')} ${raw(`"${links}"`)} j ON j.${raw(`"${fk}"`)} = x."id"
      GROUP BY j."organizationId", ${quarterIndex(db, s)}, ${quarterIndex(db, e, true)}`;
  };
  const rows = await readRows<{ organizationId: number; first: number; last: number; n: number | bigint }[]>(
    db,
    sql`${count('EventOrganization', 'Event', 'eventId', 'dateStart', 'dateEnd')} UNION ALL ${count('MilestoneOrganization', 'Milestone', 'milestoneId', 'sortStart', 'sortEnd')}`,
  );
  return rows.map((r) => ({ organizationId: Number(r.organizationId), first: Number(r.first), last: Number(r.last), n: Number(r.n) }));
}

export function organizations(db: Db) {
  return db.organization.findMany({ select: { id: true, slug: true, name: true }, orderBy: nameOrder() });
}

/** Claims by the quarter their window closes, with their status and outcome, counted by the database. */
export async function claimOutcomes(db: Db): Promise<{ last: number; status: string; outcome: string | null; n: number }[]> {
  const last = quarterIndex(db, sql`m."sortEnd"`, true);
  const rows = await readRows<{ last: number; status: string; outcome: string | null; n: number | bigint }[]>(
    db,
    sql`SELECT ${last} AS "last", m."status" AS "status", m."outcome" AS "outcome", COUNT(*) AS "n" FROM "Milestone" m GROUP BY ${last}, m."status", m."outcome"`,
  );
  return rows.map((r) => ({ ...r, last: Number(r.last), n: Number(r.n) }));
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
