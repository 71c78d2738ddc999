// The only place the timeline touches Prisma.
import { empty, join, raw, sqltag as sql, type Sql } from '@prisma/client/runtime/client';
import type { Prisma } from '../../generated/sqlite/client.ts';
import { isPostgres, oneOf, readRows, sqlInt, type Db } from '../../platform/db.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { linkedNameOrder, nameOrder } from '../../platform/text/sort-key.ts';
import { dayOf, expandPrefixes, hasDatedIndex, readDatedMatches, searchSql, type Expansions, type SearchQuery, type SearchTable, type Tier } from '../search/index.ts';
import type { CursorKey } from './timeline.schema.ts';

export const eventListInclude = {
  organizations: { include: { organization: true }, orderBy: linkedNameOrder('organization') },
  subjects: { include: { subject: true }, orderBy: linkedNameOrder('subject') },
  tags: { include: { tag: true }, orderBy: linkedNameOrder('tag') },
} satisfies Prisma.EventInclude;

export const eventDetailInclude = {
  ...eventListInclude,
  sources: { include: { source: true }, orderBy: [{ position: 'asc' }, { sourceId: 'asc' }] },
} satisfies Prisma.EventInclude;

export const milestoneInclude = {
  organizations: { include: { organization: true }, orderBy: linkedNameOrder('organization') },
  subjects: { include: { subject: true }, orderBy: linkedNameOrder('subject') },
  source: true,
  afterEvent: { select: { slug: true, title: true } },
  settledBy: { select: { slug: true, title: true, dateStart: true, dateEnd: true, datePrecision: true, dateText: true } },
} satisfies Prisma.MilestoneInclude;

export type EventListRow = Prisma.EventGetPayload<{ include: typeof eventListInclude }>;
export type EventDetailRow = Prisma.EventGetPayload<{ include: typeof eventDetailInclude }>;
export type MilestoneRow = Prisma.MilestoneGetPayload<{ include: typeof milestoneInclude }>;

export interface StreamFilter {
  /** Each list: OR within it; lists AND together. Empty or absent: no condition. */
  organizationIds?: number[];
  subjectIds?: number[];
  /** Events only. */
  tagIds?: number[];
  kinds?: string[];
  confidences?: string[];
  statuses?: string[];
  /** Entries whose window overlaps [from, to). */
  from?: Date;
  to?: Date;
  search?: SearchQuery;
}

export interface StreamPage {
  /** Date order: the last key shown. */
  after: CursorKey | null;
  direction: 'asc' | 'desc';
  take: number;
  /**
   * Relevance order (only with a search that includes words, docs/decisions/0048): the tier of the
   * last row shown (`after` is then its key within that tier), or null on the first page.
   */
  ranked?: { tier: Tier | null };
}

// The two stream reads (events, milestones) are portable raw SQL, the documented exception to
// "through Prisma": Prisma 6.19 compiles every call afresh and runs one statement per relation,
// which made these, the hottest reads of the site, several times slower than the SQL itself.
// One text works on SQLite and PostgreSQL (quoted identifiers, dates as parameters, a row-value
// keyset), except the search, which asks each engine's full-text index (src/features/search).

/** The join tables and columns one stream filters through. */
interface StreamTable {
  name: SearchTable;
  start: Sql;
  end: Sql;
  orgJoin: Sql;
  subjectJoin: Sql;
  fk: Sql;
}

const EVENTS: StreamTable = {
  name: 'Event',
  start: sql`"dateStart"`,
  end: sql`"dateEnd"`,
  orgJoin: sql`"EventOrganization"`,
  subjectJoin: sql`"EventSubject"`,
  fk: sql`"eventId"`,
};

const MILESTONES: StreamTable = {
  name: 'Milestone',
  start: sql`"sortStart"`,
  end: sql`"sortEnd"`,
  orgJoin: sql`"MilestoneOrganization"`,
  subjectJoin: sql`"MilestoneSubject"`,
  fk: sql`"milestoneId"`,
};

function inList(column: Sql, values: readonly (string | number)[]): Sql {
  return values.length === 1 ? sql`${column} = ${values[0]}` : sql`${column} IN (${join(values)})`;
}

