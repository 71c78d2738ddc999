// The only place the content feature touches Prisma: lookups, and the write operations that the
// services and the import put together into array transactions.
import type { Prisma } from '../../generated/sqlite/client.ts';
import { inChunks } from '../../platform/batches.ts';
import type { Db } from '../../platform/db.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { sortKey } from '../../platform/text/sort-key.ts';
import type { EntityType } from './audit.ts';
import type { TagRef } from './content.schema.ts';

export type Op = Prisma.PrismaPromise<unknown>;
export type SlugModel = 'organization' | 'subject' | 'event' | 'milestone';
export interface Named {
  id: number;
  slug: string;
  name: string;
  aliases: string;
}

const bySlug = { orderBy: { slug: 'asc' as const } };

export const organizationInclude = {} satisfies Prisma.OrganizationInclude;
export const subjectInclude = {
  organizations: { include: { organization: { select: { id: true, slug: true, name: true } } }, orderBy: { organization: bySlug.orderBy } },
} satisfies Prisma.SubjectInclude;
export const sourceInclude = {
  discrepancies: { orderBy: { id: 'asc' } },
} satisfies Prisma.SourceInclude;
export const eventInclude = {
  organizations: { include: { organization: { select: { id: true, slug: true, name: true } } }, orderBy: { organization: bySlug.orderBy } },
  subjects: { include: { subject: { select: { id: true, slug: true, name: true } } }, orderBy: { subject: bySlug.orderBy } },
  tags: { include: { tag: true }, orderBy: { tag: bySlug.orderBy } },
  sources: { orderBy: [{ position: 'asc' }, { sourceId: 'asc' }] },
} satisfies Prisma.EventInclude;
export const milestoneInclude = {
  organizations: { include: { organization: { select: { id: true, slug: true, name: true } } }, orderBy: { organization: bySlug.orderBy } },
  subjects: { include: { subject: { select: { id: true, slug: true, name: true } } }, orderBy: { subject: bySlug.orderBy } },
  afterEvent: { select: { slug: true } },
} satisfies Prisma.MilestoneInclude;

export type OrganizationRow = Prisma.OrganizationGetPayload<{ include: typeof organizationInclude }>;
export type SubjectRow = Prisma.SubjectGetPayload<{ include: typeof subjectInclude }>;
export type SourceRow = Prisma.SourceGetPayload<{ include: typeof sourceInclude }>;
export type EventRow = Prisma.EventGetPayload<{ include: typeof eventInclude }>;
export type MilestoneRow = Prisma.MilestoneGetPayload<{ include: typeof milestoneInclude }>;

function found<T>(row: T | null, type: string, id: number): T {
  if (!row) throw new NotFoundError(`There is no ${type} #${id}.`);
  return row;
}

export const getOrganization = async (db: Db, id: number) =>
  found(await db.organization.findUnique({ where: { id }, include: organizationInclude }), 'organization', id);
export const getSubject = async (db: Db, id: number) =>
  found(await db.subject.findUnique({ where: { id }, include: subjectInclude }), 'subject', id);
export const getSource = async (db: Db, id: number) =>
  found(await db.source.findUnique({ where: { id }, include: sourceInclude }), 'source', id);
export const getEvent = async (db: Db, id: number) =>
  found(await db.event.findUnique({ where: { id }, include: eventInclude }), 'event', id);
export const getMilestone = async (db: Db, id: number) =>
  found(await db.milestone.findUnique({ where: { id }, include: milestoneInclude }), 'milestone', id);

/** Slugs of a table that start with `prefix` (slugs hold no LIKE wildcards). */
export async function slugsStartingWith(db: Db, model: SlugModel, prefix: string): Promise<string[]> {
  const args = { where: { slug: { startsWith: prefix } }, select: { slug: true }, orderBy: { slug: 'asc' as const } };
  const rows =
    model === 'organization'
      ? await db.organization.findMany(args)
      : model === 'subject'
        ? await db.subject.findMany(args)
        : model === 'event'
          ? await db.event.findMany(args)
          : await db.milestone.findMany(args);
  return rows.map((r) => r.slug);
}

