// Import, second half: write what the check planned, one segment after the other, all in ONE
// interactive transaction (decisions 30 and 44): in each segment the new rows first (their ids are
// needed by the links), then links, updates and audit entries. A crash or an error anywhere
// leaves nothing of the import.
import type { Db } from '../../../platform/db.ts';
import type { KeyStore } from '../../../platform/spill.ts';
import { deleteRows, insertReturning, insertRows, rowsPerStatement, updateRow, type Row } from '../../../platform/bulk.ts';
import { auditData, diffSnapshots, type EntityType, type WriteContext } from '../audit.ts';
import * as repo from '../content.repo.ts';
import { sortKey } from '../../../platform/text/sort-key.ts';
import { milestonePlacement, placementWindow } from '../milestones.service.ts';
import { eventSearchText, milestoneSearchText } from '../search-fields.ts';
import { aliasText, searchName } from '../aliases.ts';
import { flatten, stableJson } from './records.ts';
import { ptKey, type HeldKeys } from './import.held.ts';
import { eventInclude, milestoneInclude } from '../content.repo.ts';
import type { EntityList, EventRecord, MilestoneRecord, OrganizationRecord, SourceRecord, SubjectRecord, TagRecord } from './transfer.schema.ts';
import { afterOf, yieldTurn, type Canonical, type FileCheck, type Item } from './import.check.ts';
import { pagesOf, TRANSFER_PAGE } from '../../../platform/batches.ts';

const ENTITY_TYPE: Partial<Record<EntityList, EntityType>> = {
  organizations: 'organization',
  subjects: 'subject',
  sources: 'source',
  events: 'event',
  milestones: 'milestone',
};


/** An event's kinds of links: the record's field, and the pending rows (and so the table) they are written as. */
const EVENT_LINKS = [
  { field: 'organizations', pending: 'eventOrganizations' },
  { field: 'subjects', pending: 'eventSubjects' },
  { field: 'sources', pending: 'eventSources' },
  { field: 'tags', pending: 'eventTags' },
] as const;

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

/** A record the check found and the write does not (deleted or changed meanwhile): the import is refused whole. */
export class ReferenceGone extends Error {}

/** A map of what the database holds, with the file's entries over it, those kept in the import's store (decision 53). */
interface Lookup<V> {
  get(key: string): V | undefined;
  set(key: string, value: V): unknown;
}
function over<V>(held: ReadonlyMap<string, V>, store: KeyStore): Lookup<V> {
  const file = store.map<V>();
  return { get: (k) => file.get(k) ?? held.get(k), set: (k, v) => file.set(k, v) };
}

function needId(m: Lookup<number>, key: string): number {
  const id = m.get(key);
  if (id === undefined) throw new ReferenceGone(`import: “${key}” is no longer there`);
  return id;
}

/**
 * The writer of one import, living for its transaction: the ids of what the database holds and of
 * what the import created so far, the link and audit rows waiting for their multi-row INSERT, and
 * the references to records of a later segment (a source citing a later source, a claim revising
 * a later claim), set at the end.
 */
