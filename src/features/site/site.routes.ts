import { Router, type Request } from 'express';
import type { Db } from '../../platform/db.ts';
import { robotsTxt, sitemapXml } from './discovery.ts';

/** Pages about the site itself. */
export function siteRoutes(): Router {
  const r = Router();
  r.get('/about', (_req, res) => {
    res.render('site/about', {
      title: 'About',
      description: 'What Timeline is: events, claims and their windows, outcomes, scorecards, fuzzy dates, where the data comes from and its licence.',
    });
  });
  return r;
}

/** sitemap.xml and robots.txt: mount before the page cache (their addresses may come from the request). */
export function discoveryRoutes({ db, publicUrl }: { db: Db; publicUrl: string | undefined }): Router {
  const r = Router();
  const base = (req: Request) => publicUrl ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`;
  r.get('/sitemap.xml', async (req, res) => {
    res.type('application/xml; charset=utf-8').send(await sitemapXml(db, base(req)));
  });
  r.get('/robots.txt', (req, res) => {
    res.type('text/plain; charset=utf-8').send(robotsTxt(base(req)));
  });
  return r;
}
