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

/**
 * Above this many rows, a form chooses a source, an event, an organization or a subject by typing
 * (its number or slug, with suggestions from the API as one types) instead of a drop-down or a box
 * for every row: a drop-down of 100,000 events was 9 MB read and sent for each form (decision 47).
 */
export const CHOOSER_MAX = 500;

/** Every row, or (above CHOOSER_MAX) only the chosen ones, to name them beside their field. */
export type Listed<T> = { all: T[] } | { many: number; chosen: T[] };

async function listed<T>(count: Promise<number>, all: () => Promise<T[]>, chosen: () => Promise<T[]>): Promise<Listed<T>> {
  const n = await count;
  return n > CHOOSER_MAX ? { many: n, chosen: await chosen() } : { all: await all() };
}

const sourceFields = { id: true, publisher: true, title: true } as const;

/** What a form offers: only the lists it shows, each given the form's current values (slugs; source numbers). */
export async function choices(db: Db, need: { organizations?: string[]; subjects?: string[]; sources?: string[]; events?: string[] }) {
  const ids = (need.sources ?? []).filter((v) => /^[1-9]\d{0,9}$/.test(v)).map(Number);
  const named = { select: { slug: true, name: true }, orderBy: nameOrder() };
  const [organizations, subjects, sources, events] = await Promise.all([
    need.organizations
      ? listed(db.organization.count(), () => db.organization.findMany(named), () => db.organization.findMany({ ...named, where: { slug: { in: need.organizations! } } }))
      : { all: [] },
    need.subjects
      ? listed(db.subject.count(), () => db.subject.findMany(named), () => db.subject.findMany({ ...named, where: { slug: { in: need.subjects! } } }))
      : { all: [] },
    need.sources
      ? listed(
          db.source.count(),
          () => db.source.findMany({ select: sourceFields, orderBy: [{ publisher: 'asc' }, { title: 'asc' }, { id: 'asc' }] }),
          () => db.source.findMany({ where: { id: { in: ids } }, select: sourceFields }),
        )
      : { all: [] },
    need.events
      ? listed(
          db.event.count(),
          () => db.event.findMany({ select: { slug: true, title: true, dateText: true }, orderBy: [{ dateStart: 'desc' }, { id: 'desc' }] }),
          () => db.event.findMany({ where: { slug: { in: need.events! } }, select: { slug: true, title: true, dateText: true } }),
        )
      : { all: [] },
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
