// Import, second half: write a checked plan, all in ONE interactive transaction (decision 0030):
// the new rows first (their ids are needed by the links), then links, updates and audit entries.
// A crash or an error anywhere leaves nothing of the import.
import type { Db } from '../../../platform/db.ts';
import { insertReturning, insertRows, rowsPerStatement, type Row } from '../../../platform/bulk.ts';
import { auditData, diffSnapshots, type EntityType, type WriteContext } from '../audit.ts';
import * as repo from '../content.repo.ts';
import { inOneTransaction } from '../commit.ts';
import { withCheckpointAside } from '../../../platform/wal-checkpoint.ts';
import { milestonePlacement, placementWindow } from '../milestones.service.ts';
import { eventSearchText, milestoneSearchText } from '../search-fields.ts';
import { aliasText, searchName } from '../aliases.ts';
import { flatten, stableJson } from './records.ts';
import type { AllRows } from './transfer.repo.ts';
import { ENTITY_LISTS, type EntityList, type EventRecord, type MilestoneRecord, type SourceRecord } from './transfer.schema.ts';
import { changed, ptKey, yieldTurn, type Context, type Item, type Plan } from './import.check.ts';

const ENTITY_TYPE: Partial<Record<EntityList, EntityType>> = {
  organizations: 'organization',
  subjects: 'subject',
  sources: 'source',
  events: 'event',
  milestones: 'milestone',
};


/** How long an import's transaction may run (100,000 events take minutes on a slow machine). */
const IMPORT_TX_MS = 30 * 60_000;
/**
 * Records written from which the WAL checkpoint is left to a worker thread (decision 40); a smaller
 * import's log is copied back by the commit in milliseconds, less than a worker takes to start.
 */
const CHECKPOINT_ASIDE_ROWS = 2000;
/** Statements between two yields to the event loop, so other requests keep being answered. */
const YIELD_EVERY = 20;
/** New records' rows (links, audit entries…) gathered per table before a multi-row INSERT. */
const BATCH = 200;

type Step = PromiseLike<unknown>;

/** Runs statements one after the other, giving the event loop a turn every YIELD_EVERY of them. */
async function runYielding(steps: Iterable<Step>): Promise<void> {
  let n = 0;
  for (const step of steps) {
    await step;
    if (++n % YIELD_EVERY === 0) await yieldTurn();
  }
}

/**
 * The new rows of one table by multi-row INSERT … RETURNING (platform/bulk.ts); each item's
 * existingId is set to its new id. Rows come back matched by their unique key, never by position.
 */
async function insertAll<T>(db: Db, table: string, items: Item<T>[], keyOf: (rec: T) => string, row: (rec: T) => Row, keyColumns: string[], keyOfRow: (r: Record<string, unknown>) => string): Promise<Item<T>[]> {
  if (!items.length) return [];
  // Rows made one statement's worth at a time, with a turn of the event loop between statements.
  const size = rowsPerStatement(Object.keys(row(items[0]!.rec)).length);
  for (let i = 0; i < items.length; i += size) {
    const batch = items.slice(i, i + size);
    const id = new Map<string, number>();
    for (const r of await insertReturning<Record<string, unknown> & { id: number }>(db, table, batch.map((it) => row(it.rec)), ['id', ...keyColumns])) id.set(keyOfRow(r), Number(r.id));
    for (const it of batch) {
      const got = id.get(keyOf(it.rec));
      if (got === undefined) throw new Error(`import: the new row “${keyOf(it.rec)}” did not come back from its INSERT`);
      it.existingId = got;
    }
    await yieldTurn();
  }
  return items;
}

