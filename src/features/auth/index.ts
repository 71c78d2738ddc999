// Accounts, sessions, CSRF and sign-in throttling for /admin.
// Its routers and middleware are built by createAuth in ./routes.ts; this entry loads no router.
import type { RequestHandler, Router } from 'express';

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

export { ensureFirstAdmin } from './auth.service.ts';
export { createAccount } from './users.service.ts';
export { newUserSchema } from './auth.schema.ts';
export { currentUserId, setFlash, type FlashType } from './session.ts';
export { pruneExpiredSessions } from './sessions.repo.ts';
export { pruneLoginThrottles } from './throttle.service.ts';
export type { CurrentUser } from './auth.middleware.ts';
export { ROLES, type Role } from './auth.policy.ts';
