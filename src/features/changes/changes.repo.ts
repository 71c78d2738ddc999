// The audit log as the public reads it: what changed and when, never who (no user is joined).
import { inChunks } from '../../platform/batches.ts';
import type { Db } from '../../platform/db.ts';

const publicSelect = { id: true, at: true, action: true, entityType: true, entityId: true, entityLabel: true, changes: true } as const;

/** Newest first, keyset-paginated by id. */
export function publicChangeRows(db: Db, beforeId: number | undefined, take: number) {
  return db.auditLog.findMany({ where: beforeId ? { id: { lt: beforeId } } : {}, select: publicSelect, orderBy: { id: 'desc' }, take });
}

/** Slugs of the records still there, for links. */
export async function slugsOf(db: Db, ids: { event: number[]; milestone: number[]; organization: number[]; subject: number[] }) {
  const where = (list: number[]) => ({ where: { id: { in: list } }, select: { id: true, slug: true } });
  const [events, milestones, organizations, subjects] = await Promise.all([
    inChunks(ids.event, (c) => db.event.findMany(where(c))),
    inChunks(ids.milestone, (c) => db.milestone.findMany(where(c))),
    inChunks(ids.organization, (c) => db.organization.findMany(where(c))),
    inChunks(ids.subject, (c) => db.subject.findMany(where(c))),
  ]);
  return { event: events, milestone: milestones, organization: organizations, subject: subjects };
}

export async function sourceIdsThere(db: Db, ids: number[]): Promise<Set<number>> {
  if (!ids.length) return new Set();
  return new Set((await inChunks(ids, (c) => db.source.findMany({ where: { id: { in: c } }, select: { id: true } }))).map((s) => s.id));
}
