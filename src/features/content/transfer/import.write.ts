// Import, second half: write a checked plan, all in ONE interactive transaction (decision 0030):
// the new rows first (their ids are needed by the links), then links, updates and audit entries.
// A crash or an error anywhere leaves nothing of the import.
import type { Db } from '../../../platform/db.ts';
import { auditData, diffSnapshots, type EntityType, type WriteContext } from '../audit.ts';
import * as repo from '../content.repo.ts';
import { inOneTransaction } from '../commit.ts';
import { milestonePlacement, placementWindow } from '../milestones.service.ts';
import { eventSearchText, milestoneSearchText } from '../search-fields.ts';
import { aliasText, searchName } from '../aliases.ts';
import { flatten } from './records.ts';
import type { AllRows } from './transfer.repo.ts';
import type { EntityList, EventRecord, MilestoneRecord, SourceRecord } from './transfer.schema.ts';
import { changed, type Context, type Item, type Plan } from './import.check.ts';

const ENTITY_TYPE: Partial<Record<EntityList, EntityType>> = {
  organizations: 'organization',
  subjects: 'subject',
  sources: 'source',
  events: 'event',
  milestones: 'milestone',
};


/** How long an import's transaction may run (100,000 events take minutes on a slow machine). */
const IMPORT_TX_MS = 30 * 60_000;
/** Operations between two yields to the event loop, so other requests keep being answered. */
const YIELD_EVERY = 200;
/** Rows per statement for audit entries and new events' links. */
const BATCH = 500;

