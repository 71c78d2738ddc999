// Admin lists, choices for the forms, and the dashboard's numbers.
import type { Db } from '../../platform/db.ts';
import type { EntityType } from '../content/index.ts';
import { nameOrder } from '../../platform/text/sort-key.ts';

export interface ListRow {
  id: number;
  label: string;
  detail: string;
}

/** One page of records, newest first (keyset on id). */
export async function listRows(db: Db, type: EntityType, beforeId: number | undefined, take: number): Promise<ListRow[]> {
  const page = { where: beforeId ? { id: { lt: beforeId } } : {}, orderBy: { id: 'desc' as const }, take };
  switch (type) {
    case 'organization':
      return (await db.organization.findMany({ ...page, select: { id: true, name: true, slug: true } })).map((r) => ({ id: r.id, label: r.name, detail: r.slug }));
    case 'subject':
      return (await db.subject.findMany({ ...page, select: { id: true, name: true, kind: true } })).map((r) => ({ id: r.id, label: r.name, detail: r.kind }));
    case 'source':
      return (await db.source.findMany({ ...page, select: { id: true, title: true, publisher: true } })).map((r) => ({ id: r.id, label: r.title, detail: r.publisher }));
    case 'event':
      return (await db.event.findMany({ ...page, select: { id: true, title: true, dateText: true } })).map((r) => ({ id: r.id, label: r.title, detail: r.dateText }));
    case 'milestone':
      return (await db.milestone.findMany({ ...page, select: { id: true, title: true, status: true } })).map((r) => ({ id: r.id, label: r.title, detail: r.status }));
  }
}

export async function choices(db: Db) {
  const [organizations, subjects, sources, events] = await Promise.all([
    db.organization.findMany({ select: { slug: true, name: true }, orderBy: nameOrder() }),
    db.subject.findMany({ select: { slug: true, name: true }, orderBy: nameOrder() }),
    db.source.findMany({ select: { id: true, publisher: true, title: true }, orderBy: [{ publisher: 'asc' }, { title: 'asc' }, { id: 'asc' }] }),
    db.event.findMany({ select: { slug: true, title: true, dateText: true }, orderBy: [{ dateStart: 'desc' }, { id: 'desc' }] }),
  ]);
  return { organizations, subjects, sources, events };
}
export type Choices = Awaited<ReturnType<typeof choices>>;

export async function counts(db: Db) {
  const [events, milestones, organizations, subjects, sources] = await Promise.all([
    db.event.count(),
    db.milestone.count(),
    db.organization.count(),
    db.subject.count(),
    db.source.count(),
  ]);
  return { events, milestones, organizations, subjects, sources };
}

export function awaitingResolution(db: Db, take = 50) {
  return db.milestone.findMany({
    where: { status: { in: ['due', 'overdue'] } },
    select: { id: true, slug: true, title: true, status: true, expectedText: true, afterText: true },
    orderBy: [{ sortStart: 'asc' }, { id: 'asc' }],
    take,
  });
}
