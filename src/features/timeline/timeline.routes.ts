import { Router, type Request, type Response } from 'express';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import { ValidationError } from '../../platform/errors.ts';
import { fieldErrors, timelineQuerySchema } from './timeline.schema.ts';
import { groupByYearAndMonth, listTimeline } from './timeline.service.ts';
import * as pages from './timeline.pages.ts';

const PAGE_SIZE = 50;

/** A share description: one line, at most about 200 characters, cut at a word. */
export function clip(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2))}…`;
}

/** The iframe to paste into another page; without a public URL the address is relative and the page's script makes it absolute. */
export function embedSnippet(publicUrl: string | undefined, filtersQuery: string): { src: string; html: string } {
  const src = `${publicUrl ?? ''}/embed${filtersQuery ? `?${filtersQuery}` : ''}`;
  return { src, html: `<iframe src="${src}" title="AI industry timeline" width="600" height="480" loading="lazy" style="border:1px solid #ccc;max-width:100%"></iframe>` };
}

/** What a shared claim says: the claim, then its outcome (or its status and when it is expected). */
function claimDescription(m: pages.MilestonePageVM['milestone']): string {
  const verdict = m.outcomeLabel
    ? `Outcome: ${m.outcomeLabel}${m.gapLabel ? `, ${m.gapLabel}` : ''}.`
    : `${m.statusLabel}${m.expected ? `, expected ${m.expected.label}` : m.afterText ? `, expected ${m.afterText}` : ''}.`;
  return `${verdict} ${clip(m.claim, 160)}`;
}

export interface TimelineDeps {
  db: Db;
  clock: Clock;
  /** Absolute public address, for the embed snippet; unset: the page's script completes it. */
  publicUrl?: string | undefined;
}

const EMBED_SIZE = 20;

/** The query as typed, for refilling the filter form (strings only; arrays are dropped). */
function rawQuery(req: Request): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.query)) if (typeof v === 'string' && v.length <= 200) out[k] = v;
  return out;
}

export function timelineRoutes({ db, clock, publicUrl }: TimelineDeps): Router {
  const r = Router();

  /** A compact list for an iframe on another site: the home page's filters, `limit` entries (20 by default). */
  async function embed(req: Request, res: Response) {
    const query = rawQuery(req);
    const options = await pages.filterOptions(db);
    const active = pages.activeFilters(query, options);
    const filters = new URLSearchParams(Object.entries(query).filter(([k]) => k !== 'cursor' && k !== 'limit')).toString();
    const view = {
      layout: 'embed',
      title: active.length ? active.map((f) => f.value).join(', ') : 'AI industry timeline',
      heading: active.length ? `Timeline: ${active.map((f) => f.value).join(', ')}` : 'AI industry timeline',
      fullUrl: `/${filters ? `?${filters}` : ''}`,
      siteUrl: '/',
    };
    const parsed = timelineQuerySchema.safeParse(req.query);
    if (!parsed.success) {
      res.status(400).render('timeline/embed', { ...view, errors: fieldErrors(parsed.error) });
      return;
    }
    try {
      const page = await listTimeline(db, parsed.data, parsed.data.limit ?? EMBED_SIZE);
      res.render('timeline/embed', { ...view, entries: page.entries, more: Boolean(page.nextCursor) });
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      res.status(400).render('timeline/embed', { ...view, errors: err.fields });
    }
  }
  r.get('/embed', embed);

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
        embedSnippet: embedSnippet(publicUrl, filtersQuery),
        feedQuery: new URLSearchParams(Object.entries(query).filter(([k]) => k === 'organization' || k === 'subject')).toString(),
        jsonUrl: `/api/v1/timeline${filtersQuery ? `?${filtersQuery}` : ''}`,
      });
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      res.status(400).render('timeline/index', { ...view, errors: err.fields, years: [] });
    }
  }

  r.get('/', home);
  r.get('/milestones', async (_req, res) => {
    res.render('milestones/index', {
      title: 'Milestones',
      description: 'Claims about the AI industry’s future, due now, overdue, upcoming and resolved, each scored against what happened.',
      sections: await pages.milestonesPage(db, clock()),
    });
  });
  r.get('/events/:slug', async (req, res) => {
    const vm = await pages.eventPage(db, req.params.slug);
    res.render('timeline/event', { title: vm.event.title, description: clip(vm.event.summary), ogType: 'article', ...vm });
  });
  r.get('/milestones/:slug', async (req, res) => {
    const vm = await pages.milestonePage(db, req.params.slug);
    res.render('milestones/show', { title: vm.milestone.title, description: claimDescription(vm.milestone), ogType: 'article', ...vm });
  });
  r.get('/organizations', async (_req, res) => {
    res.render('timeline/organizations', {
      title: 'Organizations',
      description: 'The companies and labs on the AI industry timeline, with their events and the claims made about them.',
      organizations: await pages.organizationsPage(db),
    });
  });
  r.get('/organizations/:slug', async (req, res) => {
    const vm = await pages.organizationPage(db, req.params.slug);
    const page = await listTimeline(db, timelineQuerySchema.parse({ organization: req.params.slug }), PAGE_SIZE);
    res.render('timeline/organization', {
      title: vm.organization.name,
      description: clip(vm.organization.description || `${vm.organization.name} on the AI industry timeline: events, claims and their scorecard.`),
      jsonUrl: `/api/v1/timeline?organization=${encodeURIComponent(req.params.slug)}`,
      ...vm,
      years: groupByYearAndMonth(page.entries),
      moreQuery: page.nextCursor ? `organization=${encodeURIComponent(req.params.slug)}` : null,
    });
  });
  r.get('/subjects', async (_req, res) => {
    res.render('timeline/subjects', {
      title: 'Subjects',
      description: 'Models, products and hardware on the AI industry timeline.',
      subjects: await pages.subjectsPage(db),
    });
  });
  r.get('/subjects/:slug', async (req, res) => {
    const vm = await pages.subjectPage(db, req.params.slug);
    const page = await listTimeline(db, timelineQuerySchema.parse({ subject: req.params.slug }), PAGE_SIZE);
    res.render('timeline/subject', {
      title: vm.subject.name,
      description: clip(vm.subject.description || `${vm.subject.name} on the AI industry timeline.`),
      jsonUrl: `/api/v1/timeline?subject=${encodeURIComponent(req.params.slug)}`,
      ...vm,
      years: groupByYearAndMonth(page.entries),
      moreQuery: page.nextCursor ? `subject=${encodeURIComponent(req.params.slug)}` : null,
    });
  });
  r.get('/sources/:id', async (req, res) => {
    const vm = await pages.sourcePage(db, pages.sourceIdFromParam(req.params.id));
    res.render('timeline/source', {
      title: vm.source.title,
      description: clip(`A source on the AI industry timeline: ${vm.source.publisher}, “${vm.source.title}”, with the events and claims resting on it and its record.`),
      ...vm,
    });
  });

  return r;
}