/** Runs operations one after the other, giving the event loop a turn every YIELD_EVERY of them. */
async function runYielding<T>(ops: Iterable<repo.Op>): Promise<T[]> {
  const out: T[] = [];
  let n = 0;
  for (const op of ops) {
    out.push((await op) as T);
    if (++n % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  return out;
}

export async function write(ctx: WriteContext, all: AllRows, pl: Plan, c: Context, alongside?: (tx: Db) => Promise<boolean>): Promise<void> {
  await inOneTransaction(
    ctx.db,
    async (tx) => {
      await writeIn({ ...ctx, db: tx }, all, pl, c);
      if (alongside) await alongside(tx);
    },
    IMPORT_TX_MS,
  );
}

async function writeIn(ctx: WriteContext, all: AllRows, pl: Plan, c: Context): Promise<void> {
  const { db } = ctx;
  const created = <T>(items: Item<T>[]) => items.filter((i) => i.action === 'create');

  // Names after the import, for searchText.
  // (With their aliases: searchName; docs/decisions/0033.)
  const orgName = new Map(all.organizations.map((o) => [o.slug, searchName(o)]));
  for (const { rec } of pl.organizations) orgName.set(rec.slug, searchName({ name: rec.name, aliases: aliasText(rec.aliases) }));
  const subjectName = new Map(all.subjects.map((s) => [s.slug, searchName(s)]));
  for (const { rec } of pl.subjects) subjectName.set(rec.slug, searchName({ name: rec.name, aliases: aliasText(rec.aliases) }));
  const tagName = new Map(all.tags.map((t) => [t.slug, t.name]));
  for (const { rec } of pl.tags) tagName.set(rec.slug, rec.name);
  const names = (m: Map<string, string>, slugs: string[]) => slugs.map((s) => m.get(s) ?? s);

  const eventData = (r: EventRecord) => ({
    slug: r.slug,
    title: r.title,
    summary: r.summary,
    kind: r.kind,
    confidence: r.confidence,
    dateStart: r.date!.start,
    dateEnd: r.date!.end,
    datePrecision: r.date!.precision,
    dateText: r.date!.text,
    searchText: eventSearchText(r.title, r.summary, names(orgName, r.organizations), names(subjectName, r.subjects), names(tagName, r.tags)),
  });
  const milestoneData = (r: MilestoneRecord) => {
    const window = r.kind === 'dated' ? r.expected : null;
    const afterText = r.kind === 'relative' ? r.afterText : null;
    return {
      slug: r.slug,
      title: r.title,
      claim: r.claim,
      kind: r.kind,
      claimedOn: r.claimedOn,
      quote: r.quote,
      expectedText: window?.text ?? null,
      windowStart: window?.start ?? null,
      windowEnd: window?.end ?? null,
      windowPrecision: window?.precision ?? null,
      expectedShape: window?.shape ?? 'window',
      relativeTo: window?.relativeTo ?? null,
      likelihoodLow: r.likelihood?.low ?? null,
      likelihoodHigh: r.likelihood?.high ?? null,
      likelihoodText: r.likelihood?.text ?? null,
      afterText,
      status: r.status,
      dueAt: r.dueAt,
      outcome: r.outcome,
      gapDays: r.gapDays,
      resolutionNote: r.resolutionNote,
      resolvedAt: r.resolvedAt,
      ...milestonePlacement(placementWindow(window), r.claimedOn),
      searchText: milestoneSearchText(
        { ...r, expectedText: window?.text ?? null, afterText },
        names(orgName, r.organizations),
        names(subjectName, r.subjects),
      ),
    };
  };
  const sourceData = (r: SourceRecord) => ({
    publisher: r.publisher,
    title: r.title,
    url: r.url,
    publishedOn: r.publishedOn,
    language: r.language,
    isPrimary: r.isPrimary,
  });

  // Phase 1: the new rows.
  const newOrgs = created(pl.organizations);
  const newSubjects = created(pl.subjects);
  const newSources = created(pl.sources);
  const newEvents = created(pl.events);
  const newMilestones = created(pl.milestones);
  function* creates(): Generator<repo.Op> {
    for (const { rec } of newOrgs) yield repo.createOrganization(db, { slug: rec.slug, name: rec.name, website: rec.website, description: rec.description, aliases: aliasText(rec.aliases) });
    for (const { rec } of newSubjects) yield repo.createSubject(db, { slug: rec.slug, name: rec.name, kind: rec.kind, description: rec.description, aliases: aliasText(rec.aliases) });
    for (const { rec } of newSources) yield repo.createSource(db, sourceData(rec));
    for (const { rec } of newEvents) yield repo.createEvent(db, eventData(rec));
    for (const { rec } of newMilestones) yield repo.createMilestone(db, milestoneData(rec));
  }
  const ids = await runYielding<{ id: number }>(creates());
  let n = 0;
  const take = <T>(items: Item<T>[]) => items.map((it) => ({ ...it, existingId: ids[n++]!.id }));
  const made = {
    organizations: take(newOrgs),
    subjects: take(newSubjects),
    sources: take(newSources),
    events: take(newEvents),
    milestones: take(newMilestones),
  };

  {
    const orgId = new Map(all.organizations.map((o) => [o.slug, o.id]));
    for (const it of made.organizations) orgId.set(it.rec.slug, it.existingId);
    const subjectId = new Map(all.subjects.map((s) => [s.slug, s.id]));
    for (const it of made.subjects) subjectId.set(it.rec.slug, it.existingId);
    const eventId = new Map(all.events.map((e) => [e.slug, e.id]));
    for (const it of made.events) eventId.set(it.rec.slug, it.existingId);
    const milestoneId = new Map(all.milestones.map((m) => [m.slug, m.id]));
    for (const it of made.milestones) milestoneId.set(it.rec.slug, it.existingId);
    const newSourceId = new Map(made.sources.map((it) => [it.rec.key, it.existingId]));
    const sourceId = (k: string | null): number | null => {
      if (k === null) return null;
      const canon = c.canonicalSource(k)!;
      return canon.startsWith('new:') ? newSourceId.get(canon.slice(4))! : c.dbSourceByKey.get(canon)!;
    };
    const need = (m: Map<string, number>, slugs: string[]) => slugs.map((s) => m.get(s)!);
    const ref = (m: Map<string, number>, slug: string | null) => (slug === null ? null : m.get(slug)!);

    // The created items with their new ids, by row: a look-up per item (not a scan of the list).
    const madeByRow = new Map<string, Item<unknown>>();
    for (const [entity, items] of Object.entries(made)) for (const m of items as Item<unknown>[]) madeByRow.set(`${entity}/${m.row}`, m);
    const merge = <T>(entity: EntityList, items: Item<T>[]) =>
      changed(items).map((it) => (it.action === 'create' ? (madeByRow.get(`${entity}/${it.row}`) as Item<T>) : it));

    // The operations are made as they are run (a generator): 100,000 rows never sit in memory as pending queries.
    // Audit entries and new events' links are written BATCH rows per statement, not one per row.
    const pendingAudits: ReturnType<typeof auditData>[] = [];
    const pendingLinks: repo.NewEventLinkRows = { organizations: [], subjects: [], sources: [] };
    const pendingLinkCount = () => pendingLinks.organizations.length + pendingLinks.subjects.length + pendingLinks.sources.length;
    function* flush(all: boolean): Generator<repo.Op> {
      if (pendingAudits.length >= BATCH || (all && pendingAudits.length)) yield repo.createAudits(db, pendingAudits.splice(0));
      if (pendingLinkCount() >= BATCH || (all && pendingLinkCount())) {
        yield* repo.newEventLinkOps(db, { organizations: pendingLinks.organizations.splice(0), subjects: pendingLinks.subjects.splice(0), sources: pendingLinks.sources.splice(0) });
      }
    }
    function* audit<T>(entity: EntityList, it: Item<T>, label: string): Generator<repo.Op> {
      const type = ENTITY_TYPE[entity];
      if (!type) return;
      const changes = diffSnapshots(flatten(it.before), flatten(it.after));
      pendingAudits.push(auditData(ctx, { type, id: it.existingId!, label, action: it.action === 'create' ? 'create' : 'update', changes }));
      yield* flush(false);
    }
    function* operations(): Generator<repo.Op> {
      for (const it of merge('organizations', pl.organizations)) {
        if (it.action === 'update') yield repo.updateOrganization(db, it.existingId!, { name: it.rec.name, website: it.rec.website, description: it.rec.description, aliases: aliasText(it.rec.aliases) });
        yield* audit('organizations', it, it.rec.name);
      }
      for (const it of merge('subjects', pl.subjects)) {
        const { rec } = it;
        if (it.action === 'update') yield repo.updateSubject(db, it.existingId!, { name: rec.name, kind: rec.kind, description: rec.description, aliases: aliasText(rec.aliases) });
        yield* repo.subjectLinkOps(db, it.existingId!, need(orgId, rec.organizations), it.action === 'update');
        yield* audit('subjects', it, rec.name);
      }
      for (const it of changed(pl.tags)) {
        yield repo.upsertTag(db, it.rec);
      }
      for (const it of merge('sources', pl.sources)) {
        const { rec } = it;
        yield repo.updateSource(db, it.existingId!, { ...(it.action === 'update' ? sourceData(rec) : {}), citesId: sourceId(rec.cites) });
        yield* repo.sourceLinkOps(db, it.existingId!, rec.discrepancies, it.action === 'update');
        yield* audit('sources', it, `${rec.publisher}: ${rec.title}`);
      }
      for (const it of merge('events', pl.events)) {
        const { rec } = it;
        if (it.action === 'update') yield repo.updateEvent(db, it.existingId!, eventData(rec));
        const links: repo.EventLinks = {
          organizationIds: need(orgId, rec.organizations),
          subjectIds: need(subjectId, rec.subjects),
          sources: rec.sources.map((s) => ({ sourceId: sourceId(s.source)!, quote: s.quote })),
          tags: rec.tags.map((slug) => ({ slug, name: tagName.get(slug) ?? slug })),
        };
        if (it.action === 'update') yield* repo.eventLinkOps(db, it.existingId!, links, true);
        else {
          const eventId = it.existingId!;
          for (const organizationId of links.organizationIds) pendingLinks.organizations.push({ eventId, organizationId });
          for (const subjectId of links.subjectIds) pendingLinks.subjects.push({ eventId, subjectId });
          links.sources.forEach((x, position) => pendingLinks.sources.push({ eventId, sourceId: x.sourceId, quote: x.quote, position }));
          yield* repo.eventLinkOps(db, eventId, { organizationIds: [], subjectIds: [], sources: [], tags: links.tags }, false);
        }
        yield* audit('events', it, rec.title);
      }
      for (const it of merge('milestones', pl.milestones)) {
        const { rec } = it;
        const refs = {
          sourceId: sourceId(rec.source),
          afterEventId: rec.kind === 'relative' ? ref(eventId, rec.afterEvent) : null,
          settledByEventId: ref(eventId, rec.settledBy),
          revisesId: ref(milestoneId, rec.revises),
        };
        yield repo.updateMilestone(db, it.existingId!, { ...(it.action === 'update' ? milestoneData(rec) : {}), ...refs });
        yield* repo.milestoneLinkOps(db, it.existingId!, need(orgId, rec.organizations), need(subjectId, rec.subjects), it.action === 'update');
        if (it.action === 'create' && rec.transitions.length) {
          yield repo.createTransitions(db, it.existingId!, rec.transitions.map((t) => ({ fromStatus: t.fromStatus, toStatus: t.toStatus, dueAt: t.dueAt!, flaggedAt: t.flaggedAt! })));
        }
        yield* audit('milestones', it, rec.title);
      }
      yield* searchTextOfRenamed(db, all, pl, orgName, subjectName, tagName);
    }
    await runYielding((function* () {
      yield* operations();
      yield* flush(true);
    })());
  }
}

/** Events and milestones left out of the file whose searchText names a renamed organization, subject or tag. */
function searchTextOfRenamed(
  db: Db,
  all: AllRows,
  pl: Plan,
  orgName: Map<string, string>,
  subjectName: Map<string, string>,
  tagName: Map<string, string>,
): repo.Op[] {
  const renamed = new Set([
    ...all.organizations.filter((o) => orgName.get(o.slug) !== searchName(o)).map((o) => `o:${o.slug}`),
    ...all.subjects.filter((s) => subjectName.get(s.slug) !== searchName(s)).map((s) => `s:${s.slug}`),
    ...all.tags.filter((t) => tagName.get(t.slug) !== t.name).map((t) => `t:${t.slug}`),
  ]);
  if (!renamed.size) return [];
  const inFile = { events: new Set(pl.events.map((e) => e.rec.slug)), milestones: new Set(pl.milestones.map((m) => m.rec.slug)) };
  const orgs = (r: { organizations: { organization: { slug: string } }[] }) => r.organizations.map((o) => o.organization.slug);
  const subs = (r: { subjects: { subject: { slug: string } }[] }) => r.subjects.map((s) => s.subject.slug);
  const touches = (o: string[], s: string[], t: string[] = []) =>
    o.some((x) => renamed.has(`o:${x}`)) || s.some((x) => renamed.has(`s:${x}`)) || t.some((x) => renamed.has(`t:${x}`));
  const nameOf = (m: Map<string, string>) => (slug: string) => m.get(slug) ?? slug;
  return [
    ...all.events
      .filter((e) => !inFile.events.has(e.slug) && touches(orgs(e), subs(e), e.tags.map((t) => t.tag.slug)))
      .map((e) =>
        repo.updateEvent(db, e.id, {
          searchText: eventSearchText(e.title, e.summary, orgs(e).map(nameOf(orgName)), subs(e).map(nameOf(subjectName)), e.tags.map((t) => nameOf(tagName)(t.tag.slug))),
        }),
      ),
    ...all.milestones
      .filter((m) => !inFile.milestones.has(m.slug) && touches(orgs(m), subs(m)))
      .map((m) => repo.updateMilestone(db, m.id, { searchText: milestoneSearchText(m, orgs(m).map(nameOf(orgName)), subs(m).map(nameOf(subjectName))) })),
  ];
}
