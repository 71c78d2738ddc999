import type { Db } from '../../platform/db.ts';
import { ValidationError, type FieldErrors } from '../../platform/errors.ts';
import type { ParseResult } from '../../platform/validation.ts';
import { createVersionedCache, type VersionedCache, type VersionedCacheOptions } from '../../platform/versioned-cache.ts';
import { highlighter, highlightWords, parseSearch, type Segment, type Tier } from '../search/index.ts';
import { formatFuzzyDate } from '../dates/index.ts';
import * as repo from './timeline.repo.ts';
import { eventVM, milestoneVM } from './timeline.mappers.ts';
import { encodeCursor, type Cursor, type CursorKey, type TimelineQuery } from './timeline.schema.ts';
import type { EntryVM, YearGroupVM } from './timeline.view-models.ts';

export interface TimelinePage {
  entries: EntryVM[];
  nextCursor: string | null;
}

const FILTER_NAMES = { organization: 'organization', subject: 'subject', tag: 'tag' } as const;

/** Resolves slugs to ids; an unknown slug is a mistake the reader should hear about (errors by field). */
export async function resolveFilter(db: Db, q: TimelineQuery): Promise<ParseResult<repo.StreamFilter>> {
  const f: repo.StreamFilter = {
    kinds: q.kind,
    confidences: q.confidence,
    statuses: q.status,
    from: q.from?.start,
    to: q.to?.end,
  };
  const errors: FieldErrors = {};
  const [organizations, subjects, tags] = await Promise.all(
    (['organization', 'subject', 'tag'] as const).map((k) => repo.findIdsBySlug(db, k, q[k])),
  );
  const ids = (k: keyof typeof FILTER_NAMES, found: Map<string, number>): number[] => {
    const unknown = q[k].filter((s) => !found.has(s));
    if (unknown.length) errors[k] = `There is no ${FILTER_NAMES[k]} ${unknown.map((s) => `"${s}"`).join(', ')}.`;
    return q[k].flatMap((s) => found.get(s) ?? []);
  };
  f.organizationIds = ids('organization', organizations!);
  f.subjectIds = ids('subject', subjects!);
  f.tagIds = ids('tag', tags!);
  if (Object.keys(errors).length) return { ok: false, errors };
  const search = q.q ? parseSearch(q.q) : null;
  if (search) f.search = search;
  return { ok: true, value: f };
}

/** Relevance order: a search that includes words, unless the reader asked for timeline order. */
export function isRanked(q: TimelineQuery, f: repo.StreamFilter): boolean {
  return Boolean(f.search?.include.length) && q.sort !== 'date';
}

/** The filter of a query, or a ValidationError naming the unknown slugs. */
export async function resolveOrThrow(db: Db, q: TimelineQuery): Promise<repo.StreamFilter> {
  return unwrap(await resolveFilter(db, q));
}

function unwrap(r: ParseResult<repo.StreamFilter>): repo.StreamFilter {
  if (!r.ok) throw new ValidationError('Some filters name things Timeline does not know.', r.errors);
  return r.value;
}

function key(start: Date, end: Date, title: string, id: number): CursorKey {
  return [start.toISOString(), end.toISOString(), title, id];
}

/** Which streams a query can draw from: event-only filters exclude milestones and the reverse. */
export function streamsFor(q: TimelineQuery): { events: boolean; milestones: boolean } {
  const type = q.type ?? 'all';
  return {
    events: type !== 'milestones' && q.status.length === 0,
    milestones: type !== 'events' && q.kind.length === 0 && q.confidence.length === 0 && q.tag.length === 0,
  };
}

/**
 * One page of the merged chronology. Events and milestones are two keyset-paginated streams;
 * a merge by picking the earlier head always takes a prefix of each, so the cursor keeps one
 * key per stream and no entry is skipped or repeated whatever the collation.
 */