export function importWriter(ctx: WriteContext, held: HeldKeys, file: FileCheck, canonical: Canonical) {
  const { db } = ctx;

  // Names after the import, for searchText (with their aliases: searchName; decision 33).
  const { store } = file;
  const orgName = over(new Map(held.organizations.map((o) => [o.slug, searchName(o)])), store);
  for (const { rec } of file.organizations) orgName.set(rec.slug, searchName({ name: rec.name, aliases: aliasText(rec.aliases) }));
  const subjectName = over(new Map(held.subjects.map((s) => [s.slug, searchName(s)])), store);
  for (const { rec } of file.subjects) subjectName.set(rec.slug, searchName({ name: rec.name, aliases: aliasText(rec.aliases) }));
  const tagName = over(new Map(held.tags.map((t) => [t.slug, t.name])), store);
  for (const { rec } of file.tags) tagName.set(rec.slug, rec.name);
  const names = (m: Lookup<string>, slugs: string[]) => slugs.map((s) => m.get(s) ?? s);

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

  const orgId = over(new Map(held.organizations.map((o) => [o.slug, o.id])), store);
  const subjectId = over(new Map(held.subjects.map((s) => [s.slug, s.id])), store);
  const tagId = over(new Map(held.tags.map((t) => [t.slug, t.id])), store);
  const eventId = over(held.eventId, store);
  const milestoneId = over(held.milestoneId, store);
  const newSourceId = store.map<number>();
  /** The id of the source a file key names, or undefined while it is a new source not written yet. */
  const sourceIdNow = (k: string): number | undefined => {
    const canon = canonical(k);
    if (canon === null) throw new ReferenceGone(`import: the source “${k}” is no longer there`);
    return canon.startsWith('new:') ? newSourceId.get(canon.slice(4)) : held.sourceByKey.get(canon);
  };
  const sourceId = (k: string | null): number | null => {
    if (k === null) return null;
    const id = sourceIdNow(k);
    if (id === undefined) throw new ReferenceGone(`import: the source “${k}” was not written`);
    return id;
  };
  const need = (m: Lookup<number>, slugs: string[]) => slugs.map((s) => needId(m, s));
  const ref = (m: Lookup<number>, slug: string | null) => (slug === null ? null : needId(m, slug));
  /** Set at the end: [id, key] of sources citing, and claims revising, a record of a later segment. */
  const laterCites: [number, string][] = [];
  const laterRevises: [number, string][] = [];
  // Prisma fills these itself (@default(now()), @updatedAt); the raw INSERTs give them.
  const at = new Date();
  const stamp = { createdAt: at, updatedAt: at };
  const slugRow = (r: Record<string, unknown>) => String(r.slug);
  const milestoneRefs = (r: MilestoneRecord) => ({
    sourceId: sourceId(r.source),
    afterEventId: r.kind === 'relative' ? ref(eventId, r.afterEvent) : null,
    settledByEventId: ref(eventId, r.settledBy),
  });

  // Rows of new records (their links, transitions, audit entries) gathered across segments and
  // written BATCH per statement; records that already exist and changed are updated one by one.
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
    const changes = diffSnapshots(flatten(it.before), flatten(it.after ?? afterOf(entity, it.rec, canonical)));
    pending.audits.push(auditData(ctx, { type, id: it.existingId!, label, action: it.action === 'create' ? 'create' : 'update', changes }));
    yield* flush(false);
  }
  const created = <T>(items: Item<T>[]) => items.filter((i) => i.action === 'create');
  const withIds = (m: Lookup<number>, items: Item<{ slug: string }>[]) => {
    for (const it of items) m.set(it.rec.slug, it.existingId!);
  };

  /** The new rows of a segment: one multi-row INSERT per statement's worth (decision 37). */
  async function insertNew(entity: EntityList, items: Item<unknown>[]): Promise<void> {
    const news = created(items);
    if (!news.length) return;
    if (entity === 'organizations') {
      withIds(orgId, await insertAll(db, 'Organization', news as Item<OrganizationRecord>[], (r) => r.slug,
        (r) => ({ slug: r.slug, name: r.name, sortName: sortKey(r.name), website: r.website, description: r.description, aliases: aliasText(r.aliases), ...stamp }), ['slug'], slugRow));
    } else if (entity === 'subjects') {
      withIds(subjectId, await insertAll(db, 'Subject', news as Item<SubjectRecord>[], (r) => r.slug,
        (r) => ({ slug: r.slug, name: r.name, sortName: sortKey(r.name), kind: r.kind, description: r.description, aliases: aliasText(r.aliases), ...stamp }), ['slug'], slugRow));
    } else if (entity === 'sources') {
      for (const it of await insertAll(db, 'Source', news as Item<SourceRecord>[], ptKey, (r) => ({ ...sourceData(r), ...stamp }), ['publisher', 'title'], (r) => ptKey(r as { publisher: string; title: string }))) {
        newSourceId.set(it.rec.key, it.existingId!);
      }
    } else if (entity === 'events') {
      withIds(eventId, await insertAll(db, 'Event', news as Item<EventRecord>[], (r) => r.slug, (r) => ({ ...eventData(r), ...stamp }), ['slug'], slugRow));
    } else if (entity === 'milestones') {
      withIds(milestoneId, await insertAll(db, 'Milestone', news as Item<MilestoneRecord>[], (r) => r.slug, (r) => ({ ...milestoneData(r), ...milestoneRefs(r), ...stamp }), ['slug'], slugRow));
    }
  }

  /** Links, updates and audit entries of a segment's changed items, made as they are run (a generator). */
  function* operations(entity: EntityList, items: Item<unknown>[]): Generator<Step> {
    for (const item of items) {
      if (item.action === 'unchanged') continue;
      const id = item.existingId!;
      if (entity === 'organizations') {
        const { rec } = item as Item<OrganizationRecord>;
        if (item.action === 'update') yield repo.updateOrganization(db, id, { name: rec.name, website: rec.website, description: rec.description, aliases: aliasText(rec.aliases) });
        yield* audit(entity, item, rec.name);
      } else if (entity === 'subjects') {
        const { rec } = item as Item<SubjectRecord>;
        if (item.action === 'update') {
          yield repo.updateSubject(db, id, { name: rec.name, kind: rec.kind, description: rec.description, aliases: aliasText(rec.aliases) });
          yield* repo.subjectLinkOps(db, id, need(orgId, rec.organizations), true);
        } else for (const organizationId of need(orgId, rec.organizations)) pending.subjectOrganizations.push({ subjectId: id, organizationId });
        yield* audit(entity, item, rec.name);
      } else if (entity === 'sources') {
        const { rec } = item as Item<SourceRecord>;
        const cites = rec.cites === null ? null : sourceIdNow(rec.cites);
        if (rec.cites !== null && cites === undefined) laterCites.push([id, rec.cites]);
        if (item.action === 'update') {
          yield repo.updateSource(db, id, { ...sourceData(rec), ...(cites === undefined ? {} : { citesId: cites }) });
          yield* repo.sourceLinkOps(db, id, rec.discrepancies, true);
        } else {
          if (cites !== null && cites !== undefined) yield repo.updateSource(db, id, { citesId: cites });
          for (const d of rec.discrepancies) pending.discrepancies.push({ sourceId: id, claim: d.claim, correction: d.correction, createdAt: at });
        }
        yield* audit(entity, item, `${rec.publisher}: ${rec.title}`);
      } else if (entity === 'events') {
        const it = item as Item<EventRecord>;
        const { rec } = it;
        const organizationIds = need(orgId, rec.organizations);
        const subjectIds = need(subjectId, rec.subjects);
        const sources = rec.sources.map((s) => ({ sourceId: sourceId(s.source)!, quote: s.quote }));
        // A new event gets every kind of link. An updated one is written by raw statements
        // (through Prisma each was a query plan compiled again, about 10 ms an event on a cold
        // import) and only the kinds of links that differ are replaced: the old ones go now, the
        // new ones with the new events' links (the Epoch import updates a matched event's text
        // and keeps its links).
        let kinds: readonly (typeof EVENT_LINKS)[number][] = EVENT_LINKS;
        if (it.action === 'update') {
          yield updateRow(db, 'Event', id, { ...eventData(rec), updatedAt: at }).then((n) => {
            if (n === 0) throw new ReferenceGone(`import: the event “${rec.slug}” is no longer there`);
          });
          const differs = (k: string) => stableJson(it.before?.[k]) !== stableJson(it.after?.[k]);
          kinds = EVENT_LINKS.filter((k) => differs(k.field));
          for (const k of kinds) yield deleteRows(db, table[k.pending], 'eventId', id);
        }
        for (const { field } of kinds) {
          if (field === 'organizations') for (const organizationId of organizationIds) pending.eventOrganizations.push({ eventId: id, organizationId });
          else if (field === 'subjects') for (const sid of subjectIds) pending.eventSubjects.push({ eventId: id, subjectId: sid });
          else if (field === 'sources') sources.forEach((x, position) => pending.eventSources.push({ eventId: id, sourceId: x.sourceId, quote: x.quote, position }));
          else for (const slug of rec.tags) pending.eventTags.push({ eventId: id, tagId: needId(tagId, slug) });
        }
        yield* audit(entity, it, rec.title);
      } else if (entity === 'milestones') {
        const { rec } = item as Item<MilestoneRecord>;
        const revises = rec.revises === null ? null : milestoneId.get(rec.revises);
        if (rec.revises !== null && revises === undefined) laterRevises.push([id, rec.revises]);
        if (item.action === 'update') {
          yield repo.updateMilestone(db, id, { ...milestoneData(rec), ...milestoneRefs(rec), ...(revises === undefined ? {} : { revisesId: revises }) });
          yield* repo.milestoneLinkOps(db, id, need(orgId, rec.organizations), need(subjectId, rec.subjects), true);
        } else {
          if (revises !== null && revises !== undefined) yield repo.updateMilestone(db, id, { revisesId: revises });
          for (const organizationId of need(orgId, rec.organizations)) pending.milestoneOrganizations.push({ milestoneId: id, organizationId });
          for (const sid of need(subjectId, rec.subjects)) pending.milestoneSubjects.push({ milestoneId: id, subjectId: sid });
          for (const t of rec.transitions) pending.transitions.push({ milestoneId: id, fromStatus: t.fromStatus, toStatus: t.toStatus, dueAt: t.dueAt!, flaggedAt: t.flaggedAt! });
        }
        yield* audit(entity, item, rec.title);
      }
    }
  }

  return {
    /** Writes one segment's planned items. */
    async segment(entity: EntityList, items: Item<unknown>[]): Promise<void> {
      if (entity === 'tags') {
        // Tags the file names or renames, written once each; their ids for the new events' links.
        for (const it of items as Item<TagRecord>[]) {
          if (it.action === 'unchanged') continue;
          const t = (await repo.upsertTag(db, it.rec)) as { id: number; slug: string };
          tagId.set(t.slug, t.id);
        }
        return;
      }
      await insertNew(entity, items);
      await runYielding(operations(entity, items));
    },
    /** The references forward, the rows still waiting, and the search text of records the file left out that name a renamed record. */
    async finish(): Promise<void> {
      await runYielding(
        (function* () {
          for (const [id, k] of laterCites) yield repo.updateSource(db, id, { citesId: sourceId(k) });
          for (const [id, slug] of laterRevises) yield repo.updateMilestone(db, id, { revisesId: needId(milestoneId, slug) });
          yield* flush(true);
        })(),
      );
      await searchTextOfRenamed(db, held, file, orgName, subjectName, tagName);
    },
  };
}

