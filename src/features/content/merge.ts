// Merging two organizations or two subjects into one (docs/decisions/0034): every reference moves
// to the kept record, the merged one's name and aliases become the kept one's aliases, its slug
// redirects (301) to the kept record, both records' histories say so, and the merged row goes.
// One array transaction, like every other write here.
import { bumpContentVersion } from '../../platform/content-version.ts';
import type { Db } from '../../platform/db.ts';
import { ValidationError } from '../../platform/errors.ts';
import { aliasesOf, aliasKey, aliasText, searchName } from './aliases.ts';
import { auditData, type WriteContext } from './audit.ts';
import { mapWriteError } from './commit.ts';
import * as repo from './content.repo.ts';
import { eventSearchText, milestoneSearchText } from './search-fields.ts';
import { nameOrder } from '../../platform/text/sort-key.ts';

export type MergeKind = 'organization' | 'subject';

export interface MergeResult {
  kept: { id: number; slug: string; name: string };
  merged: { id: number; slug: string; name: string };
}

interface Rec {
  id: number;
  slug: string;
  name: string;
  aliases: string;
}

/** The columns of a record that a merge reads. */
const select = { id: true, slug: true, name: true, aliases: true } as const;

async function find(db: Db, kind: MergeKind, by: { id: number } | { slug: string }): Promise<Rec | null> {
  return kind === 'organization' ? db.organization.findUnique({ where: by, select }) : db.subject.findUnique({ where: by, select });
}

/** The kept record's aliases after the merge: its own, then the merged one's name and aliases. */
export function mergedAliases(kept: { name: string; aliases: string }, merged: { name: string; aliases: string }): string[] {
  const seen = new Set([aliasKey(kept.name)]);
  const out: string[] = [];
  for (const a of [...aliasesOf(kept.aliases), merged.name, ...aliasesOf(merged.aliases)]) {
    const k = aliasKey(a);
    if (!k || seen.has(k)) continue;
    seen.add(k);
    out.push(a);
  }
  return out;
}

/** At most this many names are offered to pick from when merging (a datalist, filtered as the admin types). */
export const MERGE_CHOICES_MAX = 300;

/**
 * What a record may be merged into, for the form to offer: the other records of its kind, those
 * sharing a word with its name or aliases first (the likely duplicates), then by name.
 */
