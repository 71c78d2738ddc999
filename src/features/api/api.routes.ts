import { Router, type Request } from 'express';
import { z } from 'zod';
import type { Db } from '../../platform/db.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { parseOrThrow } from '../../platform/validation.ts';
import {
  eventPage,
  listSourcesPage,
  listTimeline,
  milestonePage,
  organizationsPage,
  sourceIdFromParam,
  sourcePage,
  subjectsPage,
  timelineQuerySchema,
  type TimelineQuery,
} from '../timeline/index.ts';
import { scorecardFor } from '../milestones/index.ts';

export interface ApiDeps {
  db: Db;
}

const DEFAULT_LIMIT = 20;
const INVALID_QUERY = 'Some query parameters are not valid.';

function parseQuery(req: Request, force?: Partial<TimelineQuery>): TimelineQuery {
  return { ...parseOrThrow(timelineQuerySchema, req.query, INVALID_QUERY), ...force };
}

function nextLink(req: Request, cursor: string | null): string | null {
  if (!cursor) return null;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(req.query)) if (typeof v === 'string' && k !== 'cursor') params.set(k, v);
  params.set('cursor', cursor);
  return `${req.baseUrl}${req.path}?${params}`;
}

const sourcesQuery = z.object({
  cursor: z
    .string({ error: 'Give "cursor" once.' })
    .regex(/^[1-9]\d{0,9}$/, 'The cursor is damaged: start again from the first page.')
    .optional(),
  limit: z.coerce
    .number({ error: 'The limit is a whole number from 1 to 100.' })
    .int('The limit is a whole number from 1 to 100.')
    .min(1, 'The limit is a whole number from 1 to 100.')
    .max(100, 'The limit is a whole number from 1 to 100.')
    .optional(),
});

/** Versioned JSON API: the same filters and view models as the pages. */
export function apiRoutes({ db }: ApiDeps): Router {
  const r = Router();

  r.get('/timeline', async (req, res) => {
    const q = parseQuery(req);
    const page = await listTimeline(db, q, q.limit ?? DEFAULT_LIMIT);
    res.json({ data: page.entries, page: { nextCursor: page.nextCursor, next: nextLink(req, page.nextCursor) } });
  });
  r.get('/events', async (req, res) => {
    const q = parseQuery(req, { type: 'events' });
    const page = await listTimeline(db, q, q.limit ?? DEFAULT_LIMIT);
    res.json({ data: page.entries, page: { nextCursor: page.nextCursor, next: nextLink(req, page.nextCursor) } });
  });
  r.get('/events/:slug', async (req, res) => {
    res.json({ data: await eventPage(db, req.params.slug) });
  });
  r.get('/milestones', async (req, res) => {
    const q = parseQuery(req, { type: 'milestones' });
    const page = await listTimeline(db, q, q.limit ?? DEFAULT_LIMIT);
    res.json({ data: page.entries, page: { nextCursor: page.nextCursor, next: nextLink(req, page.nextCursor) } });
  });
  r.get('/milestones/:slug', async (req, res) => {
    res.json({ data: await milestonePage(db, req.params.slug) });
  });
  r.get('/organizations', async (_req, res) => {
    res.json({ data: await organizationsPage(db) });
  });
  r.get('/subjects', async (_req, res) => {
    res.json({ data: await subjectsPage(db) });
  });
  r.get('/sources', async (req, res) => {
    const q = parseOrThrow(sourcesQuery, req.query, INVALID_QUERY);
    const page = await listSourcesPage(db, q.cursor ? Number(q.cursor) : undefined, q.limit ?? DEFAULT_LIMIT);
    res.json({ data: page.sources, page: { nextCursor: page.nextCursor, next: nextLink(req, page.nextCursor) } });
  });
  r.get('/sources/:id', async (req, res) => {
    res.json({ data: await sourcePage(db, scorecardFor, sourceIdFromParam(req.params.id)) });
  });
  r.use((req, _res, next) => next(new NotFoundError(`No API endpoint at ${req.originalUrl.split('?')[0]}.`)));
  return r;
}
