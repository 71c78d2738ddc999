// Every endpoint of the JSON API, described once: the router, the OpenAPI document and the /api
// page are all made from this list.
import type { Request } from 'express';
import type { z } from 'zod';
import { CONFIDENCES, EVENT_KINDS, MILESTONE_STATUSES } from '../../domain/vocabulary.ts';
import type { Db } from '../../platform/db.ts';
import { parseOrThrow } from '../../platform/validation.ts';
import { claimDateJson, readClaimDateQuery } from '../dates/index.ts';
import { calibrationFor, scorecardFor } from '../milestones/index.ts';
import {
  cachedFacets,
  eventPage,
  type FacetCache,
  listTimeline,
  MAX_FILTER_VALUES,
  milestonePage,
  organizationPage,
  namedListQuery,
  resolveOrThrow,
  searchNamedList,
  SORTS,
  sourceIdFromParam,
  sourcePage,
  subjectPage,
  timelineQuerySchema,
  type TimelineQuery,
} from '../timeline/index.ts';
import { redirectFor } from '../content/index.ts';
import { DATA_LICENCE, timelineJsDoc, type TjsEvent } from '../datasets/index.ts';
import * as out from './api.schema.ts';

export interface Param {
  name: string;
  in: 'query' | 'path';
  description: string;
  /** Allowed values, when there is a fixed list. */
  values?: readonly string[];
  example?: string;
  /** Repeatable (`?kind=release&kind=paper`): OR within the parameter. */
  many?: boolean;
}

/** What start-up gives every endpoint besides the database. */
export interface EndpointContext {
  /** Facets kept per query until content changes; unset: counted for every page. */
  facetCache?: FacetCache | undefined;
}

export interface Endpoint {
  path: string;
  summary: string;
  params: Param[];
  response: z.ZodType;
  /** Path parameters for the example on the /api page. */
  example?: Record<string, string>;
  /** The query of the example on the /api page, where `limit=1` does not fit. */
  exampleQuery?: Record<string, string>;
  handle: (db: Db, req: Request, ctx?: EndpointContext) => Promise<unknown>;
  /** When `handle` finds nothing: where the record went (a merged subject's slug), for a 301. */
  movedTo?: (db: Db, req: Request) => Promise<string | null>;
}

const DEFAULT_LIMIT = 20;
export const INVALID_QUERY = 'Some query parameters are not valid.';

const limit: Param = { name: 'limit', in: 'query', description: `Entries per page, 1 to 100 (default ${DEFAULT_LIMIT}).`, example: '20' };
const cursor: Param = { name: 'cursor', in: 'query', description: 'The `nextCursor` of the previous page.' };

const many = `Repeat it for several (OR within, AND with the other filters), at most ${MAX_FILTER_VALUES}.`;

const filters: Param[] = [
  { name: 'organization', in: 'query', description: `An organization slug. ${many}`, example: 'meta', many: true },
  { name: 'subject', in: 'query', description: `A subject slug. ${many}`, example: 'llama-2', many: true },
  { name: 'kind', in: 'query', description: `Event kind (events only). ${many}`, values: EVENT_KINDS, many: true },
  { name: 'confidence', in: 'query', description: `How sure the record is (events only). ${many}`, values: CONFIDENCES, many: true },
  { name: 'status', in: 'query', description: `Where a claim stands (milestones only). ${many}`, values: MILESTONE_STATUSES, many: true },
  { name: 'tag', in: 'query', description: `A tag slug (events only). ${many}`, many: true },
  { name: 'from', in: 'query', description: 'Entries overlapping this fuzzy date or later ("2023", "Q3 2024", "2024-05-01").', example: '2023' },
  { name: 'to', in: 'query', description: 'Entries overlapping this fuzzy date or earlier.', example: 'mid 2024' },
  {
    name: 'q',
    in: 'query',
    description:
      'Full-text search: words (each may be the start of a longer word), "quoted phrases", and -excluded words; case and accents do not matter ("debut" finds "début"); % and _ are literal. Anything else (OR, NEAR(, *, an unclosed quote) is read as plain words.',
    example: 'llama',
  },
  { name: 'sort', in: 'query', description: 'With `q`: relevance (default, title matches first) or date (the timeline order, see `order`).', values: SORTS },
  { name: 'order', in: 'query', description: 'newest first (default) or oldest first.', values: ['newest', 'oldest'] },
  {
    name: 'facets',
    in: 'query',
    description:
      'facets=1 adds `facets`: for the query, how many entries each organization, kind, confidence, status and tag holds. Each facet is counted with every filter but its own, so a count is what the list holds with that value chosen instead. The counts of a query are made once until content changes: asking them again on its next page costs nothing.',
    values: ['0', '1'],
  },
  cursor,
  limit,
];