/** The conditions of a filter on stream `t` (rows aliased `x`), without the keyset; `tier`: only that relevance tier's matches. */
function filterConditions(db: Db, t: StreamTable, f: StreamFilter, tier?: Tier): Sql[] {
  const where: Sql[] = [];
  if (f.from) where.push(sql`x.${t.end} > ${f.from}`);
  if (f.to) where.push(sql`x.${t.start} < ${f.to}`);
  if (f.organizationIds?.length) {
    where.push(sql`EXISTS (SELECT 1 FROM ${t.orgJoin} j WHERE j.${t.fk} = x."id" AND ${inList(sql`j."organizationId"`, f.organizationIds)})`);
  }
  if (f.subjectIds?.length) {
    where.push(sql`EXISTS (SELECT 1 FROM ${t.subjectJoin} j WHERE j.${t.fk} = x."id" AND ${inList(sql`j."subjectId"`, f.subjectIds)})`);
  }
  if (t.name === 'Event') {
    if (f.kinds?.length) where.push(inList(sql`x."kind"`, f.kinds));
    if (f.confidences?.length) where.push(inList(sql`x."confidence"`, f.confidences));
    if (f.tagIds?.length) where.push(sql`EXISTS (SELECT 1 FROM "EventTag" j WHERE j."eventId" = x."id" AND ${inList(sql`j."tagId"`, f.tagIds)})`);
  } else if (f.statuses?.length) {
    where.push(inList(sql`x."status"`, f.statuses));
  }
  if (f.search) where.push(...searchSql(db, t.name, f.search, tier));
  return where;
}

/**
 * One page of a stream, read by `read` (given a FROM … LIMIT whose rows are aliased `x`), each row
 * with `rank` (the relevance tier, or 0 in timeline order) as its "rank" column. In timeline order
 * the keyset is a row value `(start, end, title, id) > (…)` (or `<`): SQLite ≥ 3.15 and PostgreSQL both seek on the
 * (start, end, title, id) index with it, so a page inside a long run of equal starts costs what
 * page 1 costs. In relevance order each tier is such a stream, read in turn (docs/decisions/0048).
 */
async function readPage<R>(db: Db, t: StreamTable, f: StreamFilter, page: StreamPage, read: (from: Sql, rank: number, ids?: number[]) => Promise<R[]>): Promise<R[]> {
  const asc = page.direction === 'asc';
  // A search alone is read from the date-keyed index, its prefixes expanded once for the page.
  const alone = Boolean(f.search?.include.length) && hasDatedIndex(db, t.name) && filterConditions(db, t, { ...f, search: undefined }).length === 0;
  const expansions = alone ? await expandPrefixes(db, f.search!) : undefined;
  if (expansions === null) return [];
  const from = async (tier: Tier | undefined, after: CursorKey | null, take: number): Promise<Part | null | typeof NO_TIER> =>
    expansions ? datedFrom(db, t, f.search!, expansions, tier, after, asc, take) : { from: orderedPage(db, t, f, tier, after, asc, take) };
  if (!page.ranked || !f.search?.include.length) {
    const part = await from(undefined, page.after, page.take);
    return part && part !== NO_TIER ? read(part.from, 0, part.ids) : [];
  }
  const out: R[] = [];
  const first = page.ranked.tier ?? 1;
  for (const tier of [1, 2] as const) {
    if (tier < first) continue;
    const part = await from(tier, tier === page.ranked.tier ? page.after : null, page.take - out.length);
    if (part === NO_TIER) break;
    if (part) out.push(...(await read(part.from, tier, part.ids)));
    if (out.length >= page.take) break;
  }
  return out;
}

/** No tier of the search can match (datedFrom): the page ends without asking the next tier. */
const NO_TIER = Symbol('no tier matches');

/** FROM … LIMIT of a page's rows; `ids`: every row it can hold, when known before it is read (a search alone: datedFrom). */
interface Part {
  from: Sql;
  ids?: number[];
}

/** The keyset condition: rows after `after` in the order's direction. */
function keyset(t: StreamTable, after: CursorKey, asc: boolean): Sql {
  const [st, e, title, id] = after;
  return sql`(x.${t.start}, x.${t.end}, x."title", x."id") ${raw(asc ? '>' : '<')} (${new Date(st)}, ${new Date(e)}, ${title}, ${id})`;
}

