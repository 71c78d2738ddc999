// Addresses for the sitemap: slugs, ids and when each record last changed.
import type { Db } from '../../platform/db.ts';

const page = { select: { slug: true, updatedAt: true }, orderBy: { id: 'asc' } } as const;

export async function sitemapRecords(db: Db) {
  const [events, milestones, organizations, subjects, sources] = await Promise.all([
    db.event.findMany(page),
    db.milestone.findMany(page),
    db.organization.findMany(page),
    db.subject.findMany(page),
    db.source.findMany({ select: { id: true, updatedAt: true }, orderBy: { id: 'asc' } }),
  ]);
  return { events, milestones, organizations, subjects, sources };
}

/** The name of an organization or subject, or null when the slug is unknown. */
export async function nameOf(db: Db, kind: 'organization' | 'subject', slug: string): Promise<string | null> {
  const row =
    kind === 'organization'
      ? await db.organization.findUnique({ where: { slug }, select: { name: true } })
      : await db.subject.findUnique({ where: { slug }, select: { name: true } });
  return row?.name ?? null;
}
