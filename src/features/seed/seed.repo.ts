// The seed's reads: whether a database is empty, what it holds, and where a retired source is.
// Every write goes through the content feature (the import and the audited delete).
import type { Db } from '../../platform/db.ts';

export async function countContent(db: Db) {
  const [organizations, subjects, sources, events, milestones] = await Promise.all([
    db.organization.count(),
    db.subject.count(),
    db.source.count(),
    db.event.count(),
    db.milestone.count(),
  ]);
  return { organizations, subjects, sources, events, milestones };
}

export async function findSourceIds(db: Db, publisher: string, title: string): Promise<number[]> {
  const rows = await db.source.findMany({ where: { publisher, title }, select: { id: true }, orderBy: { id: 'asc' } });
  return rows.map((r) => r.id);
}
