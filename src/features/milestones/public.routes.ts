import { Router, type Response } from 'express';
import { publicOrigin } from '../../config.ts';
import type { FeatureDeps } from '../deps.ts';
import { dueWindowsIcs, eventsAtom, flagsAtom } from './feeds.service.ts';
import { scorecardsPage } from './scorecards.service.ts';

const ATOM = 'application/atom+xml; charset=utf-8';
const ICS = 'text/calendar; charset=utf-8';

function send(res: Response, type: string, body: string) {
  res.set('Content-Type', type).send(body);
}

/** Absolute links come from PUBLIC_URL, never from the request: these bodies are cached and served to everyone. */
export function publicRoutes({ db, config, clock }: FeatureDeps): Router {
  const r = Router();
  const origin = publicOrigin(config);
  r.get('/scorecards', async (_req, res) => {
    res.render('scorecards/index', { title: 'Scorecards', ...(await scorecardsPage(db)) });
  });
  r.get('/feed.atom', async (_req, res) => send(res, ATOM, await eventsAtom(db, origin, clock())));
  r.get('/milestones/feed.atom', async (_req, res) => send(res, ATOM, await flagsAtom(db, origin, clock())));
  r.get('/milestones.ics', async (_req, res) => send(res, ICS, await dueWindowsIcs(db, origin)));
  return r;
}
