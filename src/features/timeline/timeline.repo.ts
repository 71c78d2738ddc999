// The only place the timeline touches Prisma.
import type { Prisma } from '../../generated/sqlite/client.ts';
import type { Db } from '../../platform/db.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { CursorKey } from './timeline.schema.ts';

export const eventListInclude = {
  organizations: { include: { organization: true }, orderBy: { organization: { name: 'asc' } } },
  subjects: { include: { subject: true }, orderBy: { subject: { name: 'asc' } } },
  tags: { include: { tag: true }, orderBy: { tag: { name: 'asc' } } },
} satisfies Prisma.EventInclude;

export const eventDetailInclude = {
  ...eventListInclude,
  sources: { include: { source: true }, orderBy: [{ position: 'asc' }, { sourceId: 'asc' }] },
} satisfies Prisma.EventInclude;

export const milestoneInclude = {
  organizations: { include: { organization: true }, orderBy: { organization: { name: 'asc' } } },
  subjects: { include: { subject: true }, orderBy: { subject: { name: 'asc' } } },
  source: true,
  afterEvent: { select: { slug: true, title: true } },
  settledBy: { select: { slug: true, title: true, dateStart: true, dateEnd: true, datePrecision: true, dateText: true } },
} satisfies Prisma.MilestoneInclude;

export type EventListRow = Prisma.EventGetPayload<{ include: typeof eventListInclude }>;
export type EventDetailRow = Prisma.EventGetPayload<{ include: typeof eventDetailInclude }>;
export type MilestoneRow = Prisma.MilestoneGetPayload<{ include: typeof milestoneInclude }>;

export interface StreamFilter {
  organizationId?: number;
  subjectId?: number;
  kind?: string;
  confidence?: string;
  status?: string;
  /** Entries whose window overlaps [from, to). */
  from?: Date;
  to?: Date;
  /** Already normalised with normalizeForSearch. */
  search?: string;
}

export interface StreamPage {
  after: CursorKey | null;
  direction: 'asc' | 'desc';
  take: number;
}

type Order = Prisma.SortOrder;

/**
 * Keyset condition for (start, end, title, id) strictly after `k` in the given direction.
 * The leading `start >= k.start` (or <=) lets the database seek in the index instead of scanning
 * from the first row, so page 1,000 costs what page 1 costs.
 */
function keyset(startField: string, endField: string, k: CursorKey, dir: Order) {
  const [s, e, t, id] = k;
  const start = new Date(s);
  const end = new Date(e);
  const op = dir === 'asc' ? 'gt' : 'lt';
  const seek = dir === 'asc' ? 'gte' : 'lte';
  return {
    AND: [
      { [startField]: { [seek]: start } },
      {
        OR: [
          { [startField]: { [op]: start } },
          { [startField]: start, [endField]: { [op]: end } },
          { [startField]: start, [endField]: end, title: { [op]: t } },
          { [startField]: start, [endField]: end, title: t, id: { [op]: id } },
        ],
      },
    ],
  };
}

function overlap(startField: string, endField: string, f: StreamFilter) {
  const and: object[] = [];
  if (f.from) and.push({ [endField]: { gt: f.from } });
  if (f.to) and.push({ [startField]: { lt: f.to } });
  return and;
}

export async function listEvents(db: Db, f: StreamFilter, page: StreamPage): Promise<EventListRow[]> {
  const and: Prisma.EventWhereInput[] = overlap('dateStart', 'dateEnd', f);
  if (f.organizationId) and.push({ organizations: { some: { organizationId: f.organizationId } } });
  if (f.subjectId) and.push({ subjects: { some: { subjectId: f.subjectId } } });
  if (f.kind) and.push({ kind: f.kind });
  if (f.confidence) and.push({ confidence: f.confidence });
  if (f.search) and.push({ searchText: { contains: f.search } });
  if (page.after) and.push(keyset('dateStart', 'dateEnd', page.after, page.direction));
  const d = page.direction;
  return db.event.findMany({
    where: { AND: and },
    orderBy: [{ dateStart: d }, { dateEnd: d }, { title: d }, { id: d }],
    take: page.take,
    include: eventListInclude,
  });
}