/** FROM … LIMIT of the next `take` rows the filter keeps (one tier's, with `tier`) after `after`, in timeline order. */
function orderedPage(db: Db, t: StreamTable, f: StreamFilter, tier: Tier | undefined, after: CursorKey | null, asc: boolean, take: number): Sql {
  const and = filterConditions(db, t, f, tier);
  if (after) and.push(keyset(t, after, asc));
  return orderedFrom(t, and, asc, take);
}

/** FROM, WHERE, ORDER BY and LIMIT of `take` rows of `t` (aliased `x`) in timeline order. */
function orderedFrom(t: StreamTable, and: Sql[], asc: boolean, take: number): Sql {
  const d = raw(asc ? 'ASC' : 'DESC');
  return sql`FROM ${raw(`"${t.name}"`)} x ${and.length ? sql`WHERE ${join(and, ' AND ')}` : empty}
    ORDER BY x.${t.start} ${d}, x.${t.end} ${d}, x."title" ${d}, x."id" ${d} LIMIT ${sqlInt(take)}`;
}

/**
 * A search alone, from a date-keyed index (docs/decisions/0048): matches come in day order. On
 * SQLite FTS5 stops early in rowid order, so a page costs about a page of matches, not all of
 * them; PostgreSQL sorts the side table's matches by key without reading their rows of the stream.
 * The key knows days, not the timeline's whole key (which also sorts by end, title and id), so only
 * the days a read holds whole are kept (all but its last, unless the matches ran out), and their
 * rows are put in order by the table's index. Null when nothing of this tier matches, NO_TIER when
 * no tier can (readDatedMatches).
 */
async function datedFrom(
  db: Db,
  t: StreamTable,
  q: SearchQuery,
  expansions: Expansions,
  tier: Tier | undefined,
  after: CursorKey | null,
  asc: boolean,
  take: number,
): Promise<Part | null | typeof NO_TIER> {
  const cursorDay = after ? dayOf(after[0]) : null;
  let whole: [number, number][] = [];
  // A page and a few more: the last day read is dropped unless the matches ran out.
  for (let limit = take + 16; ; limit *= 4) {
    const read = await readDatedMatches(db, t.name, q, tier, expansions, { from: cursorDay, desc: !asc }, limit);
    if (read === null) return NO_TIER;
    const ranOut = read.length < limit;
    const lastDay = ranOut ? null : read.at(-1)![0];
    whole = lastDay === null ? read : read.filter(([day]) => day !== lastDay);
    // Matches of days past the cursor's are after it: enough of them make a page.
    if (ranOut || whole.filter(([day]) => day !== cursorDay).length >= take) break;
  }
  if (whole.length === 0) return null;
  // Only the days the page can reach: the cursor's day, and days past it until they hold `take`
  // rows (the last of them whole). The day leads the timeline's order, so later days come after.
  let counted = 0;
  let reach = whole.length;
  for (let i = 0; i < whole.length; i++) {
    const day = whole[i]![0];
    if (counted >= take && day !== whole[i - 1]![0]) {
      reach = i;
      break;
    }
    if (day !== cursorDay) counted++;
  }
  const ids = whole.slice(0, reach).map(([, id]) => id);
  const and = [oneOf(db, sql`x."id"`, ids)];
  if (after) and.push(keyset(t, after, asc));
  return { from: orderedFrom(t, and, asc, take), ids };
}

/** Whether the filter keeps every row of both streams (then facets come from "FacetCount"). */
export function keepsEverything(db: Db, f: StreamFilter): boolean {
  return streamWhere(db, 'Event', f) === null && streamWhere(db, 'Milestone', f) === null;
}

/** WHERE of the rows of a stream (aliased `x`) that the filter keeps, or null when it keeps them all (for counts). */
function streamWhere(db: Db, table: SearchTable, f: StreamFilter): Sql | null {
  const where = filterConditions(db, table === 'Event' ? EVENTS : MILESTONES, f);
  return where.length ? sql`WHERE ${join(where, ' AND ')}` : null;
}

/** SQLite returns DateTime columns of raw queries as ISO text, PostgreSQL as Date. */
function toDate(v: unknown): Date {
  return v instanceof Date ? v : new Date(v as string | number);
}

interface RawEvent {
  id: number | bigint;
  slug: string;
  title: string;
  summary: string;
  kind: string;
  confidence: string;
  dateStart: Date | string;
  dateEnd: Date | string;
  datePrecision: string;
  dateText: string;
  searchText: string;
  createdAt: Date | string;
  updatedAt: Date | string;
  rank: number;
}