function parseQuery(req: Request, force?: Partial<TimelineQuery>): TimelineQuery {
  return { ...parseOrThrow(timelineQuerySchema, req.query, INVALID_QUERY), ...force };
}

function nextLink(req: Request, next: string | null): string | null {
  if (!next) return null;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(req.query)) {
    if (k === 'cursor') continue;
    if (typeof v === 'string') params.append(k, v);
    else if (Array.isArray(v)) for (const x of v) if (typeof x === 'string') params.append(k, x);
  }
  params.set('cursor', next);
  return `${req.baseUrl}${req.path}?${params}`;
}

function timelineList(force?: Partial<TimelineQuery>) {
  return async (db: Db, req: Request, { facetCache }: EndpointContext = {}) => {
    const q = parseQuery(req, force);
    const filter = await resolveOrThrow(db, q);
    const [page, facets] = await Promise.all([
      listTimeline(db, q, q.limit ?? DEFAULT_LIMIT, filter, { sources: true }),
      q.facets === '1' ? cachedFacets(db, q, filter, facetCache) : undefined,
    ]);
    return { data: page.entries.map(withHighlights), page: { nextCursor: page.nextCursor, next: nextLink(req, page.nextCursor) }, ...(facets ? { facets } : {}) };
  };
}

/** An entry as the API shows it: with a search, the matched words as `highlights` (pieces of plain text, never HTML). */
function withHighlights<T extends { highlight?: unknown }>({ highlight, ...entry }: T): Omit<T, 'highlight'> & { highlights?: unknown } {
  return highlight ? { ...entry, highlights: highlight } : entry;
}

/** A list of organizations, subjects or sources: `q` (the same search syntax, on names) and keyset pages. */
function namedList(what: 'organizations' | 'subjects' | 'sources') {
  return async (db: Db, req: Request) => {
    const q = parseOrThrow(namedListQuery, req.query, INVALID_QUERY);
    const page = await searchNamedList(db, what, q.q, q.cursor, q.limit ?? DEFAULT_LIMIT);
    return { data: page.data, page: { nextCursor: page.nextCursor, next: nextLink(req, page.nextCursor) } };
  };
}

const searchParam: Param = { name: 'q', in: 'query', description: 'Words to find in the name (and description): the same syntax as the timeline\'s `q`.', example: 'meta' };


/** At most this many events in one TimelineJS answer (a timeline cannot be paged). */
const TIMELINEJS_MAX = 5000;