export async function listTimeline(
  db: Db,
  q: TimelineQuery,
  limit: number,
  resolved?: repo.StreamFilter,
  opts: { sources?: boolean } = {},
): Promise<TimelinePage> {
  const filter = resolved ?? unwrap(await resolveFilter(db, q));
  const direction = q.order === 'oldest' ? 'asc' : 'desc';
  const cursor: Cursor = q.cursor ?? { e: null, m: null };
  const want = streamsFor(q);
  const take = limit + 1;
  const ranked = isRanked(q, filter);

  const [events, milestones] = await Promise.all([
    want.events && !cursor.eDone
      ? repo.listEvents(db, filter, { after: cursor.e, direction, take, ranked: ranked ? { tier: cursor.er ?? null } : undefined })
      : [],
    want.milestones && !cursor.mDone
      ? repo.listMilestones(db, filter, { after: cursor.m, direction, take, ranked: ranked ? { tier: cursor.mr ?? null } : undefined })
      : [],
  ]);

  // The API's lists carry each event's sources: one more statement for the whole page.
  const listed = opts.sources ? await repo.withSources(db, events.slice(0, limit)) : events;
  if (opts.sources) events.splice(0, listed.length, ...(listed as typeof events));
  const sign = direction === 'asc' ? 1 : -1;
  const words = filter.search ? highlightWords(filter.search) : [];
  const mark = words.length ? highlighter(words) : null;
  const entries: EntryVM[] = [];
  let i = 0;
  let j = 0;
  while (entries.length < limit && (i < events.length || j < milestones.length)) {
    const e = events[i];
    const m = milestones[j];
    // Relevance: the lower tier first, then (as in timeline order) the earlier key in the reader's direction.
    const takeEvent =
      e !== undefined &&
      (m === undefined ||
        (ranked && e.rank !== m.rank
          ? e.rank < m.rank
          : sign * compareKeys(key(e.dateStart, e.dateEnd, e.title, e.id), key(m.sortStart, m.sortEnd, m.title, m.id)) <= 0));
    if (takeEvent) {
      entries.push(withHighlights(eventVM(e), mark, e.rank));
      i++;
    } else if (m) {
      entries.push(withHighlights(milestoneVM(m), mark, m.rank));
      j++;
    }
  }
  // The cursor keeps the last event and milestone shown (or what the previous cursor kept).
  const e = events[i - 1];
  const m = milestones[j - 1];
  const lastE = e ? key(e.dateStart, e.dateEnd, e.title, e.id) : cursor.e;
  const lastM = m ? key(m.sortStart, m.sortEnd, m.title, m.id) : cursor.m;
  const lastER = e ? (e.rank as Tier) : (cursor.er ?? null);
  const lastMR = m ? (m.rank as Tier) : (cursor.mr ?? null);
  const moreEvents = i < events.length;
  const moreMilestones = j < milestones.length;
  const next: Cursor = { e: lastE, m: lastM, eDone: !moreEvents || undefined, mDone: !moreMilestones || undefined };
  if (ranked) Object.assign(next, { er: lastER, mr: lastMR });
  const nextCursor = moreEvents || moreMilestones ? encodeCursor(next) : null;
  return { entries, nextCursor };
}

/** The entry with its title and summary (or claim) cut into segments, the searched words marked, and its relevance tier (0: none). */
function withHighlights(entry: EntryVM, mark: ((text: string) => Segment[]) | null, tier: number): EntryVM {
  if (!mark) return entry;
  // The entry was just made for this page: set in place (a copy of each costs more than marking it).
  entry.highlight = { title: mark(entry.title), body: mark(entry.type === 'event' ? entry.summary : entry.claim) };
  if (tier) entry.matched = tier === 1 ? 'title' : 'text';
  return entry;
}

function compareKeys(a: CursorKey, b: CursorKey): number {
  for (let k = 0; k < 4; k++) {
    const x = a[k]!;
    const y = b[k]!;
    if (x < y) return -1;
    if (x > y) return 1;
  }
  return 0;
}

const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' });

function placementOf(e: EntryVM) {
  return e.type === 'event' ? e.date : e.placement;
}

/** The note before the matches found outside the titles (relevance order, decision 48). */
export const TEXT_MATCHES = 'Also found: entries with the words outside their title';

/**
 * Groups consecutive entries under their year, then under their month when the entry's window
 * lies within one month, or under the entry's own label ("early 2024", "2024") when it is wider:
 * a year-precision entry sits in its year, never on 1 January.
 */
