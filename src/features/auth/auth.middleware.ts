// The middleware every /admin request passes through, and the guards admin routes put in front.
import { randomBytes } from 'node:crypto';
import express, { Router, type Request, type RequestHandler, type Response } from 'express';
import session from 'express-session';
import type { CsrfSync } from 'csrf-sync';
import { ForbiddenError } from '../../platform/errors.ts';
import type { FeatureDeps } from '../deps.ts';
import { ROLES, SESSION_COOKIE, SESSION_IDLE_MS } from './auth.policy.ts';
import { passwordFingerprint } from './auth.service.ts';
import { adminNav } from './auth.mappers.ts';
import { PrismaSessionStore } from './session-store.ts';
import { regenerateSession, takeFlash, type Flash } from './session.ts';
import { findUserById } from './users.repo.ts';

export interface CurrentUser {
  id: number;
  email: string;
  name: string;
  role: (typeof ROLES)[number];
}

export function wantsJson(req: Request): boolean {
  return req.accepts(['html', 'json']) === 'json';
}

function sessionSecret({ config, logger }: FeatureDeps): string {
  if (config.sessionSecret) return config.sessionSecret;
  logger.warn('SESSION_SECRET is not set: using a random secret, so every restart signs everyone out of /admin.');
  return randomBytes(32).toString('base64url');
}

/** Puts the signed-in user in res.locals, or signs out a session whose account is gone or whose password changed. */
function loadCurrentUser({ db }: FeatureDeps): RequestHandler {
  return async (req, res, next) => {
    res.locals.currentUser = null;
    const id = req.session.userId;
    if (id === undefined) return next();
    const user = await findUserById(db, id);
    const role = ROLES.find((r) => r === user?.role);
    if (user && role && req.session.passwordFingerprint === passwordFingerprint(user.passwordHash)) {
      res.locals.currentUser = { id: user.id, email: user.email, name: user.name, role } satisfies CurrentUser;
    } else {
      await regenerateSession(req);
    }
    next();
  };
}

/**
 * csrfToken and flash are read when a page renders, not before: a request that renders
 * nothing (a redirect, JSON) neither starts a session nor swallows a message.
 */
function exposeLocals(tokens: CsrfSync): RequestHandler {
  return (req, res, next) => {
    let flash: Flash[] | undefined;
    let token: string | undefined;
    Object.defineProperties(res.locals, {
      csrfToken: {
        enumerable: true,
        get: () => (token ??= tokens.generateToken(req)),
        set: (v: string) => void (token = v),
      },
      flash: {
        enumerable: true,
        get: () => (flash ??= takeFlash(req)),
        set: (v: Flash[]) => void (flash = v),
      },
    });
    res.locals.adminNav = adminNav(req.baseUrl + req.path, res.locals.currentUser as CurrentUser | null);
    next();
  };
}

/** The session cookie, the current user and the admin locals; never cached. */
export function sessionStack(deps: FeatureDeps, tokens: CsrfSync): Router {
  const r = Router();
  r.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });
  r.use(
    session({
      name: SESSION_COOKIE,
      secret: sessionSecret(deps),
      store: new PrismaSessionStore(deps.db, deps.clock),
      resave: false,
      saveUninitialized: false,
      rolling: true,
      cookie: {
        path: '/admin',
        httpOnly: true,
        sameSite: 'lax',
        // 'auto': Secure whenever the request came over HTTPS (directly, or through a proxy trusted
        // by TRUST_PROXY), so plain http://localhost still works for a local production start.
        secure: deps.config.env === 'production' ? 'auto' : false,
        maxAge: SESSION_IDLE_MS,
      },
    }),
  );
  r.use(loadCurrentUser(deps));
  r.use(exposeLocals(tokens));
  return r;
}

function refuseSignedOut(req: Request, res: Response): void {
  if (wantsJson(req)) {
    res.status(401).json({ error: { code: 'unauthorized', message: 'Sign in to continue.' } });
    return;
  }
  const back = req.method === 'GET' ? `?next=${encodeURIComponent(req.originalUrl)}` : '';
  res.redirect(`/admin/login${back}`);
}

export const requireEditor: RequestHandler = (req, res, next) => {
  if (res.locals.currentUser) return next();
  refuseSignedOut(req, res);
};

export const requireAdmin: RequestHandler = (req, res, next) => {
  const user = res.locals.currentUser as CurrentUser | null;
  if (!user) return refuseSignedOut(req, res);
  if (user.role !== 'admin') return next(new ForbiddenError('Only administrators can do this.'));
  next();
};

/** Form bodies of auth's own routes. Parsed per route, so other routers keep their own limits. */
export const formBody = express.urlencoded({ extended: false, limit: '100kb', parameterLimit: 50 });