/** The id of the row holding `slug`, or null. */
export async function idOfSlug(db: Db, model: SlugModel, slug: string): Promise<number | null> {
  const args = { where: { slug }, select: { id: true } };
  const row =
    model === 'organization'
      ? await db.organization.findUnique(args)
      : model === 'subject'
        ? await db.subject.findUnique(args)
        : model === 'event'
          ? await db.event.findUnique(args)
          : await db.milestone.findUnique(args);
  return row?.id ?? null;
}

export async function organizationsBySlug(db: Db, slugs: string[]): Promise<Named[]> {
  if (!slugs.length) return [];
  const rows = await inChunks(slugs, (chunk) => db.organization.findMany({ where: { slug: { in: chunk } }, select: { id: true, slug: true, name: true, aliases: true } }));
  return rows.sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
}

export async function subjectsBySlug(db: Db, slugs: string[]): Promise<Named[]> {
  if (!slugs.length) return [];
  const rows = await inChunks(slugs, (chunk) => db.subject.findMany({ where: { slug: { in: chunk } }, select: { id: true, slug: true, name: true, aliases: true } }));
  return rows.sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
}

export async function existingSourceIds(db: Db, ids: number[]): Promise<Set<number>> {
  if (!ids.length) return new Set();
  const rows = await inChunks(ids, (chunk) => db.source.findMany({ where: { id: { in: chunk } }, select: { id: true } }));
  return new Set(rows.map((r) => r.id));
}

export async function eventIdBySlug(db: Db, slug: string): Promise<number | null> {
  return idOfSlug(db, 'event', slug);
}

export async function tagNames(db: Db, slugs: string[]): Promise<Map<string, string>> {
  if (!slugs.length) return new Map();
  const rows = await inChunks(slugs, (chunk) => db.tag.findMany({ where: { slug: { in: chunk } } }));
  return new Map(rows.map((t) => [t.slug, t.name]));
}

// ---------------------------------------------------------------------------
// Writes: plain creates (they return the new id), and operations for array transactions

// Organizations, subjects and tags are written with the sort key of their name (sortName,
// docs/decisions/0045), computed here from the name given: callers never pass it.
type Keyed<T> = Omit<T, 'sortName'>;
type Renamed<T> = Omit<T, 'sortName' | 'name'> & { name?: string };
/** `data` with `sortName` when it sets a name. */
const withSortName = <T extends { name?: string }>(data: T) => (data.name === undefined ? data : { ...data, sortName: sortKey(data.name) });
/** A tag as created: its slug, name and sort key. */
export const tagRow = (t: TagRef) => ({ slug: t.slug, name: t.name, sortName: sortKey(t.name) });

export const createOrganization = (db: Db, data: Keyed<Prisma.OrganizationUncheckedCreateInput>) =>
  db.organization.create({ data: { ...data, sortName: sortKey(data.name) }, select: { id: true } });
export const createSubject = (db: Db, data: Keyed<Prisma.SubjectUncheckedCreateInput>) =>
  db.subject.create({ data: { ...data, sortName: sortKey(data.name) }, select: { id: true } });
export const createSource = (db: Db, data: Prisma.SourceUncheckedCreateInput) => db.source.create({ data, select: { id: true } });
export const createEvent = (db: Db, data: Prisma.EventUncheckedCreateInput) => db.event.create({ data, select: { id: true } });
export const createMilestone = (db: Db, data: Prisma.MilestoneUncheckedCreateInput) => db.milestone.create({ data, select: { id: true } });

export const updateOrganization = (db: Db, id: number, data: Renamed<Prisma.OrganizationUncheckedUpdateInput>): Op =>
  db.organization.update({ where: { id }, data: withSortName(data) });
