// Accounts, sessions, CSRF and sign-in throttling for /admin.
import { Router, type RequestHandler } from 'express';
import { doubleCsrf } from 'csrf-csrf';
import { csrfSync } from 'csrf-sync';
import type { FeatureDeps } from '../deps.ts';
import { cookieSettings, requireAdmin, requireEditor, sessionSecret, sessionStack } from './auth.middleware.ts';
import { csrfGuard, csrfTokenFromRequest, sessionTokenMatches } from './csrf.ts';
import { authRoutes } from './auth.routes.ts';
import { prepareDummyHash } from './password.ts';
import { usersRoutes } from './users.routes.ts';

export interface Auth {
  /**
   * Mount before any /admin route. Runs the session (it does not parse bodies: each router
   * parses its own, before `csrf`), and sets
   * res.locals.currentUser ({ id, email, name, role } or null), res.locals.csrfToken,
   * res.locals.flash and res.locals.adminNav; every response gets Cache-Control: no-store.
   */
  session: RequestHandler;
  /** /login, /logout, /account/password and /users, relative to /admin. */
  routes: Router;
  /** Signed out: redirect to /admin/login?next=… (401 JSON when the client asks for JSON). */
  requireEditor: RequestHandler;
  /** As requireEditor, and 403 for editors. */
  requireAdmin: RequestHandler;
  /**
   * Refuses (403) a state-changing request without this session's token (the `_csrf` field or
   * the x-csrf-token header) or coming from another site. Removes `_csrf` from req.body, so
   * strict schemas do not see it. For multipart forms, put the body parser before it.
   */
  csrf: RequestHandler;
}

export function createAuth(deps: FeatureDeps): Auth {
  prepareDummyHash();
  const secret = sessionSecret(deps);
  const cookies = cookieSettings(deps.config);
  const tokens = csrfSync({ size: 32, getTokenFromRequest: csrfTokenFromRequest });
  const csrf = csrfGuard((req) => sessionTokenMatches(tokens, req));
  // Before sign-in there is no session to keep a token in: the sign-in form's token is a signed
  // double-submit cookie (HMAC with the session secret), so showing the form stores nothing.
  const signedOut = doubleCsrf({
    getSecret: () => secret,
    getSessionIdentifier: () => 'sign-in',
    cookieName: cookies.loginCsrf,
    cookieOptions: { sameSite: 'strict', path: cookies.path, secure: cookies.secure === true, httpOnly: true },
    getCsrfTokenFromRequest: csrfTokenFromRequest,
  });
  const signInCsrf = csrfGuard((req) => signedOut.validateRequest(req));
  const routes = Router();
  routes.use(authRoutes(deps, csrf, signInCsrf));
  routes.use(usersRoutes(deps, csrf));
  const session = sessionStack(deps, { session: tokens, signedOut: (req, res) => signedOut.generateCsrfToken(req, res) }, secret);
  return { session, routes, requireEditor, requireAdmin, csrf };
}

export { ensureFirstAdmin } from './auth.service.ts';
export { createAccount } from './users.service.ts';
export { newUserSchema } from './auth.schema.ts';
export { currentUserId, setFlash, type FlashType } from './session.ts';
export { pruneExpiredSessions } from './sessions.repo.ts';
export { pruneLoginThrottles } from './throttle.service.ts';
export type { CurrentUser } from './auth.middleware.ts';
export { ROLES, type Role } from './auth.policy.ts';