export async function write(ctx: WriteContext, all: AllRows, pl: Plan, c: Context, alongside?: (tx: Db) => Promise<boolean>): Promise<void> {
  const run = () =>
    inOneTransaction(
      ctx.db,
      async (tx) => {
        await writeIn({ ...ctx, db: tx }, all, pl, c);
        if (alongside) await alongside(tx);
      },
      IMPORT_TX_MS,
    );
  const rows = ENTITY_LISTS.reduce((n, e) => n + changed(pl[e] as Item<unknown>[]).length, 0);
  await (rows >= CHECKPOINT_ASIDE_ROWS ? withCheckpointAside(ctx.db, run) : run());
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

  const orgId = new Map(all.organizations.map((o) => [o.slug, o.id]));
  const subjectId = new Map(all.subjects.map((s) => [s.slug, s.id]));
  const eventId = new Map(all.events.map((e) => [e.slug, e.id]));
  const milestoneId = new Map(all.milestones.map((m) => [m.slug, m.id]));
  const newSourceId = new Map<string, number>();
  const sourceId = (k: string | null): number | null => {
    if (k === null) return null;
    const canon = c.canonicalSource(k)!;
    return canon.startsWith('new:') ? newSourceId.get(canon.slice(4))! : c.dbSourceByKey.get(canon)!;
  };
  const need = (m: Map<string, number>, slugs: string[]) => slugs.map((s) => m.get(s)!);
  const ref = (m: Map<string, number>, slug: string | null) => (slug === null ? null : m.get(slug)!);
  const withIds = (m: Map<string, number>, items: Item<{ slug: string }>[]) => {
    for (const it of items) m.set(it.rec.slug, it.existingId!);
  };
  // Prisma fills these itself (@default(now()), @updatedAt); the raw INSERTs give them.
  const at = new Date();
  const stamp = { createdAt: at, updatedAt: at };
  const slugRow = (r: Record<string, unknown>) => String(r.slug);

  // Phase 1: the new rows, table by table in the order their references need (decision 37):
  // multi-row INSERTs. A new milestone's references to events and sources go in its INSERT; only
  // what points at rows of its own table (a source citing a new source, a claim revising a new
  // claim) is set afterwards.
  // Each list of created items is let go as soon as its ids are known (100,000 events).
  withIds(orgId, await insertAll(db, 'Organization', created(pl.organizations), (r) => r.slug,
    (r) => ({ slug: r.slug, name: r.name, website: r.website, description: r.description, aliases: aliasText(r.aliases), ...stamp }), ['slug'], slugRow));
  withIds(subjectId, await insertAll(db, 'Subject', created(pl.subjects), (r) => r.slug,
    (r) => ({ slug: r.slug, name: r.name, kind: r.kind, description: r.description, aliases: aliasText(r.aliases), ...stamp }), ['slug'], slugRow));
  for (const it of await insertAll(db, 'Source', created(pl.sources), ptKey, (r) => ({ ...sourceData(r), ...stamp }), ['publisher', 'title'], (r) => ptKey(r as { publisher: string; title: string }))) {
    newSourceId.set(it.rec.key, it.existingId!);
  }
  withIds(eventId, await insertAll(db, 'Event', created(pl.events), (r) => r.slug, (r) => ({ ...eventData(r), ...stamp }), ['slug'], slugRow));
  const milestoneRefs = (r: MilestoneRecord) => ({
    sourceId: sourceId(r.source),
    afterEventId: r.kind === 'relative' ? ref(eventId, r.afterEvent) : null,
    settledByEventId: ref(eventId, r.settledBy),
  });
  withIds(milestoneId, await insertAll(db, 'Milestone', created(pl.milestones), (r) => r.slug, (r) => ({ ...milestoneData(r), ...milestoneRefs(r), ...stamp }), ['slug'], slugRow));

  // Tags the file names or renames, written once each; their ids for the new events' links.
  const tagId = new Map(all.tags.map((t) => [t.slug, t.id]));
  for (const it of changed(pl.tags)) {
    const t = (await repo.upsertTag(db, it.rec)) as { id: number; slug: string };
    tagId.set(t.slug, t.id);
  }

  // Phase 2: links, updates and audit entries. The operations are made as they are run (a
  // generator): 100,000 rows never sit in memory as pending queries. Rows of new records (their
  // links, transitions, audit entries) are gathered and written BATCH per statement; records
  // that already exist and changed are updated one by one (their links replaced).
  const pending = {
    audits: [] as ReturnType<typeof auditData>[],
    eventOrganizations: [] as { eventId: number; organizationId: number }[],
    eventSubjects: [] as { eventId: number; subjectId: number }[],
    eventSources: [] as { eventId: number; sourceId: number; quote: string | null; position: number }[],
    eventTags: [] as { eventId: number; tagId: number }[],
    subjectOrganizations: [] as { subjectId: number; organizationId: number }[],
    discrepancies: [] as { sourceId: number; claim: string; correction: string; createdAt: Date }[],
    milestoneOrganizations: [] as { milestoneId: number; organizationId: number }[],
    milestoneSubjects: [] as { milestoneId: number; subjectId: number }[],
    transitions: [] as { milestoneId: number; fromStatus: string; toStatus: string; dueAt: Date; flaggedAt: Date }[],
  };
  type Pending = typeof pending;
  const table: Record<keyof Pending, string> = {
    audits: 'AuditLog',
    eventOrganizations: 'EventOrganization',
    eventSubjects: 'EventSubject',
    eventSources: 'EventSource',
    eventTags: 'EventTag',
    subjectOrganizations: 'SubjectOrganization',
    discrepancies: 'Discrepancy',
    milestoneOrganizations: 'MilestoneOrganization',
    milestoneSubjects: 'MilestoneSubject',
    transitions: 'MilestoneTransition',
  };
  /** Written when BATCH rows are waiting (or at the end): a few multi-row INSERTs each time. */
  function* flush(everything: boolean): Generator<Step> {
    for (const k of Object.keys(pending) as (keyof Pending)[]) {
      const rows = pending[k] as Row[];
      if (rows.length >= BATCH || (everything && rows.length)) yield insertRows(db, table[k], rows.splice(0));
    }
  }
  function* audit<T>(entity: EntityList, it: Item<T>, label: string): Generator<Step> {
    const type = ENTITY_TYPE[entity];
    if (!type) return;
    const changes = diffSnapshots(flatten(it.before), flatten(it.after ?? pl.after(entity, it.rec)));
    pending.audits.push(auditData(ctx, { type, id: it.existingId!, label, action: it.action === 'create' ? 'create' : 'update', changes }));
    yield* flush(false);
  }
  const inFile = { events: new Set(pl.events.map((e) => e.rec.slug)), milestones: new Set(pl.milestones.map((m) => m.rec.slug)) };
  /** The changed items of a list; each is let go by the plan once its statements are made. */
  function* drain<T>(items: Item<T>[]): Generator<Item<T>> {
    for (let i = 0; i < items.length; i++) {
      const it = items[i]!;
      items[i] = undefined!;
      if (it.action !== 'unchanged') yield it;
    }
  }
  function* operations(): Generator<Step> {
    for (const it of drain(pl.organizations)) {
      if (it.action === 'update') yield repo.updateOrganization(db, it.existingId!, { name: it.rec.name, website: it.rec.website, description: it.rec.description, aliases: aliasText(it.rec.aliases) });
      yield* audit('organizations', it, it.rec.name);
    }
    for (const it of drain(pl.subjects)) {
      const { rec } = it;
      const id = it.existingId!;
      if (it.action === 'update') {
        yield repo.updateSubject(db, id, { name: rec.name, kind: rec.kind, description: rec.description, aliases: aliasText(rec.aliases) });
        yield* repo.subjectLinkOps(db, id, need(orgId, rec.organizations), true);
      } else for (const organizationId of need(orgId, rec.organizations)) pending.subjectOrganizations.push({ subjectId: id, organizationId });
      yield* audit('subjects', it, rec.name);
    }
    for (const it of drain(pl.sources)) {
      const { rec } = it;
      const id = it.existingId!;
      if (it.action === 'update') {
        yield repo.updateSource(db, id, { ...sourceData(rec), citesId: sourceId(rec.cites) });
        yield* repo.sourceLinkOps(db, id, rec.discrepancies, true);
      } else {
        if (rec.cites !== null) yield repo.updateSource(db, id, { citesId: sourceId(rec.cites) });
        for (const d of rec.discrepancies) pending.discrepancies.push({ sourceId: id, claim: d.claim, correction: d.correction, createdAt: at });
      }
      yield* audit('sources', it, `${rec.publisher}: ${rec.title}`);
    }
    for (const it of drain(pl.events)) {
      const { rec } = it;
      const id = it.existingId!;
      const organizationIds = need(orgId, rec.organizations);
      const subjectIds = need(subjectId, rec.subjects);
      const sources = rec.sources.map((s) => ({ sourceId: sourceId(s.source)!, quote: s.quote }));
      if (it.action === 'update') {
        yield repo.updateEvent(db, id, eventData(rec));
        const tags = rec.tags.map((slug) => ({ slug, name: tagName.get(slug) ?? slug }));
        // Only the kinds of links that differ are replaced (the Epoch import updates a matched
        // event's text and keeps its links).
        const differs = (k: string) => stableJson(it.before?.[k]) !== stableJson(it.after?.[k]);
        const kinds = (
          [
            ['organizations', 'organizationIds'],
            ['subjects', 'subjectIds'],
            ['sources', 'sources'],
            ['tags', 'tags'],
          ] as const
        ).flatMap(([field, kind]) => (differs(field) ? [kind] : []));
        yield* repo.eventLinkOps(db, id, { organizationIds, subjectIds, sources, tags }, true, kinds);
      } else {
        for (const organizationId of organizationIds) pending.eventOrganizations.push({ eventId: id, organizationId });
        for (const sid of subjectIds) pending.eventSubjects.push({ eventId: id, subjectId: sid });
        sources.forEach((x, position) => pending.eventSources.push({ eventId: id, sourceId: x.sourceId, quote: x.quote, position }));
        for (const slug of rec.tags) pending.eventTags.push({ eventId: id, tagId: tagId.get(slug)! });
      }
      yield* audit('events', it, rec.title);
    }
    for (const it of drain(pl.milestones)) {
      const { rec } = it;
      const id = it.existingId!;
      if (it.action === 'update') {
        yield repo.updateMilestone(db, id, { ...milestoneData(rec), ...milestoneRefs(rec), revisesId: ref(milestoneId, rec.revises) });
        yield* repo.milestoneLinkOps(db, id, need(orgId, rec.organizations), need(subjectId, rec.subjects), true);
      } else {
        if (rec.revises !== null) yield repo.updateMilestone(db, id, { revisesId: ref(milestoneId, rec.revises) });
        for (const organizationId of need(orgId, rec.organizations)) pending.milestoneOrganizations.push({ milestoneId: id, organizationId });
        for (const sid of need(subjectId, rec.subjects)) pending.milestoneSubjects.push({ milestoneId: id, subjectId: sid });
        for (const t of rec.transitions) pending.transitions.push({ milestoneId: id, fromStatus: t.fromStatus, toStatus: t.toStatus, dueAt: t.dueAt!, flaggedAt: t.flaggedAt! });
      }
      yield* audit('milestones', it, rec.title);
    }
    yield* searchTextOfRenamed(db, all, inFile, orgName, subjectName, tagName);
  }
  await runYielding(
    (function* () {
      yield* operations();
      yield* flush(true);
    })(),
  );
}

/** Events and milestones left out of the file whose searchText names a renamed organization, subject or tag. */
function searchTextOfRenamed(
  db: Db,
  all: AllRows,
  inFile: { events: Set<string>; milestones: Set<string> },
  orgName: Map<string, string>,
  subjectName: Map<string, string>,
  tagName: Map<string, string>,
): Step[] {
  const renamed = new Set([
    ...all.organizations.filter((o) => orgName.get(o.slug) !== searchName(o)).map((o) => `o:${o.slug}`),
    ...all.subjects.filter((s) => subjectName.get(s.slug) !== searchName(s)).map((s) => `s:${s.slug}`),
    ...all.tags.filter((t) => tagName.get(t.slug) !== t.name).map((t) => `t:${t.slug}`),
  ]);
  if (!renamed.size) return [];
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