export const updateSubject = (db: Db, id: number, data: Renamed<Prisma.SubjectUncheckedUpdateInput>): Op => db.subject.update({ where: { id }, data: withSortName(data) });
export const updateSource = (db: Db, id: number, data: Prisma.SourceUncheckedUpdateInput): Op => db.source.update({ where: { id }, data });
export const updateEvent = (db: Db, id: number, data: Prisma.EventUncheckedUpdateInput): Op => db.event.update({ where: { id }, data });
export const updateMilestone = (db: Db, id: number, data: Prisma.MilestoneUncheckedUpdateInput): Op => db.milestone.update({ where: { id }, data });

export function deleteOp(db: Db, type: EntityType, id: number): Op {
  switch (type) {
    case 'organization':
      return db.organization.delete({ where: { id } });
    case 'subject':
      return db.subject.delete({ where: { id } });
    case 'source':
      return db.source.delete({ where: { id } });
    case 'event':
      return db.event.delete({ where: { id } });
    case 'milestone':
      return db.milestone.delete({ where: { id } });
  }
}

export const upsertTag = (db: Db, t: TagRef): Op => {
  const row = tagRow(t);
  return db.tag.upsert({ where: { slug: t.slug }, create: row, update: { name: row.name, sortName: row.sortName } });
};

export const auditOp = (db: Db, data: Prisma.AuditLogUncheckedCreateInput): Op => db.auditLog.create({ data });
export const createAudits = (db: Db, data: Prisma.AuditLogUncheckedCreateInput[]): Op => db.auditLog.createMany({ data });

export function subjectLinkOps(db: Db, subjectId: number, organizationIds: number[], replace: boolean): Op[] {
  return [
    ...(replace ? [db.subjectOrganization.deleteMany({ where: { subjectId } })] : []),
    ...(organizationIds.length ? [db.subjectOrganization.createMany({ data: organizationIds.map((organizationId) => ({ subjectId, organizationId })) })] : []),
  ];
}

export function sourceLinkOps(db: Db, sourceId: number, discrepancies: { claim: string; correction: string }[], replace: boolean): Op[] {
  return [
    ...(replace ? [db.discrepancy.deleteMany({ where: { sourceId } })] : []),
    ...(discrepancies.length ? [db.discrepancy.createMany({ data: discrepancies.map((d) => ({ sourceId, claim: d.claim, correction: d.correction })) })] : []),
  ];
}

export interface EventLinks {
  organizationIds: number[];
  subjectIds: number[];
  sources: { sourceId: number; quote: string | null }[];
  tags: TagRef[];
}

/** The event's links; with `replace`, its old links go first. */
export function eventLinkOps(db: Db, eventId: number, links: EventLinks, replace: boolean): Op[] {
  return [
    ...(replace
      ? [
          db.eventOrganization.deleteMany({ where: { eventId } }),
          db.eventSubject.deleteMany({ where: { eventId } }),
          db.eventSource.deleteMany({ where: { eventId } }),
          db.eventTag.deleteMany({ where: { eventId } }),
        ]
      : []),
    ...(links.organizationIds.length ? [db.eventOrganization.createMany({ data: links.organizationIds.map((organizationId) => ({ eventId, organizationId })) })] : []),
    ...(links.subjectIds.length ? [db.eventSubject.createMany({ data: links.subjectIds.map((subjectId) => ({ eventId, subjectId })) })] : []),
    ...(links.sources.length
      ? [db.eventSource.createMany({ data: links.sources.map((s, position) => ({ eventId, sourceId: s.sourceId, quote: s.quote, position })) })]
      : []),
    ...links.tags.map((t) =>
      db.eventTag.create({
        data: { event: { connect: { id: eventId } }, tag: { connectOrCreate: { where: { slug: t.slug }, create: tagRow(t) } } },
      }),
    ),
  ];
}

export function milestoneLinkOps(db: Db, milestoneId: number, organizationIds: number[], subjectIds: number[], replace: boolean): Op[] {
  return [
    ...(replace
      ? [db.milestoneOrganization.deleteMany({ where: { milestoneId } }), db.milestoneSubject.deleteMany({ where: { milestoneId } })]
      : []),
    ...(organizationIds.length ? [db.milestoneOrganization.createMany({ data: organizationIds.map((organizationId) => ({ milestoneId, organizationId })) })] : []),
    ...(subjectIds.length ? [db.milestoneSubject.createMany({ data: subjectIds.map((subjectId) => ({ milestoneId, subjectId })) })] : []),
  ];
}