/** One row per organization, subject or tag link of the page's events (`k`: o, s or t). */
interface RawLink {
  k: 'o' | 's' | 't';
  eventId: number | bigint;
  id: number | bigint;
  slug: string;
  name: string;
  sortName: string;
  /** Organization.website, Subject.kind. */
  extra: string | null;
  description: string | null;
  createdAt: Date | string | null;
  updatedAt: Date | string | null;
}

/** One page of events with their organizations, subjects and tags (each in name order), as `eventListInclude` reads them: two statements. */
export async function listEvents(db: Db, f: StreamFilter, page: StreamPage): Promise<(EventListRow & { rank: number })[]> {
  // On PostgreSQL, when the rows a page can hold are known before it is read (a search alone),
  // their links are read beside it on another connection, not after it: one round to the database
  // less. (SQLite runs one statement at a time: there, reading more rows' links only costs more.)
  // A page's parts (one per tier) all come with their ids or none do: readPage decides once.
  const early: Promise<RawLink[]>[] = [];
  const beside = isPostgres(db);
  const rows = await readPage(db, EVENTS, f, page, (from, rank, ids) => {
    if (ids && beside) {
      const links = readLinks(db, ids, true);
      // Awaited below; if the page's read fails first, nobody will.
      links.catch(() => {});
      early.push(links);
    }
    return readRows<RawEvent[]>(db, sql`
      SELECT x."id", x."slug", x."title", x."summary", x."kind", x."confidence", x."dateStart", x."dateEnd",
        x."datePrecision", x."dateText", x."searchText", x."createdAt", x."updatedAt", ${raw(String(rank))} AS "rank"
      ${from}`);
  });
  if (rows.length === 0) {
    await Promise.allSettled(early);
    return [];
  }
  const events: (EventListRow & { rank: number })[] = rows.map((r) => ({
    rank: Number(r.rank),
    id: Number(r.id),
    slug: r.slug,
    title: r.title,
    summary: r.summary,
    kind: r.kind,
    confidence: r.confidence,
    dateStart: toDate(r.dateStart),
    dateEnd: toDate(r.dateEnd),
    datePrecision: r.datePrecision,
    dateText: r.dateText,
    searchText: r.searchText,
    createdAt: toDate(r.createdAt),
    updatedAt: toDate(r.updatedAt),
    organizations: [],
    subjects: [],
    tags: [],
  }));
  const byId = new Map(events.map((e) => [e.id, e]));
  // Links of rows read early but left off the page are skipped below; a page not known early reads its own.
  const links = early.length ? (await Promise.all(early)).flat() : await readLinks(db, events.map((e) => e.id));
  for (const l of links) {
    const e = byId.get(Number(l.eventId));
    if (!e) continue;
    const id = Number(l.id);
    if (l.k === 'o') {
      e.organizations.push({
        eventId: e.id,
        organizationId: id,
        organization: {
          id,
          slug: l.slug,
          name: l.name,
          sortName: l.sortName,
          website: l.extra,
          description: l.description ?? '',
          aliases: '',
          createdAt: toDate(l.createdAt),
          updatedAt: toDate(l.updatedAt),
        },
      });
    } else if (l.k === 's') {
      e.subjects.push({
        eventId: e.id,
        subjectId: id,
        subject: {
          id,
          slug: l.slug,
          name: l.name,
          sortName: l.sortName,
          kind: l.extra ?? 'other',
          description: l.description ?? '',
          aliases: '',
          createdAt: toDate(l.createdAt),
          updatedAt: toDate(l.updatedAt),
        },
      });
    } else {
      e.tags.push({ eventId: e.id, tagId: id, tag: { id, slug: l.slug, name: l.name, sortName: l.sortName } });
    }
  }
  return events;
}

/**
 * The organization, subject and tag links of these events, in name order (`k`: o, s or t). A page's
 * ids are a list of placeholders (as many as the page has rows: a handful of statement texts);
 * ids read early, whose number varies with the search, are one parameter (oneOf).
 */
