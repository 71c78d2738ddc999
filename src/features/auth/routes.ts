// Builds the auth middleware and routers (see the Auth interface in ./index.ts).
import { Router } from 'express';
import { csrfSync } from 'csrf-sync';
import type { FeatureDeps } from '../deps.ts';
import { requireAdmin, requireEditor, sessionStack } from './auth.middleware.ts';
import { csrfGuard, csrfTokenFromRequest } from './csrf.ts';
import { authRoutes } from './auth.routes.ts';
import type { Auth } from './index.ts';
import { prepareDummyHash } from './password.ts';
import { usersRoutes } from './users.routes.ts';

export function createAuth(deps: FeatureDeps): Auth {
  prepareDummyHash();
  const tokens = csrfSync({ size: 32, getTokenFromRequest: csrfTokenFromRequest });
  const csrf = csrfGuard(tokens);
  const routes = Router();
  routes.use(authRoutes(deps, csrf));
  routes.use(usersRoutes(deps, csrf));
  return { session: sessionStack(deps, tokens), routes, requireEditor, requireAdmin, csrf };
}

