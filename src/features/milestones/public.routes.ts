import { Router, type Request, type Response } from 'express';
import { publicOrigin } from '../../config.ts';
import { page } from '../../platform/http/page.ts';
import { ValidationError } from '../../platform/errors.ts';
import type { FeatureDeps } from '../deps.ts';
import { dueWindowsIcs, eventsAtom, flagsAtom, type FeedFilter } from './feeds.service.ts';
import * as pages from './public.pages.ts';

const ATOM = 'application/atom+xml; charset=utf-8';
const ICS = 'text/calendar; charset=utf-8';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** `?organization=meta&subject=llama-3` on a feed; anything else in those parameters is refused (400). */
function feedFilter(req: Request): FeedFilter {
  const out: FeedFilter = {};
  for (const key of ['organization', 'subject'] as const) {
    const v = req.query[key];
    if (v === undefined) continue;
    if (typeof v !== 'string' || !SLUG.test(v) || v.length > 100) {
      throw new ValidationError(`"${key}" takes one slug, such as "meta".`, { [key]: 'Give one slug.' });
    }
    out[key] = v;
  }
  return out;
}

function send(res: Response, type: string, body: string) {
  res.set('Content-Type', type).send(body);
}

/**
 * Every public path under /milestones, scorecards and the feeds. Absolute links come from
 * PUBLIC_URL, never from the request: these bodies are cached and served to everyone.
 */
export function publicRoutes({ db, config, clock }: Pick<FeatureDeps, 'db' | 'config' | 'clock'>): Router {
  const r = Router();
  const origin = publicOrigin(config);
  r.get('/feed.atom', async (req, res) => send(res, ATOM, await eventsAtom(db, origin, clock(), feedFilter(req))));
  r.get('/milestones/feed.atom', async (req, res) => send(res, ATOM, await flagsAtom(db, origin, clock(), feedFilter(req))));
  r.get('/milestones.ics', async (req, res) => send(res, ICS, await dueWindowsIcs(db, origin, feedFilter(req))));
  // After /milestones/feed.atom, which the slug pattern would take.
  r.get('/milestones', page(() => pages.milestonesView(db, clock())));
  r.get('/milestones/:slug', page((req) => pages.milestoneView(db, String(req.params.slug))));
  r.get('/scorecards', page((req) => pages.scorecardsView(db, req.query.sort)));
  return r;
}