/**
 * Events and milestones left out of the file whose searchText names a renamed organization,
 * subject or tag: read through their links, a page at a time.
 */
async function searchTextOfRenamed(db: Db, held: HeldKeys, file: FileCheck, orgName: Lookup<string>, subjectName: Lookup<string>, tagName: Lookup<string>): Promise<void> {
  const orgIds = held.organizations.filter((o) => orgName.get(o.slug) !== searchName(o)).map((o) => o.id);
  const subjectIds = held.subjects.filter((s) => subjectName.get(s.slug) !== searchName(s)).map((s) => s.id);
  const tagIds = held.tags.filter((t) => tagName.get(t.slug) !== t.name).map((t) => t.id);
  if (!orgIds.length && !subjectIds.length && !tagIds.length) return;
  const nameOf = (m: Lookup<string>) => (slug: string) => m.get(slug) ?? slug;
  const orgs = (r: { organizations: { organization: { slug: string } }[] }) => r.organizations.map((o) => o.organization.slug);
  const subs = (r: { subjects: { subject: { slug: string } }[] }) => r.subjects.map((s) => s.subject.slug);
  const linked = [
    ...(orgIds.length ? [{ organizations: { some: { organizationId: { in: orgIds } } } }] : []),
    ...(subjectIds.length ? [{ subjects: { some: { subjectId: { in: subjectIds } } } }] : []),
  ];
  const linkedEvents = (after: number, take: number) =>
    db.event.findMany({
      where: { id: { gt: after }, OR: [...linked, ...(tagIds.length ? [{ tags: { some: { tagId: { in: tagIds } } } }] : [])] },
      include: eventInclude,
      orderBy: { id: 'asc' },
      take,
    });
  for await (const events of pagesOf(linkedEvents, TRANSFER_PAGE)) {
    await runYielding(
      events
        .filter((e) => !file.slugs.events.has(e.slug))
        .map((e) =>
          repo.updateEvent(db, e.id, {
            searchText: eventSearchText(e.title, e.summary, orgs(e).map(nameOf(orgName)), subs(e).map(nameOf(subjectName)), e.tags.map((t) => nameOf(tagName)(t.tag.slug))),
          }),
        ),
    );
  }
  if (!linked.length) return;
  const linkedMilestones = (after: number, take: number) =>
    db.milestone.findMany({ where: { id: { gt: after }, OR: linked }, include: milestoneInclude, orderBy: { id: 'asc' }, take });
  for await (const milestones of pagesOf(linkedMilestones, TRANSFER_PAGE)) {
    await runYielding(
      milestones
        .filter((m) => !file.slugs.milestones.has(m.slug))
        .map((m) => repo.updateMilestone(db, m.id, { searchText: milestoneSearchText(m, orgs(m).map(nameOf(orgName)), subs(m).map(nameOf(subjectName))) })),
    );
  }
}