/** The events matching the filters, oldest first, as TimelineJS slides. */
async function timelineJs(db: Db, req: Request) {
  const force = { type: 'events', order: 'oldest', sort: 'date' } as const;
  const first = parseQuery(req, force);
  const max = Math.min(first.limit ?? TIMELINEJS_MAX, TIMELINEJS_MAX);
  const events: TjsEvent[] = [];
  let cursor: string | undefined;
  do {
    const q = cursor ? parseQuery({ query: { ...req.query, cursor } } as unknown as Request, force) : first;
    const page = await listTimeline(db, q, Math.min(100, max - events.length), undefined, { sources: true });
    for (const e of page.entries) {
      if (e.type !== 'event') continue;
      const link = e.sources.find((s) => s.url);
      events.push({
        slug: e.slug,
        title: e.title,
        summary: e.summary,
        date: e.date.text,
        organizations: e.organizations.map((o) => o.name),
        link: link ? { url: link.url!, title: link.title, publisher: link.publisher } : null,
      });
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor && events.length < max);
  return timelineJsDoc(events, new Date(), DATA_LICENCE);
}

const slug = (what: string, example: string): Param => ({ name: 'slug', in: 'path', description: `The ${what}'s slug.`, example });

export const endpoints: Endpoint[] = [
  {
    path: '/timeline',
    summary: 'Events and milestones together, in date order, filtered and paged.',
    params: [{ name: 'type', in: 'query', description: 'all (default), events or milestones.', values: ['all', 'events', 'milestones'] }, ...filters],
    response: out.timelineListOf(out.EntryOut),
    handle: timelineList(),
  },
  {
    path: '/events',
    summary: 'Events only, with the same filters.',
    params: filters.filter((p) => p.name !== 'status'),
    response: out.timelineListOf(out.EventOut),
    handle: timelineList({ type: 'events' }),
  },
  {
    path: '/timelinejs.json',
    summary: `The events, with the same filters, as a TimelineJS (Knight Lab) JSON timeline, oldest first; at most ${TIMELINEJS_MAX} events (limit: fewer). Public downloads of everything: /downloads.`,
    params: filters
      .filter((p) => !['status', 'order', 'cursor', 'sort', 'facets'].includes(p.name))
      .map((p) => (p.name === 'limit' ? { ...p, description: `1 to 100: at most this many events (default: all of them, up to ${TIMELINEJS_MAX}).` } : p)),
    response: out.TimelineJsOut,
    exampleQuery: { limit: '1' },
    handle: timelineJs,
  },
  {
    path: '/events/{slug}',
    summary: 'One event with its sources, the claims it settles and the claims waiting for it.',
    params: [slug('event', 'meta-releases-llama-2')],
    response: out.one(out.EventDetailOut),
    handle: async (db, req) => ({ data: await eventPage(db, String(req.params.slug)) }),
  },
  {
    path: '/milestones',
    summary: 'Milestones (claims) only, with the same filters.',
    params: filters.filter((p) => p.name !== 'kind' && p.name !== 'confidence'),
    response: out.timelineListOf(out.MilestoneOut),
    handle: timelineList({ type: 'milestones' }),
  },
  {
    path: '/milestones/{slug}',
    summary: 'One claim, with the claim it revises and the one that revised it.',
    params: [slug('claim', 'google-gemini-may-2024')],
    response: out.one(out.MilestoneDetailOut),
    handle: async (db, req) => ({ data: await milestonePage(db, String(req.params.slug)) }),
  },
  {
    path: '/organizations',
    summary: 'Every organization with its counts of events and claims.',
    params: [searchParam, { ...cursor, description: 'The `nextCursor` of the previous page.' }, limit],
    response: out.listOf(out.OrganizationOut),
    handle: namedList('organizations'),
  },
  {
    path: '/organizations/{slug}',
    summary: 'One organization with its other names (aliases), its subjects and the scorecard of the claims about it. A merged organization\'s old slug answers 301 to the one it was merged into.',
    params: [slug('organization', 'meta')],
    response: out.one(out.OrganizationDetailOut),
    handle: async (db, req) => ({ data: await organizationPage(db, { scorecardFor, calibrationFor }, String(req.params.slug)) }),
    movedTo: async (db, req) => {
      const to = await redirectFor(db, 'organization', String(req.params.slug));
      return to ? `/api/v1/organizations/${encodeURIComponent(to)}` : null;
    },
  },
  {
    path: '/subjects',
    summary: 'Every subject with its organizations and counts.',
    params: [{ ...searchParam, example: 'llama' }, { ...cursor, description: 'The `nextCursor` of the previous page.' }, limit],
    response: out.listOf(out.SubjectOut),
    handle: namedList('subjects'),
  },
  {
    path: '/subjects/{slug}',
    summary: 'One subject with its organizations and typed facts (parameters, training compute…), each with its source.',
    params: [slug('subject', 'gpt-4')],
    response: out.one(out.SubjectDetailOut),
    handle: async (db, req) => ({ data: await subjectPage(db, String(req.params.slug)) }),
    movedTo: async (db, req) => {
      const to = await redirectFor(db, 'subject', String(req.params.slug));
      return to ? `/api/v1/subjects/${encodeURIComponent(to)}` : null;
    },
  },
  {
    path: '/sources',
    summary: 'Sources by id, paged.',
    params: [
      { ...searchParam, description: 'Words to find in the title or publisher: the same syntax as the timeline\'s `q`.', example: 'llama' },
      { ...cursor, description: 'The `nextCursor` of the previous page (a source id).' },
      limit,
    ],
    response: out.listOf(out.SourceListItemOut),
    handle: namedList('sources'),
  },
  {
    path: '/sources/{id}',
    summary: 'One source with its scorecard, what it cites, and the events and claims it supports.',
    params: [{ name: 'id', in: 'path', description: 'The source id.', example: '1' }],
    response: out.one(out.SourceDetailOut),
    handle: async (db, req) => ({ data: await sourcePage(db, { scorecardFor, calibrationFor }, sourceIdFromParam(String(req.params.id))) }),
  },
  {
    path: '/dates',
    summary: 'Reads an expected date as said ("by 2027", "next year", "6 to 12 months") into its shape and window; 400 lists the accepted forms.',
    params: [
      { name: 'text', in: 'query', description: 'The expected date as it was said.', example: 'by 2027 (70-80% chance)' },
      { name: 'relativeTo', in: 'query', description: 'YYYY-MM-DD: the day it was said (needed for relative words).', example: '2025-02-11' },
    ],
    response: out.one(out.ClaimDateOut),
    exampleQuery: { text: 'by 2027 (70-80% chance)', relativeTo: '2025-02-11' },
    handle: async (_db, req) => ({ data: claimDateJson(readClaimDateQuery(req.query)) }),
  },
];
