// Everything the export writes and the import compares against, in id order.
import type { Prisma } from '../../../generated/sqlite/client.ts';
import { allPages, TRANSFER_PAGE } from '../../../platform/batches.ts';
import { oneOf, readRows, type Db } from '../../../platform/db.ts';
import { raw, sqltag as sql } from '@prisma/client/runtime/client';
import { eventInclude, milestoneInclude, sourceInclude, subjectInclude } from '../content.repo.ts';

export const fullMilestone = {
  ...milestoneInclude,
  settledBy: { select: { slug: true } },
  revises: { select: { slug: true } },
  transitions: { orderBy: { id: 'asc' } },
} satisfies Prisma.MilestoneInclude;

export type FullMilestoneRow = Prisma.MilestoneGetPayload<{ include: typeof fullMilestone }>;

const page = (after: number, take: number) => ({ where: { id: { gt: after } }, orderBy: { id: 'asc' as const }, take });

export const readers = {
  organizations: (db: Db) => (after: number, take: number) => db.organization.findMany(page(after, take)),
  subjects: (db: Db) => (after: number, take: number) => db.subject.findMany({ include: subjectInclude, ...page(after, take) }),
  tags: (db: Db) => (after: number, take: number) => db.tag.findMany(page(after, take)),
  sources: (db: Db) => (after: number, take: number) => db.source.findMany({ include: sourceInclude, ...page(after, take) }),
  events: (db: Db) => (after: number, take: number) => db.event.findMany({ include: eventInclude, ...page(after, take) }),
  milestones: (db: Db) => (after: number, take: number) => db.milestone.findMany({ include: fullMilestone, ...page(after, take) }),
};

/**
 * The keys of the larger tables, without their rows: what an import checks references against
 * (decision 44). Raw reads (readRows): 100,000 event keys read through Prisma's model queries took
 * 260–660 ms, most of it building result objects.
 */
const keyPage = <T>(table: string, columns: string) => (db: Db) => (after: number, take: number) =>
  readRows<T[]>(db, sql`SELECT ${raw(columns)} FROM ${raw(`"${table}"`)} WHERE "id" > ${after} ORDER BY "id" LIMIT ${take}`);
export const keyReaders = {
  sources: keyPage<{ id: number; publisher: string; title: string }>('Source', '"id", "publisher", "title"'),
  events: keyPage<{ id: number; slug: string }>('Event', '"id", "slug"'),
  milestones: keyPage<{ id: number; slug: string }>('Milestone', '"id", "slug"'),
};

/** The slugs linked to each of `ids` through a link table: `owner` is the link's column naming them, `column` the one naming a row of `target`. */
function linkedSlugs(db: Db, table: string, owner: string, column: string, target: string, ids: number[]) {
  return readRows<{ owner: number; slug: string }[]>(
    db,
    sql`SELECT j.${raw(`"${owner}"`)} AS "owner", t."slug" FROM ${raw(`"${table}"`)} j JOIN ${raw(`"${target}"`)} t ON t."id" = j.${raw(`"${column}"`)} WHERE ${oneOf(db, sql`j.${raw(`"${owner}"`)}`, ids)}`,
  );
}

/** What an import reads of the organizations, subjects and tags it holds whole (rowsToRecords, the alias check, the names in searchText, the ids). */
export type HeldOrganization = Pick<AllRows['organizations'][number], 'id' | 'slug' | 'name' | 'website' | 'description' | 'aliases'>;
export type HeldSubject = Pick<AllRows['subjects'][number], 'id' | 'slug' | 'name' | 'kind' | 'description' | 'aliases'> & { organizations: { organization: { slug: string } }[] };
export type HeldTag = Pick<AllRows['tags'][number], 'id' | 'slug' | 'name'>;

/**
 * The organizations, subjects (with their organizations' slugs) and tags an import holds, in id
 * pages, by raw reads: through Prisma each was a query plan compiled again for every import, and
 * twice for the Epoch import (its match, then the write's transaction).
 */
export const nameReaders = {
  organizations: keyPage<HeldOrganization>('Organization', '"id", "slug", "name", "website", "description", "aliases"'),
  subjects: (db: Db) => async (after: number, take: number): Promise<HeldSubject[]> => {
    const rows = await keyPage<Omit<HeldSubject, 'organizations'>>('Subject', '"id", "slug", "name", "kind", "description", "aliases"')(db)(after, take);
    const byId = new Map(rows.map((r): [number, HeldSubject] => [Number(r.id), { ...r, id: Number(r.id), organizations: [] }]));
    if (byId.size) for (const l of await linkedSlugs(db, 'SubjectOrganization', 'subjectId', 'organizationId', 'Organization', [...byId.keys()])) byId.get(Number(l.owner))?.organizations.push({ organization: { slug: l.slug } });
    return [...byId.values()];
  },
  tags: keyPage<HeldTag>('Tag', '"id", "slug", "name"'),
};

