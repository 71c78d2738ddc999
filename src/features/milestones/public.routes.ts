import { Router, type Request, type Response } from 'express';
import type { Db } from '../../platform/db.ts';
import { dueWindowsIcs, eventsAtom, flagsAtom } from './feeds.service.ts';
import { scorecardsPage } from './scorecards.service.ts';

const ATOM = 'application/atom+xml; charset=utf-8';
const ICS = 'text/calendar; charset=utf-8';

/** The site's address as the reader reached it (honours the "trust proxy" setting). */
function origin(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}

function send(res: Response, type: string, body: string) {
  res.set('Content-Type', type).send(body);
}

export function publicRoutes({ db }: { db: Db }): Router {
  const r = Router();
  r.get('/scorecards', async (_req, res) => {
    res.render('scorecards/index', { title: 'Scorecards', ...(await scorecardsPage(db)) });
  });
  r.get('/feed.atom', async (req, res) => send(res, ATOM, await eventsAtom(db, origin(req))));
  r.get('/milestones/feed.atom', async (req, res) => send(res, ATOM, await flagsAtom(db, origin(req))));
  r.get('/milestones.ics', async (req, res) => send(res, ICS, await dueWindowsIcs(db, origin(req))));
  return r;
}
