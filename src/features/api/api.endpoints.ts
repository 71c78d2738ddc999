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
  eventPage,
  listSourcesPage,
  listTimeline,
  milestonePage,
  organizationsPage,
  sourceIdFromParam,
  sourcePage,
  subjectPage,
  subjectsPage,
  timelineQuerySchema,
  type TimelineQuery,
} from '../timeline/index.ts';
import { redirectFor } from '../content/index.ts';
import { DATA_LICENCE, timelineJsDoc, type TjsEvent } from '../datasets/index.ts';
import { sourcesQuery } from './api.query.ts';
import * as out from './api.schema.ts';

export interface Param {
  name: string;
  in: 'query' | 'path';
  description: string;
  /** Allowed values, when there is a fixed list. */
  values?: readonly string[];
  example?: string;
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
  handle: (db: Db, req: Request) => Promise<unknown>;
  /** When `handle` finds nothing: where the record went (a merged subject's slug), for a 301. */
  movedTo?: (db: Db, req: Request) => Promise<string | null>;
}

const DEFAULT_LIMIT = 20;
export const INVALID_QUERY = 'Some query parameters are not valid.';

const limit: Param = { name: 'limit', in: 'query', description: `Entries per page, 1 to 100 (default ${DEFAULT_LIMIT}).`, example: '20' };
const cursor: Param = { name: 'cursor', in: 'query', description: 'The `nextCursor` of the previous page.' };

const filters: Param[] = [
  { name: 'organization', in: 'query', description: 'An organization slug.', example: 'meta' },
  { name: 'subject', in: 'query', description: 'A subject slug.', example: 'llama-2' },
  { name: 'kind', in: 'query', description: 'Event kind (events only).', values: EVENT_KINDS },
  { name: 'confidence', in: 'query', description: 'How sure the record is (events only).', values: CONFIDENCES },
  { name: 'status', in: 'query', description: 'Where a claim stands (milestones only).', values: MILESTONE_STATUSES },
  { name: 'from', in: 'query', description: 'Entries overlapping this fuzzy date or later ("2023", "Q3 2024", "2024-05-01").', example: '2023' },
  { name: 'to', in: 'query', description: 'Entries overlapping this fuzzy date or earlier.', example: 'mid 2024' },
  { name: 'q', in: 'query', description: 'Words to search for, case-insensitive, taken literally.', example: 'llama' },
  { name: 'order', in: 'query', description: 'newest first (default) or oldest first.', values: ['newest', 'oldest'] },
  cursor,
  limit,
];

function parseQuery(req: Request, force?: Partial<TimelineQuery>): TimelineQuery {
  return { ...parseOrThrow(timelineQuerySchema, req.query, INVALID_QUERY), ...force };
}

function nextLink(req: Request, next: string | null): string | null {
  if (!next) return null;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(req.query)) if (typeof v === 'string' && k !== 'cursor') params.set(k, v);
  params.set('cursor', next);
  return `${req.baseUrl}${req.path}?${params}`;
}

function timelineList(force?: Partial<TimelineQuery>) {
  return async (db: Db, req: Request) => {
    const q = parseQuery(req, force);
    const page = await listTimeline(db, q, q.limit ?? DEFAULT_LIMIT, undefined, { sources: true });
    return { data: page.entries, page: { nextCursor: page.nextCursor, next: nextLink(req, page.nextCursor) } };
  };
}

/** At most this many events in one TimelineJS answer (a timeline cannot be paged). */
const TIMELINEJS_MAX = 5000;

/** The events matching the filters, oldest first, as TimelineJS slides. */
async function timelineJs(db: Db, req: Request) {
  const force = { type: 'events', order: 'oldest' } as const;
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
    response: out.listOf(out.EntryOut),
    handle: timelineList(),
  },
  {
    path: '/events',
    summary: 'Events only, with the same filters.',
    params: filters.filter((p) => p.name !== 'status'),
    response: out.listOf(out.EventOut),
    handle: timelineList({ type: 'events' }),
  },
  {
    path: '/timelinejs.json',
    summary: `The events, with the same filters, as a TimelineJS (Knight Lab) JSON timeline, oldest first; at most ${TIMELINEJS_MAX} events (limit: fewer). Public downloads of everything: /downloads.`,
    params: filters
      .filter((p) => p.name !== 'status' && p.name !== 'order' && p.name !== 'cursor')
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
    response: out.listOf(out.MilestoneOut),
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
    params: [],
    response: out.one(out.arrayOf(out.OrganizationOut)),
    handle: async (db) => ({ data: await organizationsPage(db) }),
  },
  {
    path: '/subjects',
    summary: 'Every subject with its organizations and counts.',
    params: [],
    response: out.one(out.arrayOf(out.SubjectOut)),
    handle: async (db) => ({ data: await subjectsPage(db) }),
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
      { ...cursor, description: 'The `nextCursor` of the previous page (a source id).' },
      limit,
    ],
    response: out.listOf(out.SourceListItemOut),
    handle: async (db, req) => {
      const q = parseOrThrow(sourcesQuery, req.query, INVALID_QUERY);
      const page = await listSourcesPage(db, q.cursor ? Number(q.cursor) : undefined, q.limit ?? DEFAULT_LIMIT);
      return { data: page.sources, page: { nextCursor: page.nextCursor, next: nextLink(req, page.nextCursor) } };
    },
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