// ---------------------------------------------------------------------------
// What refers to a record (deleting it would break or silently change those)

const titles = (rows: { title: string }[]) => rows.map((r) => r.title);
const LIMIT = 20;

export async function referencesTo(db: Db, type: EntityType, id: number): Promise<{ what: string; names: string[] }[]> {
  const order = { orderBy: { id: 'asc' as const }, take: LIMIT };
  switch (type) {
    case 'organization': {
      const [events, subjects, milestones] = await Promise.all([
        db.event.findMany({ where: { organizations: { some: { organizationId: id } } }, select: { title: true }, ...order }),
        db.subject.findMany({ where: { organizations: { some: { organizationId: id } } }, select: { name: true }, ...order }),
        db.milestone.findMany({ where: { organizations: { some: { organizationId: id } } }, select: { title: true }, ...order }),
      ]);
      return [
        { what: 'events', names: titles(events) },
        { what: 'subjects', names: subjects.map((s) => s.name) },
        { what: 'milestones', names: titles(milestones) },
      ];
    }
    case 'subject': {
      const [events, milestones] = await Promise.all([
        db.event.findMany({ where: { subjects: { some: { subjectId: id } } }, select: { title: true }, ...order }),
        db.milestone.findMany({ where: { subjects: { some: { subjectId: id } } }, select: { title: true }, ...order }),
      ]);
      return [
        { what: 'events', names: titles(events) },
        { what: 'milestones', names: titles(milestones) },
      ];
    }
    case 'source': {
      const [events, milestones, citedBy] = await Promise.all([
        db.event.findMany({ where: { sources: { some: { sourceId: id } } }, select: { title: true }, ...order }),
        db.milestone.findMany({ where: { sourceId: id }, select: { title: true }, ...order }),
        db.source.findMany({ where: { citesId: id }, select: { title: true }, ...order }),
      ]);
      return [
        { what: 'events', names: titles(events) },
        { what: 'milestones', names: titles(milestones) },
        { what: 'sources citing it', names: titles(citedBy) },
      ];
    }
    case 'event': {
      const [settles, awaitedBy] = await Promise.all([
        db.milestone.findMany({ where: { settledByEventId: id }, select: { title: true }, ...order }),
        db.milestone.findMany({ where: { afterEventId: id }, select: { title: true }, ...order }),
      ]);
      return [
        { what: 'milestones it settles', names: titles(settles) },
        { what: 'milestones waiting for it', names: titles(awaitedBy) },
      ];
    }
    case 'milestone': {
      const revisedBy = await db.milestone.findMany({ where: { revisesId: id }, select: { title: true }, ...order });
      return [{ what: 'later claims revising it', names: titles(revisedBy) }];
    }
  }
}

// ---------------------------------------------------------------------------
// Rows whose searchText holds an organization's or a subject's name

const names = {
  organizations: { select: { organization: { select: { id: true, name: true, aliases: true } } }, orderBy: { organizationId: 'asc' as const } },
  subjects: { select: { subject: { select: { id: true, name: true, aliases: true } } }, orderBy: { subjectId: 'asc' as const } },
};

export async function rowsNaming(db: Db, kind: 'organization' | 'subject', id: number) {
  const where = kind === 'organization' ? { organizations: { some: { organizationId: id } } } : { subjects: { some: { subjectId: id } } };
  const [events, milestones] = await Promise.all([
    db.event.findMany({
      where,
      select: { id: true, title: true, summary: true, ...names, tags: { select: { tag: { select: { name: true } } }, orderBy: { tagId: 'asc' } } },
      orderBy: { id: 'asc' },
    }),
    db.milestone.findMany({
      where,
      select: { id: true, title: true, claim: true, quote: true, expectedText: true, afterText: true, ...names },
      orderBy: { id: 'asc' },
    }),
  ]);
  return { events, milestones };
}
