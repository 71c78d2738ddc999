import { Router, type Request, type Response } from 'express';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import { ValidationError } from '../../platform/errors.ts';
import { fieldErrors, timelineQuerySchema } from './timeline.schema.ts';
import { groupByYearAndMonth, listTimeline } from './timeline.service.ts';
import * as pages from './timeline.pages.ts';

const PAGE_SIZE = 50;

export interface TimelineDeps {
  db: Db;
  clock: Clock;
}

/** The query as typed, for refilling the filter form (strings only; arrays are dropped). */
function rawQuery(req: Request): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.query)) if (typeof v === 'string' && v.length <= 200) out[k] = v;
  return out;
}

export function timelineRoutes({ db, clock }: TimelineDeps): Router {
  const r = Router();

  async function home(req: Request, res: Response) {
    const query = rawQuery(req);
    const options = await pages.filterOptions(db);
    const parsed = timelineQuerySchema.safeParse(req.query);
    const filtered = Object.keys(query).some((k) => k !== 'order' && k !== 'cursor');
    const view = { query, options, filtered, activeFilters: pages.activeFilters(query, options) };
    if (!parsed.success) {
      res.status(400).render('timeline/index', { ...view, errors: fieldErrors(parsed.error), years: [] });
      return;
    }
    try {
      const page = await listTimeline(db, parsed.data, PAGE_SIZE);
      const filtersQuery = new URLSearchParams(Object.entries(query).filter(([k]) => k !== 'cursor')).toString();
      const nextQuery = page.nextCursor
        ? new URLSearchParams({ ...query, cursor: page.nextCursor }).toString()
        : null;
      res.render('timeline/index', {
        ...view,
        years: groupByYearAndMonth(page.entries),
        count: page.entries.length,
        nextQuery,
        isContinuation: Boolean(parsed.data.cursor),
        firstPageQuery: filtersQuery,
        apiQuery: filtersQuery,
        jsonUrl: `/api/v1/timeline${filtersQuery ? `?${filtersQuery}` : ''}`,
      });
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      res.status(400).render('timeline/index', { ...view, errors: err.fields, years: [] });
    }
  }

  r.get('/', home);
  r.get('/milestones', async (_req, res) => {
    res.render('milestones/index', { title: 'Milestones', sections: await pages.milestonesPage(db, clock()) });
  });
  r.get('/events/:slug', async (req, res) => {
    const vm = await pages.eventPage(db, req.params.slug);
    res.render('timeline/event', { title: vm.event.title, ...vm });
  });
  r.get('/milestones/:slug', async (req, res) => {
    const vm = await pages.milestonePage(db, req.params.slug);
    res.render('milestones/show', { title: vm.milestone.title, ...vm });
  });
  r.get('/organizations', async (_req, res) => {
    res.render('timeline/organizations', { title: 'Organizations', organizations: await pages.organizationsPage(db) });
  });
  r.get('/organizations/:slug', async (req, res) => {
    const vm = await pages.organizationPage(db, req.params.slug);
    const page = await listTimeline(db, timelineQuerySchema.parse({ organization: req.params.slug }), PAGE_SIZE);
    res.render('timeline/organization', {
      title: vm.organization.name,
      ...vm,
      years: groupByYearAndMonth(page.entries),
      moreQuery: page.nextCursor ? `organization=${encodeURIComponent(req.params.slug)}` : null,
    });
  });
  r.get('/subjects', async (_req, res) => {
    res.render('timeline/subjects', { title: 'Subjects', subjects: await pages.subjectsPage(db) });
  });
  r.get('/subjects/:slug', async (req, res) => {
    const vm = await pages.subjectPage(db, req.params.slug);
    const page = await listTimeline(db, timelineQuerySchema.parse({ subject: req.params.slug }), PAGE_SIZE);
    res.render('timeline/subject', {
      title: vm.subject.name,
      ...vm,
      years: groupByYearAndMonth(page.entries),
      moreQuery: page.nextCursor ? `subject=${encodeURIComponent(req.params.slug)}` : null,
    });
  });
  r.get('/sources/:id', async (req, res) => {
    const vm = await pages.sourcePage(db, pages.sourceIdFromParam(req.params.id));
    res.render('timeline/source', { title: vm.source.title, ...vm });
  });

  return r;
}