export async function loadAll(db: Db) {
  const [organizations, subjects, tags, sources, events, milestones] = await Promise.all([
    allPages(readers.organizations(db), TRANSFER_PAGE),
    allPages(readers.subjects(db), TRANSFER_PAGE),
    allPages(readers.tags(db), TRANSFER_PAGE),
    allPages(readers.sources(db), TRANSFER_PAGE),
    allPages(readers.events(db), TRANSFER_PAGE),
    allPages(readers.milestones(db), TRANSFER_PAGE),
  ]);
  return { organizations, subjects, tags, sources, events, milestones };
}
export type AllRows = Awaited<ReturnType<typeof loadAll>>;

/** No rows at all: the base for converting one entity's page (rowsToRecords). */
export const NO_ROWS: AllRows = { organizations: [], subjects: [], tags: [], sources: [], events: [], milestones: [] };

/** What rowsToRecords reads of an event: its columns and the keys of its links. */
export type EventRecordRow = Pick<AllRows['events'][number], 'id' | 'slug' | 'title' | 'summary' | 'kind' | 'confidence' | 'dateStart' | 'dateEnd' | 'datePrecision' | 'dateText'> & {
  organizations: { organization: { slug: string } }[];
  subjects: { subject: { slug: string } }[];
  tags: { tag: { slug: string } }[];
  sources: { sourceId: number; quote: string | null }[];
};

/** Rows as rowsToRecords takes them: the events may be EventRecordRows, the organizations, subjects and tags what nameReaders read. */
export type RecordRows = Omit<AllRows, 'events' | 'organizations' | 'subjects' | 'tags'> & { events: EventRecordRow[]; organizations: HeldOrganization[]; subjects: HeldSubject[]; tags: HeldTag[] };

/**
 * Events by slug (at most a few hundred: one segment) with the keys of their links, in id order:
 * what an import compares a segment against. Raw reads (readRows): Prisma keeps no query plan
 * between calls, so each `findMany` with `eventInclude` compiled a plan of five statements
 * again, and the Epoch import reads its events three times (the match, the check, the write).
 */
export async function eventsBySlug(db: Db, slugs: string[]): Promise<EventRecordRow[]> {
  if (!slugs.length) return [];
  type Row = Omit<EventRecordRow, 'dateStart' | 'dateEnd' | 'organizations' | 'subjects' | 'tags' | 'sources'> & { dateStart: Date | string; dateEnd: Date | string };
  const rows = await readRows<Row[]>(
    db,
    sql`SELECT "id", "slug", "title", "summary", "kind", "confidence", "dateStart", "dateEnd", "datePrecision", "dateText" FROM "Event" WHERE ${oneOf(db, sql`"slug"`, slugs, 'TEXT')} ORDER BY "id"`,
  );
  if (!rows.length) return [];
  const ids = rows.map((e) => Number(e.id));
  const linked = (table: string, column: string, target: string) => linkedSlugs(db, table, 'eventId', column, target, ids);
  const [organizations, subjects, tags, sources] = await Promise.all([
    linked('EventOrganization', 'organizationId', 'Organization'),
    linked('EventSubject', 'subjectId', 'Subject'),
    linked('EventTag', 'tagId', 'Tag'),
    readRows<{ eventId: number; sourceId: number; quote: string | null }[]>(db, sql`SELECT "eventId", "sourceId", "quote" FROM "EventSource" WHERE ${oneOf(db, sql`"eventId"`, ids)} ORDER BY "eventId", "position", "sourceId"`),
  ]);
  const byId = new Map<number, EventRecordRow>();
  const out = rows.map((e) => {
    const row: EventRecordRow = { ...e, id: Number(e.id), dateStart: new Date(e.dateStart), dateEnd: new Date(e.dateEnd), organizations: [], subjects: [], tags: [], sources: [] };
    byId.set(row.id, row);
    return row;
  });
  for (const l of organizations) byId.get(Number(l.owner))?.organizations.push({ organization: { slug: l.slug } });
  for (const l of subjects) byId.get(Number(l.owner))?.subjects.push({ subject: { slug: l.slug } });
  for (const l of tags) byId.get(Number(l.owner))?.tags.push({ tag: { slug: l.slug } });
  for (const s of sources) byId.get(Number(s.eventId))?.sources.push({ sourceId: Number(s.sourceId), quote: s.quote });
  return out;
}
