import type { Router } from 'express';
import type { Auth } from '../auth/index.ts';
import type { FeatureDeps } from '../deps.ts';
import { adminRoutes } from './admin.routes.ts';
import { publicRoutes } from './public.routes.ts';

/** Public: /milestones, /milestones/:slug, /scorecards and the feeds. Shares no path with the timeline's routes. */
export function milestonePublicRoutes(deps: FeatureDeps): Router {
  return publicRoutes(deps);
}

/** Admin: resolution queue, resolve and reschedule forms, webhooks; relative to /admin. */
export function milestoneAdminRoutes(deps: FeatureDeps & { auth: Auth }): Router {
  return adminRoutes(deps);
}