function readLinks(db: Db, eventIds: number[], early = false): Promise<RawLink[]> {
  const of = (column: Sql) => (early ? oneOf(db, column, eventIds) : sql`${column} IN (${join(eventIds)})`);
  return readRows<RawLink[]>(db, sql`
    SELECT 'o' AS "k", j."eventId" AS "eventId", o."id" AS "id", o."slug" AS "slug", o."name" AS "name", o."sortName" AS "sortName",
      o."website" AS "extra", o."description" AS "description", o."createdAt" AS "createdAt", o."updatedAt" AS "updatedAt"
    FROM "EventOrganization" j JOIN "Organization" o ON o."id" = j."organizationId" WHERE ${of(sql`j."eventId"`)}
    UNION ALL
    SELECT 's', j."eventId", s."id", s."slug", s."name", s."sortName", s."kind", s."description", s."createdAt", s."updatedAt"
    FROM "EventSubject" j JOIN "Subject" s ON s."id" = j."subjectId" WHERE ${of(sql`j."eventId"`)}
    UNION ALL
    SELECT 't', j."eventId", t."id", t."slug", t."name", t."sortName", NULL, NULL, NULL, NULL
    FROM "EventTag" j JOIN "Tag" t ON t."id" = j."tagId" WHERE ${of(sql`j."eventId"`)}
    ORDER BY "sortName", "name", "id"`);
}

/** The same events with their sources and quotes, in the detail's order: one statement for all of them. */
export async function withSources(db: Db, events: EventListRow[]): Promise<(EventListRow | EventDetailRow)[]> {
  if (events.length === 0) return events;
  const links = await db.eventSource.findMany({
    where: { eventId: { in: events.map((e) => e.id) } },
    include: { source: true },
    orderBy: [{ eventId: 'asc' }, { position: 'asc' }, { sourceId: 'asc' }],
  });
  const byEvent = new Map<number, EventDetailRow['sources']>();
  for (const l of links) byEvent.set(l.eventId, [...(byEvent.get(l.eventId) ?? []), l]);
  return events.map((e) => ({ ...e, sources: byEvent.get(e.id) ?? [] }));
}

/**
 * One page of milestones: their ids through portable SQL, then (only when there are any) the
 * rows with `milestoneInclude` through Prisma, put back in the page's order.
 */
export async function listMilestones(db: Db, f: StreamFilter, page: StreamPage): Promise<(MilestoneRow & { rank: number })[]> {
  const found = await readPage(db, MILESTONES, f, page, (from, rank) =>
    readRows<{ id: number | bigint; rank: number }[]>(db, sql`SELECT x."id", ${raw(String(rank))} AS "rank" ${from}`),
  );
  if (found.length === 0) return [];
  const ids = found.map((r) => Number(r.id));
  const rows = await db.milestone.findMany({ where: { id: { in: ids } }, include: milestoneInclude });
  const byId = new Map(rows.map((m) => [m.id, m]));
  // A milestone deleted between the two reads is simply left out.
  return found.flatMap((r) => {
    const m = byId.get(Number(r.id));
    return m ? [{ ...m, rank: Number(r.rank) }] : [];
  });
}

export interface NamedLink {
  slug: string;
  name: string;
}

/** Organizations, subjects and tags for the filter form, each in name order: one raw statement, read on every home render. */
export async function listFilterNames(db: Db): Promise<{ organizations: NamedLink[]; subjects: NamedLink[]; tags: NamedLink[] }> {
  const rows = await readRows<(NamedLink & { k: 'o' | 's' | 't' })[]>(db, sql`
    SELECT 'o' AS "k", "id", "slug", "name", "sortName" FROM "Organization"
    UNION ALL
    SELECT 's', "id", "slug", "name", "sortName" FROM "Subject"
    UNION ALL
    SELECT 't', "id", "slug", "name", "sortName" FROM "Tag"
    ORDER BY "k", "sortName", "name", "id"`);
  const out = { organizations: [] as NamedLink[], subjects: [] as NamedLink[], tags: [] as NamedLink[] };
  for (const r of rows) (r.k === 'o' ? out.organizations : r.k === 's' ? out.subjects : out.tags).push({ slug: r.slug, name: r.name });
  return out;
}

/** Ids of the organizations, subjects or tags with these slugs, by slug (unknown slugs are absent). */
export async function findIdsBySlug(db: Db, what: 'organization' | 'subject' | 'tag', slugs: string[]): Promise<Map<string, number>> {
  if (slugs.length === 0) return new Map();
  const where = { slug: { in: slugs } };
  const select = { id: true, slug: true } as const;
  const rows =
    what === 'organization'
      ? await db.organization.findMany({ where, select })
      : what === 'subject'
        ? await db.subject.findMany({ where, select })
        : await db.tag.findMany({ where, select });
  return new Map(rows.map((r) => [r.slug, r.id]));
}

