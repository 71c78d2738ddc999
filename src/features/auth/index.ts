// SCAFFOLD: replaced by the auth feature (issue 3). Keeps the app wired meanwhile.
import { Router, type RequestHandler } from 'express';
import type { FeatureDeps } from '../deps.ts';

export interface Auth {
  /** Session, CSRF token and current user in res.locals; mount before any /admin route. */
  session: RequestHandler;
  /** /login, /logout, account and user management, relative to /admin. */
  routes: Router;
  requireEditor: RequestHandler;
  requireAdmin: RequestHandler;
  /** Refuses state-changing requests without a valid _csrf token or from another origin (403). */
  csrf: RequestHandler;
}

export function createAuth(_deps: FeatureDeps): Auth {
  const pass: RequestHandler = (_req, _res, next) => next();
  const deny: RequestHandler = (_req, res) => {
    res.status(403).send('Forbidden');
  };
  return { session: pass, routes: Router(), requireEditor: deny, requireAdmin: deny, csrf: deny };
}

export async function ensureFirstAdmin(_deps: FeatureDeps): Promise<void> {}
