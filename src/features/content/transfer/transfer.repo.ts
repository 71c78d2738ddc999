// Everything the export writes and the import compares against, in id order.
import type { Prisma } from '../../../generated/sqlite/client.ts';
import { allPages, TRANSFER_PAGE } from '../../../platform/batches.ts';
import { readRows, type Db } from '../../../platform/db.ts';
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
