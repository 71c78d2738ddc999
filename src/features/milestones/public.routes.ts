import { Router, type Request, type Response } from 'express';
import type { Db } from '../../platform/db.ts';
import { dueWindowsIcs, eventsAtom, flagsAtom, type FeedFilter } from './feeds.service.ts';
import { ValidationError } from '../../platform/errors.ts';
import { SCORECARD_SORTS, scorecardsPage, type ScorecardSort } from './scorecards.service.ts';

const ATOM = 'application/atom+xml; charset=utf-8';
const ICS = 'text/calendar; charset=utf-8';

/** The site's address as the reader reached it (honours the "trust proxy" setting). */
function origin(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}

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

const SORT_COLUMNS: { sort: ScorecardSort; label: string; order: string }[] = [
  { sort: 'claims', label: 'Claims', order: 'most first' },
  { sort: 'met-rate', label: 'Met in window', order: 'highest first' },
  { sort: 'true-rate', label: 'Came true', order: 'highest first' },
  { sort: 'missed', label: 'Missed', order: 'most first' },
  { sort: 'gap', label: 'Median gap', order: 'earliest first' },
];

export function publicRoutes({ db }: { db: Db }): Router {
  const r = Router();
  r.get('/scorecards', async (req, res) => {
    const sort = req.query.sort ?? 'name';
    if (typeof sort !== 'string' || !(SCORECARD_SORTS as readonly string[]).includes(sort)) {
      throw new ValidationError(`Sort the scorecards by one of: ${SCORECARD_SORTS.join(', ')}.`, { sort: 'Unknown sort.' });
    }
    const vm = await scorecardsPage(db, sort as ScorecardSort);
    const columns = SORT_COLUMNS.map((c) => ({ ...c, current: c.sort === sort, href: c.sort === 'name' ? '/scorecards' : `/scorecards?sort=${c.sort}` }));
    res.render('scorecards/index', {
      title: 'Scorecards',
      description: 'How claims about the AI industry turned out, by source and by organization: share met in window, came true, missed, median gap.',
      columns,
      ...vm,
    });
  });
  r.get('/feed.atom', async (req, res) => send(res, ATOM, await eventsAtom(db, origin(req), feedFilter(req))));
  r.get('/milestones/feed.atom', async (req, res) => send(res, ATOM, await flagsAtom(db, origin(req), feedFilter(req))));
  r.get('/milestones.ics', async (req, res) => send(res, ICS, await dueWindowsIcs(db, origin(req), feedFilter(req))));
  return r;
}