export function groupByYearAndMonth(entries: EntryVM[]): YearGroupVM[] {
  const years: YearGroupVM[] = [];
  for (const entry of entries) {
    const d = placementOf(entry);
    const start = new Date(d.start);
    const lastDay = new Date(new Date(d.end).getTime() - 1);
    const year = start.getUTCFullYear();
    const sameMonth = start.getUTCFullYear() === lastDay.getUTCFullYear() && start.getUTCMonth() === lastDay.getUTCMonth();
    const wide = formatFuzzyDate({ start, end: new Date(d.end), precision: d.precision });
    // A year-long window under its own year heading reads "2024 › 2024": say what it means instead.
    const label = sameMonth ? `${monthFormat.format(start)} ${year}` : wide === String(year) ? `Sometime in ${year}` : wide;
    let y = years.at(-1);
    const previous = y?.groups.at(-1)?.entries.at(-1);
    // In relevance order the second tier starts again from the newest year, under a note.
    const newTier = entry.matched === 'text' && previous?.matched !== 'text';
    if (!y || y.year !== year || newTier) {
      y = { year, key: `${year}${entry.matched === 'text' ? '-text' : ''}`, groups: [] };
      if (newTier) y.tierNote = TEXT_MATCHES;
      years.push(y);
    }
    let g = y.groups.at(-1);
    if (!g || g.label !== label) {
      g = { label, entries: [] };
      y.groups.push(g);
    }
    g.entries.push(entry);
  }
  return years;
}

export const FACETS = ['organization', 'subject', 'kind', 'confidence', 'status', 'tag'] as const;
export type Facets = Record<(typeof FACETS)[number], { value: string; count: number }[]>;

/** Each facet's filter in a StreamFilter and in a TimelineQuery. */
const FACET_FIELDS = {
  organization: 'organizationIds',
  subject: 'subjectIds',
  kind: 'kinds',
  confidence: 'confidences',
  status: 'statuses',
  tag: 'tagIds',
} as const satisfies Record<(typeof FACETS)[number], keyof repo.StreamFilter>;

/**
 * How many entries each organization, subject, kind, confidence, status and tag holds for the query. Each
 * facet is counted with every filter but its own (values of one filter are alternatives: the
 * count of a value is what the list shows with that value chosen instead). A facet whose other
 * filters keep every row (the unfiltered home page, or a query filtered by that facet alone) is
 * read from the counts the database keeps by triggers ("FacetCount", decision 38): one statement
 * for all of them (milestone statuses excepted). The others are counted together in one statement
 * over the rows the query keeps, each distinct filter (a search) applied once (decision 39): at
 * most two statements whatever the size of the data.
 */
export async function listFacets(db: Db, q: TimelineQuery, resolved?: repo.StreamFilter): Promise<Facets> {
  const filter = resolved ?? unwrap(await resolveFilter(db, q));
  const each = FACETS.map((facet) => ({
    facet,
    f: { ...filter, [FACET_FIELDS[facet]]: [] } as repo.StreamFilter,
    streams: streamsFor({ ...q, [facet]: [] }),
  }));
  // Statuses are not stored (flagging moves them by the thousand): always counted, on the status index.
  const stored = each.filter((x) => x.facet !== 'status' && repo.keepsEverything(db, x.f));
  const rest = each.filter((x) => !stored.includes(x));
  const none = new Map<repo.FacetName, Map<string, number>>();
  const [kept, counted] = await Promise.all([
    stored.length ? repo.storedFacetCounts(db, stored) : none,
    rest.length ? repo.countFacets(db, rest) : none,
  ]);
  const out = {} as Facets;
  each.forEach(({ facet }) => {
    const counts = counted.get(facet) ?? kept.get(facet) ?? new Map<string, number>();
    out[facet] = [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
  });
  return out;
}

/** Facets kept per query until content changes (app.ts makes one when the render cache is on). */
export type FacetCache = VersionedCache<Facets>;

/** A facet cache of the 200 queries last asked (a few kB each). */
export function createFacetCache(opts: VersionedCacheOptions): FacetCache {
  return createVersionedCache<Facets>({ maxEntries: 200, ...opts });
}

/**
 * What a query's facets depend on: its search and filters, not its page, order, sort or limit.
 * Values of a filter are alternatives, so their order does not matter either.
 */
export function facetKey(q: TimelineQuery): string {
  const set = (values: readonly string[]) => [...new Set(values)].sort();
  return JSON.stringify([
    q.q ?? '',
    q.type ?? 'all',
    q.from?.start.toISOString() ?? null,
    q.to?.end.toISOString() ?? null,
    ...FACETS.map((facet) => set(q[facet])),
  ]);
}

/**
 * `listFacets`, through `cache` when there is one: the next page of a search, the same search
 * sorted by date, or the API's pages of it are counted once until content changes.
 */
export function cachedFacets(db: Db, q: TimelineQuery, filter: repo.StreamFilter, cache: FacetCache | undefined): Promise<Facets> {
  return cache ? cache.through(facetKey(q), () => listFacets(db, q, filter)) : listFacets(db, q, filter);
}
