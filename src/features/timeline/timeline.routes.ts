import { Router } from 'express';
import type { Db } from '../../platform/db.ts';
import { page } from '../../platform/http/page.ts';
import type { Scoring } from './timeline.pages.ts';
import type { FacetCache } from './timeline.service.ts';
import * as views from './timeline.views.ts';

export interface TimelineDeps {
  db: Db;
  scoring: Scoring;
  /** Absolute public address, for the embed code; unset: the page's script completes it. */
  publicUrl?: string | undefined;
  /** Facets kept per query until content changes; unset: counted for every page. */
  facetCache?: FacetCache | undefined;
}

/** The home page, events, organizations, subjects and sources. (/milestones… is the milestones feature's.) */
export function timelineRoutes({ db, scoring, publicUrl, facetCache }: TimelineDeps): Router {
  const r = Router();
  r.get('/', page((req) => views.homePage(db, req.query, publicUrl, facetCache)));
  r.get('/embed', page((req) => views.embedPage(db, req.query)));
  r.get('/events/:slug', page((req) => views.eventView(db, String(req.params.slug))));
  r.get('/organizations', page(() => views.organizationsView(db)));
  r.get('/organizations/:slug', page((req) => views.organizationView(db, scoring, String(req.params.slug))));
  r.get('/subjects', page(() => views.subjectsView(db)));
  r.get('/subjects/:slug', page((req) => views.subjectView(db, String(req.params.slug))));
  r.get('/sources/:id', page((req) => views.sourceView(db, scoring, String(req.params.id))));
  return r;
}
