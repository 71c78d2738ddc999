// Addresses for the sitemap: slugs, ids and when each record last changed.
import type { Db } from '../../platform/db.ts';

/** The lists a sitemap names, each read a file's worth at a time in id order. */
export const SITEMAP_LISTS = ['events', 'milestones', 'organizations', 'subjects', 'sources'] as const;
export type SitemapList = (typeof SITEMAP_LISTS)[number];

export interface SitemapRow {
  key: string;
  updatedAt: Date;
}

const bySlug = { select: { slug: true, updatedAt: true }, orderBy: { id: 'asc' } } as const;
const slugged = (rows: { slug: string; updatedAt: Date }[]) => rows.map((r) => ({ key: r.slug, updatedAt: r.updatedAt }));

/** How many rows each list holds. */
export async function sitemapCounts(db: Db): Promise<Record<SitemapList, number>> {
  const [events, milestones, organizations, subjects, sources] = await Promise.all([db.event.count(), db.milestone.count(), db.organization.count(), db.subject.count(), db.source.count()]);
  return { events, milestones, organizations, subjects, sources };
}

/** The rows of one list from `skip` (in id order), at most `take`: their slug (a source: its id) and last change. */
export async function sitemapRows(db: Db, list: SitemapList, skip: number, take: number): Promise<SitemapRow[]> {
  const window = { skip, take };
  switch (list) {
    case 'events':
      return slugged(await db.event.findMany({ ...bySlug, ...window }));
    case 'milestones':
      return slugged(await db.milestone.findMany({ ...bySlug, ...window }));
    case 'organizations':
      return slugged(await db.organization.findMany({ ...bySlug, ...window }));
    case 'subjects':
      return slugged(await db.subject.findMany({ ...bySlug, ...window }));
    case 'sources':
      return (await db.source.findMany({ select: { id: true, updatedAt: true }, orderBy: { id: 'asc' }, ...window })).map((r) => ({ key: String(r.id), updatedAt: r.updatedAt }));
  }
}

/** The name of an organization or subject, or null when the slug is unknown. */
export async function nameOf(db: Db, kind: 'organization' | 'subject', slug: string): Promise<string | null> {
  const row =
    kind === 'organization'
      ? await db.organization.findUnique({ where: { slug }, select: { name: true } })
      : await db.subject.findUnique({ where: { slug }, select: { name: true } });
  return row?.name ?? null;
}