export async function listMilestones(db: Db, f: StreamFilter, page: StreamPage): Promise<MilestoneRow[]> {
  const and: Prisma.MilestoneWhereInput[] = overlap('sortStart', 'sortEnd', f);
  if (f.organizationId) and.push({ organizations: { some: { organizationId: f.organizationId } } });
  if (f.subjectId) and.push({ subjects: { some: { subjectId: f.subjectId } } });
  if (f.status) and.push({ status: f.status });
  if (f.search) and.push({ searchText: { contains: f.search } });
  if (page.after) and.push(keyset('sortStart', 'sortEnd', page.after, page.direction));
  const d = page.direction;
  return db.milestone.findMany({
    where: { AND: and },
    orderBy: [{ sortStart: d }, { sortEnd: d }, { title: d }, { id: d }],
    take: page.take,
    include: milestoneInclude,
  });
}

export async function findOrganizationId(db: Db, slug: string): Promise<number | null> {
  const row = await db.organization.findUnique({ where: { slug }, select: { id: true } });
  return row?.id ?? null;
}

export async function findSubjectId(db: Db, slug: string): Promise<number | null> {
  const row = await db.subject.findUnique({ where: { slug }, select: { id: true } });
  return row?.id ?? null;
}

export async function getEventBySlug(db: Db, slug: string) {
  const row = await db.event.findUnique({
    where: { slug },
    include: {
      ...eventDetailInclude,
      settles: { include: milestoneInclude, orderBy: [{ sortStart: 'asc' }, { id: 'asc' }] },
      awaitedBy: { include: milestoneInclude, orderBy: [{ sortStart: 'asc' }, { id: 'asc' }] },
    },
  });
  if (!row) throw new NotFoundError(`No event "${slug}".`);
  return row;
}

export async function getMilestoneBySlug(db: Db, slug: string) {
  const row = await db.milestone.findUnique({
    where: { slug },
    include: {
      ...milestoneInclude,
      revises: { select: { slug: true, title: true } },
      revisedBy: { select: { slug: true, title: true } },
    },
  });
  if (!row) throw new NotFoundError(`No milestone "${slug}".`);
  return row;
}

export async function getOrganizationBySlug(db: Db, slug: string) {
  const row = await db.organization.findUnique({
    where: { slug },
    include: { subjects: { include: { subject: true }, orderBy: { subject: { name: 'asc' } } } },
  });
  if (!row) throw new NotFoundError(`No organization "${slug}".`);
  return row;
}

export async function getSubjectBySlug(db: Db, slug: string) {
  const row = await db.subject.findUnique({
    where: { slug },
    include: { organizations: { include: { organization: true }, orderBy: { organization: { name: 'asc' } } } },
  });
  if (!row) throw new NotFoundError(`No subject "${slug}".`);
  return row;
}

export async function getSource(db: Db, id: number) {
  const row = await db.source.findUnique({
    where: { id },
    include: {
      cites: true,
      citedBy: { orderBy: [{ publishedOn: 'asc' }, { id: 'asc' }] },
      discrepancies: { orderBy: { id: 'asc' } },
      events: {
        include: { event: { include: eventListInclude } },
        orderBy: [{ event: { dateStart: 'asc' } }, { eventId: 'asc' }],
      },
      milestones: { include: milestoneInclude, orderBy: [{ sortStart: 'asc' }, { id: 'asc' }] },
    },
  });
  if (!row) throw new NotFoundError(`No source with id ${id}.`);
  return row;
}

export function listOrganizations(db: Db) {
  return db.organization.findMany({
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    include: { _count: { select: { events: true, milestones: true } } },
  });
}

export function listSubjects(db: Db) {
  return db.subject.findMany({
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    include: {
      organizations: { include: { organization: true }, orderBy: { organization: { name: 'asc' } } },
      _count: { select: { events: true, milestones: true } },
    },
  });
}

export interface SourcePage {
  afterId?: number;
  take: number;
}

export function listSources(db: Db, page: SourcePage) {
  return db.source.findMany({
    where: page.afterId ? { id: { gt: page.afterId } } : {},
    orderBy: { id: 'asc' },
    take: page.take,
    include: { discrepancies: { orderBy: { id: 'asc' } }, cites: true },
  });
}

export function listAllMilestones(db: Db) {
  return db.milestone.findMany({
    orderBy: [{ sortStart: 'asc' }, { sortEnd: 'asc' }, { title: 'asc' }, { id: 'asc' }],
    include: milestoneInclude,
  });
}
