// SCAFFOLD: replaced by the milestones feature (issue 4).
import { Router } from 'express';
import type { FeatureDeps } from '../deps.ts';
import type { Auth } from '../auth/index.ts';

/** Public: feeds, scorecards. Mounted before the timeline routes (/milestones/feed.atom). */
export function milestonePublicRoutes(_deps: FeatureDeps): Router {
  return Router();
}

/** Admin: resolution queue, resolve and reschedule forms, webhooks; relative to /admin. */
export function milestoneAdminRoutes(_deps: FeatureDeps & { auth: Auth }): Router {
  return Router();
}
