// The public change log: field-level changes to the content, as the admin history shows them,
// without who made them.
import { Feed } from 'feed';
import type { Db } from '../../platform/db.ts';
import { parseChanges, showValue } from '../content/index.ts';
import * as repo from './changes.repo.ts';

export interface PublicChangeVM {
  id: number;
  at: string;
  atLabel: string;
  action: string;
  actionLabel: string;
  entityType: string;
  typeLabel: string;
  entityLabel: string;
  /** The record's page, while it exists. */
  url: string | null;
  fields: { field: string; before: string; after: string }[];
}

const stamp = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
const TYPE_LABELS: Record<string, string> = { event: 'Event', milestone: 'Claim', organization: 'Organization', subject: 'Subject', source: 'Source' };
const ACTION_LABELS: Record<string, string> = { create: 'Added', update: 'Changed', delete: 'Removed' };
const PATHS: Record<string, string> = { event: 'events', milestone: 'milestones', organization: 'organizations', subject: 'subjects' };

/** "dateText" -> "date text" */
function fieldLabel(f: string): string {
  return f.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

export async function publicChanges(db: Db, beforeId: number | undefined, limit: number) {
  const rows = await repo.publicChangeRows(db, beforeId, limit + 1);
  const page = rows.slice(0, limit);
  const idsOf = (t: string) => page.filter((r) => r.entityType === t).map((r) => r.entityId);
  const [slugs, sources] = await Promise.all([
    repo.slugsOf(db, { event: idsOf('event'), milestone: idsOf('milestone'), organization: idsOf('organization'), subject: idsOf('subject') }),
    repo.sourceIdsThere(db, idsOf('source')),
  ]);
  const slugMap = new Map<string, string>();
  for (const [t, list] of Object.entries(slugs)) for (const r of list) slugMap.set(`${t}:${r.id}`, r.slug);
  const changes: PublicChangeVM[] = page.map((r) => {
    const slug = slugMap.get(`${r.entityType}:${r.entityId}`);
    const url =
      r.entityType === 'source' ? (sources.has(r.entityId) ? `/sources/${r.entityId}` : null) : slug && PATHS[r.entityType] ? `/${PATHS[r.entityType]}/${slug}` : null;
    return {
      id: r.id,
      at: r.at.toISOString(),
      atLabel: `${stamp.format(r.at)} UTC`,
      action: r.action,
      actionLabel: ACTION_LABELS[r.action] ?? r.action,
      entityType: r.entityType,
      typeLabel: TYPE_LABELS[r.entityType] ?? r.entityType,
      entityLabel: r.entityLabel,
      url,
      fields: Object.entries(parseChanges(r.changes)).map(([field, c]) => ({
        field: fieldLabel(field),
        before: showValue(c?.before),
        after: showValue(c?.after),
      })),
    };
  });
  return { changes, nextBefore: rows.length > limit ? page.at(-1)!.id : null };
}

/** The latest changes as Atom. `base` is the site's absolute address. */
export async function changesAtom(db: Db, base: string): Promise<string> {
  const { changes } = await publicChanges(db, undefined, 50);
  const feed = new Feed({
    id: `${base}/changes`,
    title: 'Timeline: changes to the data',
    description: 'Every addition, correction and removal in Timeline, field by field.',
    link: `${base}/changes`,
    feedLinks: { atom: `${base}/changes/feed.atom` },
    updated: changes[0] ? new Date(changes[0].at) : new Date(0),
    generator: false,
    copyright: 'Timeline contributors',
  });
  for (const c of changes) {
    feed.addItem({
      id: `${base}/changes#change-${c.id}`,
      link: c.url ? `${base}${c.url}` : `${base}/changes#change-${c.id}`,
      title: `${c.actionLabel}: ${c.typeLabel.toLowerCase()} “${c.entityLabel}”`,
      date: new Date(c.at),
      description: c.fields.map((f) => `${f.field}: ${f.before} → ${f.after}`).join('; '),
    });
  }
  return feed.atom1();
}
