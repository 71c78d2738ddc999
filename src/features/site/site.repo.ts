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