export async function getEventBySlug(db: Db, slug: string) {
  const row = await db.event.findUnique({
    where: { slug },
    include: {
      ...eventDetailInclude,
      settles: { include: milestoneInclude, orderBy: [{ sortStart: 'asc' }, { id: 'asc' }] },
      awaitedBy: { include: milestoneInclude, orderBy: [{ sortStart: 'asc' }, { id: 'asc' }] },
    },
  });
  if (!row) throw new NotFoundError(`No event "${slug}".`);
  return row;
}

/** Claims made in any of these sources, by date. */
export function listMilestonesOfSources(db: Db, sourceIds: number[]) {
  if (sourceIds.length === 0) return Promise.resolve([] as MilestoneRow[]);
  return db.milestone.findMany({
    where: { sourceId: { in: sourceIds } },
    include: milestoneInclude,
    orderBy: [{ sortStart: 'asc' }, { id: 'asc' }],
  });
}

export async function getMilestoneBySlug(db: Db, slug: string) {
  const row = await db.milestone.findUnique({
    where: { slug },
    include: {
      ...milestoneInclude,
      revises: { select: { slug: true, title: true } },
      revisedBy: { select: { slug: true, title: true } },
    },
  });
  if (!row) throw new NotFoundError(`No milestone "${slug}".`);
  return row;
}

export async function getOrganizationBySlug(db: Db, slug: string) {
  const row = await db.organization.findUnique({
    where: { slug },
    include: { subjects: { include: { subject: true }, orderBy: linkedNameOrder('subject') } },
  });
  if (!row) throw new NotFoundError(`No organization "${slug}".`);
  return row;
}

export async function getSubjectBySlug(db: Db, slug: string) {
  const row = await db.subject.findUnique({
    where: { slug },
    include: { organizations: { include: { organization: true }, orderBy: linkedNameOrder('organization') } },
  });
  if (!row) throw new NotFoundError(`No subject "${slug}".`);
  return row;
}

/** Events (and claims) listed on a source page; the others are counted. */
export const SOURCE_EVENTS_SHOWN = 500;

export async function getSource(db: Db, id: number) {
  const row = await db.source.findUnique({
    where: { id },
    include: {
      cites: true,
      citedBy: { orderBy: [{ publishedOn: 'asc' }, { id: 'asc' }] },
      discrepancies: { orderBy: { id: 'asc' } },
      // A source cited by tens of thousands of events: the page lists the first ones and counts the rest.
      events: {
        include: { event: { include: eventListInclude } },
        orderBy: [{ event: { dateStart: 'asc' } }, { eventId: 'asc' }],
        take: SOURCE_EVENTS_SHOWN,
      },
      milestones: { include: milestoneInclude, orderBy: [{ sortStart: 'asc' }, { id: 'asc' }], take: SOURCE_EVENTS_SHOWN },
      _count: { select: { events: true, milestones: true } },
    },
  });
  if (!row) throw new NotFoundError(`No source with id ${id}.`);
  return row;
}

/** Rows after (sortName, name, id) in name order (docs/decisions/0045): a keyset page. */
function afterName(after: NameKey | undefined) {
  if (!after) return {};
  const [sortName, name, id] = after;
  return { OR: [{ sortName: { gt: sortName } }, { sortName, name: { gt: name } }, { sortName, name, id: { gt: id } }] };
}

/** [sortName, name, id] of the last row of a page in name order. */
export type NameKey = [string, string, number];

export function listOrganizations(db: Db, page: { after?: NameKey; take?: number } = {}) {
  return db.organization.findMany({
    where: afterName(page.after),
    take: page.take,
    orderBy: nameOrder(),
    include: { _count: { select: { events: true, milestones: true } } },
  });
}

export function listSubjects(db: Db, page: { after?: NameKey; take?: number } = {}) {
  return db.subject.findMany({
    where: afterName(page.after),
    take: page.take,
    orderBy: nameOrder(),
    include: {
      organizations: { include: { organization: true }, orderBy: linkedNameOrder('organization') },
      _count: { select: { events: true, milestones: true } },
    },
  });
}

export interface SourcePage {
  afterId?: number;
  take: number;
}

