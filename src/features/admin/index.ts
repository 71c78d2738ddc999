// SCAFFOLD: replaced by the admin feature (issue 3).
import { Router } from 'express';
import type { FeatureDeps } from '../deps.ts';
import type { Auth } from '../auth/index.ts';

export function adminRoutes(_deps: FeatureDeps & { auth: Auth }): Router {
  return Router();
}
