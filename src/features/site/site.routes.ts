import { Router } from 'express';

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
