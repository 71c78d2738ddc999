import { Router, type Request } from 'express';
import type { Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { robotsTxt, sitemapFileXml, sitemapXml } from './discovery.ts';
import { oembedFor } from './oembed.ts';

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
  r.get('/sitemap/:name.xml', async (req, res, next) => {
    const body = await sitemapFileXml(db, base(req), req.params.name);
    if (body === null) return next();
    res.type('application/xml; charset=utf-8').send(body);
  });
  r.get('/oembed', async (req, res) => {
    if (req.query.format !== undefined && req.query.format !== 'json') throw new NotImplementedFormat();
    res.json(await oembedFor(db, base(req), req.query));
  });
  r.get('/robots.txt', (req, res) => {
    res.type('text/plain; charset=utf-8').send(robotsTxt(base(req)));
  });
  return r;
}

/** oEmbed asks for 501 when the format (xml) is not offered. */
class NotImplementedFormat extends AppError {
  override readonly status = 501;
  override readonly code = 'format_not_implemented';
  override readonly expose = true;
  constructor() {
    super('Only format=json is offered.');
  }
}