export function listSources(db: Db, page: SourcePage) {
  return db.source.findMany({
    where: page.afterId ? { id: { gt: page.afterId } } : {},
    orderBy: { id: 'asc' },
    take: page.take,
    include: { discrepancies: { orderBy: { id: 'asc' } }, cites: true },
  });
}

export function listAllMilestones(db: Db) {
  return db.milestone.findMany({
    orderBy: [{ sortStart: 'asc' }, { sortEnd: 'asc' }, { title: 'asc' }, { id: 'asc' }],
    include: milestoneInclude,
  });
}

export type FacetName = 'organization' | 'subject' | 'kind' | 'confidence' | 'status' | 'tag';
export type FacetCounts = Record<FacetName, Map<string, number>>;

/** One facet to count: with the filter it is counted under (every filter but its own) and the streams it counts. */
export interface FacetAsk {
  facet: FacetName;
  f: StreamFilter;
  streams: { events: boolean; milestones: boolean };
}

/**
 * How many entries hold each value of one facet, among the rows `f` keeps on the streams asked
 * for: one GROUP BY statement, never rows. Organizations count events and milestones together.
 */
export async function facetCounts(db: Db, facet: FacetName, f: StreamFilter, streams: FacetAsk['streams']): Promise<Map<string, number>> {
  return (await countFacets(db, [{ facet, f, streams }])).get(facet) ?? new Map();
}

/**
 * The counts of several facets in one statement. The rows each stream keeps under a facet's filter
 * are selected once per distinct filter (a materialized CTE of ids), and every facet counted under
 * that filter reads them: a search is matched once, not once per facet (docs/decisions/0039).
 */
export async function countFacets(db: Db, asked: FacetAsk[]): Promise<Map<FacetName, Map<string, number>>> {
  const out = new Map<FacetName, Map<string, number>>(asked.map((a) => [a.facet, new Map()]));
  const kept = new Map<string, { name: Sql; def: Sql }>();
  /** The CTE of the ids `table` keeps under `f`, or null when it keeps every row. */
  const keptIds = (table: SearchTable, f: StreamFilter): Sql | null => {
    const where = streamWhere(db, table, f);
    if (!where) return null;
    const key = `${table}\u0000${where.sql}\u0000${JSON.stringify(where.values)}`;
    let k = kept.get(key);
    if (!k) {
      const name = raw(`"kept${kept.size}"`);
      const columns = table === 'Event' ? sql`x."id", x."kind", x."confidence"` : sql`x."id", x."status"`;
      k = { name, def: sql`${name} AS MATERIALIZED (SELECT ${columns} FROM ${raw(`"${table}"`)} x ${where})` };
      kept.set(key, k);
    }
    return k.name;
  };
  const parts = asked.flatMap((a) => facetParts(db, a, (table) => keptIds(table, a.f)));
  if (parts.length === 0) return out;
  const ctes = [...kept.values()].map((k) => k.def);
  const rows = await readRows<{ f: FacetName; v: string; n: number | bigint }[]>(
    db,
    sql`${ctes.length ? sql`WITH ${join(ctes, ', ')}` : empty}
    ${join(parts, ' UNION ALL ')}`,
  );
  for (const r of rows) {
    const m = out.get(r.f);
    if (m) m.set(r.v, (m.get(r.v) ?? 0) + Number(r.n));
  }
  return out;
}

/**
 * The SELECTs (facet, value, count) of one facet; `ids`: the kept rows of a stream (a CTE of their
 * id, kind and confidence, or id and status), or null for all its rows.
 */
