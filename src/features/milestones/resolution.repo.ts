// Prisma queries for the resolution queue, the resolve and reschedule forms.
import type { Prisma } from '../../generated/sqlite/client.ts';
import type { Db } from '../../platform/db.ts';
import { mapPrismaError } from '../../platform/prisma-errors.ts';
import { ConflictError, NotFoundError } from '../../platform/errors.ts';
import { linkedNameOrder } from '../../platform/text/sort-key.ts';

export const claimInclude = {
  organizations: { include: { organization: { select: { id: true, name: true } } }, orderBy: linkedNameOrder('organization') },
  subjects: { include: { subject: { select: { id: true, name: true } } }, orderBy: linkedNameOrder('subject') },
  afterEvent: { select: { id: true, slug: true, title: true, dateStart: true } },
  source: { select: { id: true, publisher: true, title: true } },
  settledBy: { select: { id: true, slug: true, title: true } },
  revisedBy: { select: { slug: true, title: true } },
} satisfies Prisma.MilestoneInclude;

export type ClaimRow = Prisma.MilestoneGetPayload<{ include: typeof claimInclude }>;

const eventSelect = {
  id: true,
  slug: true,
  title: true,
  dateStart: true,
  dateEnd: true,
  datePrecision: true,
  dateText: true,
  organizations: { select: { organizationId: true, organization: { select: { name: true } } }, orderBy: { organizationId: 'asc' } },
  subjects: { select: { subjectId: true }, orderBy: { subjectId: 'asc' } },
} satisfies Prisma.EventSelect;

export type EventRow = Prisma.EventGetPayload<{ select: typeof eventSelect }>;

export async function getClaimBySlug(db: Db, slug: string): Promise<ClaimRow> {
  const row = await db.milestone.findUnique({ where: { slug }, include: claimInclude });
  if (!row) throw new NotFoundError(`No milestone "${slug}".`);
  return row;
}

export async function getClaim(db: Db, id: number): Promise<ClaimRow> {
  const row = await db.milestone.findUnique({ where: { id }, include: claimInclude });
  if (!row) throw new NotFoundError(`No milestone with id ${id}.`);
  return row;
}

export function listAwaitingResolution(db: Db): Promise<ClaimRow[]> {
  return db.milestone.findMany({
    where: { status: { in: ['due', 'overdue'] } },
    orderBy: [{ dueAt: 'asc' }, { sortStart: 'asc' }, { id: 'asc' }],
    include: claimInclude,
  });
}

export function findEvent(db: Db, id: number): Promise<EventRow | null> {
  return db.event.findUnique({ where: { id }, select: eventSelect });
}

/** Events starting in [from, to), optionally only those about one of the organizations or subjects. */
export function listEventsBetween(
  db: Db,
  range: { from: Date; to: Date },
  about: { organizationIds: number[]; subjectIds: number[] } | null,
  take: number,
): Promise<EventRow[]> {
  const where: Prisma.EventWhereInput = { dateStart: { gte: range.from, lt: range.to } };
  if (about) {
    where.OR = [
      { organizations: { some: { organizationId: { in: about.organizationIds } } } },
      { subjects: { some: { subjectId: { in: about.subjectIds } } } },
    ];
  }
  return db.event.findMany({ where, select: eventSelect, orderBy: [{ dateStart: 'asc' }, { id: 'asc' }], take });
}

export function listSources(db: Db) {
  return db.source.findMany({
    select: { id: true, publisher: true, title: true },
    orderBy: [{ publisher: 'asc' }, { title: 'asc' }, { id: 'asc' }],
  });
}

export function sourceExists(db: Db, id: number): Promise<boolean> {
  return db.source.count({ where: { id } }).then((n) => n > 0);
}

/** One conditional statement: resolves the claim unless someone else resolved it first (or `replace`). */
export async function markResolved(
  db: Db,
  id: number,
  replace: boolean,
  data: Pick<Prisma.MilestoneUncheckedUpdateInput, 'outcome' | 'gapDays' | 'settledByEventId' | 'resolutionNote' | 'resolvedAt' | 'resolvedById'>,
): Promise<boolean> {
  const { count } = await db.milestone.updateMany({
    where: replace ? { id } : { id, status: { not: 'resolved' } },
    data: { ...data, status: 'resolved' },
  });
  return count === 1;
}

export async function slugsStartingWith(db: Db, prefix: string): Promise<Set<string>> {
  const rows = await db.milestone.findMany({ where: { slug: { startsWith: prefix } }, select: { slug: true }, orderBy: { slug: 'asc' } });
  return new Set(rows.map((r) => r.slug));
}

export async function createRevision(db: Db, data: Prisma.MilestoneUncheckedCreateInput) {
  try {
    return await db.milestone.create({ data, select: { id: true, slug: true, title: true } });
  } catch (err) {
    throw mapPrismaError(err, {
      unique: () => new ConflictError('This claim was revised by someone else meanwhile: reload the page and reschedule the newest claim.'),
    });
  }
}
