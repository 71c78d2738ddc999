// Everything the export writes and the import compares against, in id order.
import type { Prisma } from '../../../generated/sqlite/client.ts';
import type { Db } from '../../../platform/db.ts';
import { eventInclude, milestoneInclude, sourceInclude, subjectInclude } from '../content.repo.ts';

const fullMilestone = {
  ...milestoneInclude,
  settledBy: { select: { slug: true } },
  revises: { select: { slug: true } },
  transitions: { orderBy: { id: 'asc' } },
} satisfies Prisma.MilestoneInclude;

export type FullMilestoneRow = Prisma.MilestoneGetPayload<{ include: typeof fullMilestone }>;

const byId = { orderBy: { id: 'asc' as const } };

export async function loadAll(db: Db) {
  const [organizations, subjects, tags, sources, events, milestones] = await Promise.all([
    db.organization.findMany(byId),
    db.subject.findMany({ include: subjectInclude, ...byId }),
    db.tag.findMany(byId),
    db.source.findMany({ include: sourceInclude, ...byId }),
    db.event.findMany({ include: eventInclude, ...byId }),
    db.milestone.findMany({ include: fullMilestone, ...byId }),
  ]);
  return { organizations, subjects, tags, sources, events, milestones };
}
export type AllRows = Awaited<ReturnType<typeof loadAll>>;