function facetParts(db: Db, { facet, streams }: FacetAsk, ids: (table: SearchTable) => Sql | null): Sql[] {
  const label = sql`CAST(${facet} AS TEXT)`;
  // Counted on the join table's (valueId, rowId) index, grouped by id, then named: no lookup of
  // the wide rows unless a filter needs them (then once, in the CTE).
  const linked = (table: SearchTable, joinTable: string, fk: string, valueFk: string, names: string) => {
    const kept = ids(table);
    // Filtered: from each kept id into the join table's primary key (rowId, valueId). Both engines
    // otherwise prefer to read the whole join table against the CTE (ten times slower): SQLite's
    // CROSS JOIN keeps the order written, PostgreSQL's LATERAL with OFFSET 0 (not flattened) a nested loop.
    const j = raw(joinTable);
    const from = !kept
      ? sql`${j} fj`
      : isPostgres(db)
        ? sql`${kept} i CROSS JOIN LATERAL (SELECT l.${raw(valueFk)} FROM ${j} l WHERE l.${raw(fk)} = i."id" OFFSET 0) fj`
        : sql`${kept} i CROSS JOIN ${j} fj ON fj.${raw(fk)} = i."id"`;
    return sql`SELECT ${label} AS "f", n."slug" AS "v", c."n" AS "n" FROM (
      SELECT fj.${raw(valueFk)} AS "id", COUNT(*) AS "n" FROM ${from} GROUP BY fj.${raw(valueFk)}
    ) c JOIN ${raw(names)} n ON n."id" = c."id"`;
  };
  const column = (table: SearchTable, col: string) => {
    const kept = ids(table);
    const from = kept ?? raw(`"${table}"`);
    return sql`SELECT ${label} AS "f", x.${raw(col)} AS "v", COUNT(*) AS "n" FROM ${from} x GROUP BY x.${raw(col)}`;
  };
  const parts: Sql[] = [];
  if (facet === 'organization') {
    if (streams.events) parts.push(linked('Event', '"EventOrganization"', '"eventId"', '"organizationId"', '"Organization"'));
    if (streams.milestones) parts.push(linked('Milestone', '"MilestoneOrganization"', '"milestoneId"', '"organizationId"', '"Organization"'));
  } else if (facet === 'subject') {
    if (streams.events) parts.push(linked('Event', '"EventSubject"', '"eventId"', '"subjectId"', '"Subject"'));
    if (streams.milestones) parts.push(linked('Milestone', '"MilestoneSubject"', '"milestoneId"', '"subjectId"', '"Subject"'));
  } else if (facet === 'tag') {
    if (streams.events) parts.push(linked('Event', '"EventTag"', '"eventId"', '"tagId"', '"Tag"'));
  } else if (facet === 'status') {
    if (streams.milestones) parts.push(column('Milestone', '"status"'));
  } else if (streams.events) {
    parts.push(column('Event', facet === 'kind' ? '"kind"' : '"confidence"'));
  }
  return parts;
}

const NAMED_FACETS = { organization: '"Organization"', subject: '"Subject"', tag: '"Tag"' } as const;

/**
 * The counts of facets whose filter keeps every row, read from "FacetCount" (kept by triggers,
 * docs/decisions/0038): one statement for all of them, a few dozen rows whatever the size of the
 * data. `asked`: each facet with the streams it counts (organizations: events and milestones together).
 */
export async function storedFacetCounts(
  db: Db,
  asked: { facet: FacetName; streams: { events: boolean; milestones: boolean } }[],
): Promise<Map<FacetName, Map<string, number>>> {
  const out = new Map<FacetName, Map<string, number>>(asked.map((a) => [a.facet, new Map()]));
  const which = asked.flatMap(({ facet, streams }) => {
    const s = [...(streams.events ? ['e'] : []), ...(streams.milestones ? ['m'] : [])];
    return s.length ? [sql`(c."facet" = ${facet} AND c."stream" IN (${join(s)}))`] : [];
  });
  if (which.length === 0) return out;
  // SQLite compares an integer id with the text value numerically (index lookup); PostgreSQL needs the cast.
  const id = (alias: string) => (isPostgres(db) ? sql`CAST(${raw(alias)}."id" AS TEXT)` : sql`${raw(alias)}."id"`);
  const named = Object.entries(NAMED_FACETS).map(
    ([facet, table]) => sql`SELECT c."facet" AS "f", n."slug" AS "v", c."n" AS "n" FROM "FacetCount" c JOIN ${raw(table)} n ON ${id('n')} = c."value"
      WHERE c."facet" = ${facet} AND c."n" > 0 AND (${join(which, ' OR ')})`,
  );
  const rows = await readRows<{ f: FacetName; v: string; n: number | bigint }[]>(db, sql`
    ${join(named, ' UNION ALL ')}
    UNION ALL
    SELECT c."facet", c."value", c."n" FROM "FacetCount" c
    WHERE c."facet" IN ('kind', 'confidence') AND c."n" > 0 AND (${join(which, ' OR ')})`);
  for (const r of rows) {
    const m = out.get(r.f);
    if (m) m.set(r.v, (m.get(r.v) ?? 0) + Number(r.n));
  }
  return out;
}
