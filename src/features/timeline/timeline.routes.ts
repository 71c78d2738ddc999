import { Router } from 'express';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import { page } from '../../platform/http/page.ts';
import * as pages from './timeline.pages.ts';
import * as views from './timeline.views.ts';

export interface TimelineDeps {
  db: Db;
  clock: Clock;
}

export function timelineRoutes({ db, clock }: TimelineDeps): Router {
  const r = Router();
  r.get('/', page((req) => views.homePage(db, req.query)));
  r.get('/milestones', page(async () => ({ view: 'milestones/index', model: { title: 'Milestones', sections: await pages.milestonesPage(db, clock()) } })));
  r.get('/events/:slug', page((req) => views.eventView(db, String(req.params.slug))));
  r.get('/milestones/:slug', page((req) => views.milestoneView(db, String(req.params.slug))));
  r.get('/organizations', page(() => views.organizationsView(db)));
  r.get('/organizations/:slug', page((req) => views.organizationView(db, String(req.params.slug))));
  r.get('/subjects', page(() => views.subjectsView(db)));
  r.get('/subjects/:slug', page((req) => views.subjectView(db, String(req.params.slug))));
  r.get('/sources/:id', page((req) => views.sourceView(db, String(req.params.id))));
  return r;
}