export async function mergeCandidates(db: Db, kind: MergeKind, fromId: number): Promise<{ slug: string; name: string }[]> {
  const from = await find(db, kind, { id: fromId });
  if (!from) return [];
  const words = new Set([from.name, ...aliasesOf(from.aliases)].flatMap((n) => aliasKey(n).split(' ')).filter((w) => w.length > 1));
  const shared = (r: Rec) => [r.name, ...aliasesOf(r.aliases)].flatMap((n) => aliasKey(n).split(' ')).filter((w) => words.has(w)).length;
  const where = { id: { not: fromId } };
  const orderBy = nameOrder();
  // Names only: a few thousand short rows at most (organizations, models).
  const rows: Rec[] = kind === 'organization' ? await db.organization.findMany({ where, select, orderBy }) : await db.subject.findMany({ where, select, orderBy });
  return rows
    .map((r) => ({ r, score: shared(r) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, MERGE_CHOICES_MAX)
    .map(({ r }) => ({ slug: r.slug, name: r.name }));
}

const refuse = (message: string): never => {
  throw new ValidationError(message, { into: message });
};

/**
 * Merges record `fromId` into the record whose slug (or name) is `into`. Field errors (key `into`)
 * when the target is missing or is the record itself.
 */
export async function mergeRecords(ctx: WriteContext, kind: MergeKind, fromId: number, into: string): Promise<MergeResult> {
  const { db } = ctx;
  const from = await find(db, kind, { id: fromId });
  if (!from) return refuse(`This ${kind} no longer exists: someone may have merged or deleted it.`);
  const wanted = into.trim();
  if (!wanted) return refuse(`Choose the ${kind} to merge “${from.name}” into.`);
  const to = (await find(db, kind, { slug: wanted })) ?? (await byName(db, kind, wanted));
  if (!to) return refuse(`There is no ${kind} “${wanted}”: give the slug or the name of the one to keep.`);
  if (to.id === from.id) return refuse(`A ${kind} cannot be merged into itself: choose another one to keep.`);

  const aliases = mergedAliases(to, from);
  const keptSearch = searchName({ name: to.name, aliases: aliasText(aliases) });
  const ops: repo.Op[] = kind === 'organization' ? organizationOps(db, from.id, to.id) : subjectOps(db, from.id, to.id);
  ops.push(...(await searchTextOps(db, kind, from.id, to.id, keptSearch)));
  const data = { aliases: aliasText(aliases) };
  ops.push(kind === 'organization' ? db.organization.update({ where: { id: to.id }, data }) : db.subject.update({ where: { id: to.id }, data }));
  // Older redirects to the merged record now lead to the kept one; the merged slug joins them.
  ops.push(db.redirect.updateMany({ where: { entityType: kind, toId: from.id }, data: { toId: to.id } }));
  ops.push(db.redirect.deleteMany({ where: { entityType: kind, fromSlug: from.slug } }));
  ops.push(db.redirect.create({ data: { entityType: kind, fromSlug: from.slug, toId: to.id, createdAt: ctx.now } }));
  ops.push(
    repo.auditOp(
      db,
      auditData(ctx, {
        type: kind,
        id: to.id,
        label: to.name,
        action: 'update',
        changes: {
          mergedFrom: { before: null, after: `${from.name} (${from.slug})` },
          aliases: { before: aliasesOf(to.aliases), after: aliases },
        },
      }),
    ),
    repo.auditOp(
      db,
      auditData(ctx, {
        type: kind,
        id: from.id,
        label: from.name,
        action: 'delete',
        changes: {
          mergedInto: { before: null, after: `${to.name} (${to.slug})` },
          slug: { before: from.slug, after: null },
          name: { before: from.name, after: null },
        },
      }),
    ),
    repo.deleteOp(db, kind, from.id),
  );
  try {
    await db.$transaction(ops);
  } catch (err) {
    throw mapWriteError(err, kind);
  }
  await bumpContentVersion(db);
  return { kept: { id: to.id, slug: to.slug, name: to.name }, merged: { id: from.id, slug: from.slug, name: from.name } };
}

async function byName(db: Db, kind: MergeKind, name: string): Promise<Rec | null> {
  const rows = kind === 'organization' ? await db.organization.findMany({ where: { name }, select, take: 2 }) : await db.subject.findMany({ where: { name }, select, take: 2 });
  return rows.length === 1 ? rows[0]! : null;
}

/**
 * Moves links from `from` to `to`; a row linked to both keeps one link. The rows linked to both
 * are found by the database (a relation filter), not listed here: no variable per row.
 */
function organizationOps(db: Db, from: number, to: number): repo.Op[] {
  const alsoTo = { some: { organizationId: to } };
  return [
    db.eventOrganization.deleteMany({ where: { organizationId: from, event: { organizations: alsoTo } } }),
    db.eventOrganization.updateMany({ where: { organizationId: from }, data: { organizationId: to } }),
    db.subjectOrganization.deleteMany({ where: { organizationId: from, subject: { organizations: alsoTo } } }),
    db.subjectOrganization.updateMany({ where: { organizationId: from }, data: { organizationId: to } }),
    db.milestoneOrganization.deleteMany({ where: { organizationId: from, milestone: { organizations: alsoTo } } }),
    db.milestoneOrganization.updateMany({ where: { organizationId: from }, data: { organizationId: to } }),
  ];
}

function subjectOps(db: Db, from: number, to: number): repo.Op[] {
  const alsoTo = { some: { subjectId: to } };
  return [
    db.eventSubject.deleteMany({ where: { subjectId: from, event: { subjects: alsoTo } } }),
    db.eventSubject.updateMany({ where: { subjectId: from }, data: { subjectId: to } }),
    db.milestoneSubject.deleteMany({ where: { subjectId: from, milestone: { subjects: alsoTo } } }),
    db.milestoneSubject.updateMany({ where: { subjectId: from }, data: { subjectId: to } }),
    // The merged subject's organizations join the kept one's.
    db.subjectOrganization.deleteMany({ where: { subjectId: from, organization: { subjects: alsoTo } } }),
    db.subjectOrganization.updateMany({ where: { subjectId: from }, data: { subjectId: to } }),
    // Facts (with their history) and base-model links move too.
    db.subjectFact.updateMany({ where: { subjectId: from }, data: { subjectId: to } }),
    db.subjectFact.updateMany({ where: { refSubjectId: from }, data: { refSubjectId: to } }),
  ];
}

/** searchText of every event and claim naming either record, as they will read after the merge. */
async function searchTextOps(db: Db, kind: MergeKind, from: number, to: number, keptSearch: string): Promise<repo.Op[]> {
  const [a, b] = await Promise.all([repo.rowsNaming(db, kind, from), repo.rowsNaming(db, kind, to)]);
  const events = new Map([...a.events, ...b.events].map((e) => [e.id, e]));
  const milestones = new Map([...a.milestones, ...b.milestones].map((m) => [m.id, m]));
  type Row = { id: number; name: string; aliases: string };
  const names = (rows: Row[], mine: boolean) => {
    const out: string[] = [];
    let keptDone = false;
    for (const r of rows) {
      if (mine && (r.id === from || r.id === to)) {
        if (!keptDone) out.push(keptSearch);
        keptDone = true;
      } else out.push(searchName(r));
    }
    return out;
  };
  const orgs = (r: { organizations: { organization: Row }[] }) => names(r.organizations.map((o) => o.organization), kind === 'organization');
  const subs = (r: { subjects: { subject: Row }[] }) => names(r.subjects.map((s) => s.subject), kind === 'subject');
  return [
    ...[...events.values()].map((e) =>
      repo.updateEvent(db, e.id, { searchText: eventSearchText(e.title, e.summary, orgs(e), subs(e), e.tags.map((t) => t.tag.name)) }),
    ),
    ...[...milestones.values()].map((m) => repo.updateMilestone(db, m.id, { searchText: milestoneSearchText(m, orgs(m), subs(m)) })),
  ];
}

/** Where a slug that no longer exists now leads: the kept record's current slug, or null. */
export async function redirectFor(db: Db, kind: MergeKind, slug: string): Promise<string | null> {
  const r = await db.redirect.findUnique({ where: { entityType_fromSlug: { entityType: kind, fromSlug: slug } } });
  if (!r) return null;
  const to = await find(db, kind, { id: r.toId });
  return to?.slug ?? null;
}
