// Builds the auth middleware and routers (see the Auth interface in ./index.ts).
import { Router } from 'express';
import { doubleCsrf } from 'csrf-csrf';
import { csrfSync } from 'csrf-sync';
import type { FeatureDeps } from '../deps.ts';
import { cookieSettings, requireAdmin, requireEditor, sessionSecret, sessionStack } from './auth.middleware.ts';
import { csrfGuard, csrfTokenFromRequest, sessionTokenMatches } from './csrf.ts';
import { authRoutes } from './auth.routes.ts';
import type { Auth } from './index.ts';
import { prepareDummyHash } from './password.ts';
import { usersRoutes } from './users.routes.ts';

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
