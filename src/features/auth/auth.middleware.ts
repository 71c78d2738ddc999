// The middleware every /admin request passes through, and the guards admin routes put in front.
import { randomBytes } from 'node:crypto';
import { Router, type Request, type RequestHandler, type Response } from 'express';
import cookieParser from 'cookie-parser';
import session from 'express-session';
import type { CsrfSync } from 'csrf-sync';
import type { Config } from '../../config.ts';
import { formParser } from '../../platform/http/form-parser.ts';
import { ForbiddenError } from '../../platform/errors.ts';
import type { FeatureDeps } from '../deps.ts';
import { LOGIN_CSRF_COOKIE, ROLES, SESSION_COOKIE } from './auth.policy.ts';
import { passwordFingerprint } from './auth.service.ts';
import { adminNav } from './auth.mappers.ts';
import { PrismaSessionStore } from './session-store.ts';
import { regenerateSession, takeFlash, type Flash } from './session.ts';
import { findUserById } from './users.repo.ts';
import { keepForm } from './kept-form.ts';
import { renderLogin } from './login.view.ts';

export interface CurrentUser {
  id: number;
  email: string;
  name: string;
  role: (typeof ROLES)[number];
}

export function wantsJson(req: Request): boolean {
  return req.accepts(['html', 'json']) === 'json';
}

export function sessionSecret({ config, logger }: Pick<FeatureDeps, 'config' | 'logger'>): string {
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

export interface CookieSettings {
  session: string;
  loginCsrf: string;
  path: string;
  /** express-session's setting; 'auto': Secure whenever the request came over HTTPS. */
  secure: boolean | 'auto';
}

/**
 * In production with an https:// PUBLIC_URL the cookies take the `__Host-` prefix (browsers then
 * insist on Secure, Path=/ and no Domain, so no subdomain can plant or shadow them). A plain local
 * `npm start` on http://localhost keeps unprefixed cookies limited to /admin, Secure only over HTTPS.
 */
export function cookieSettings(config: Pick<Config, 'env' | 'publicUrl'>): CookieSettings {
  if (config.env === 'production' && config.publicUrl?.startsWith('https://')) {
    return { session: `__Host-${SESSION_COOKIE}`, loginCsrf: `__Host-${LOGIN_CSRF_COOKIE}`, path: '/', secure: true };
  }
  return { session: SESSION_COOKIE, loginCsrf: LOGIN_CSRF_COOKIE, path: '/admin', secure: config.env === 'production' ? 'auto' : false };
}

/** Makes the token a page's forms carry: the session's once signed in, the sign-in cookie's before. */
export interface TokenSources {
  session: CsrfSync;
  signedOut: (req: Request, res: Response) => string;
}

/**
 * csrfToken and flash are read when a page renders, not before: a request that renders
 * nothing (a redirect, JSON) neither starts a session nor swallows a message, and a signed-out
 * page (the sign-in form) never writes a session.
 */
function exposeLocals(tokens: TokenSources): RequestHandler {
  return (req, res, next) => {
    let flash: Flash[] | undefined;
    let token: string | undefined;
    Object.defineProperties(res.locals, {
      csrfToken: {
        enumerable: true,
        get: () => (token ??= req.session?.userId !== undefined ? tokens.session.generateToken(req) : tokens.signedOut(req, res)),
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

/**
 * Whether the request carried a session cookie this server signed whose session is gone (ended
 * by idleness or age): the editor was signed in a moment ago, as opposed to a stranger.
 */
function markEndedSession(secret: string, cookieName: string): RequestHandler {
  return (req, res, next) => {
    const raw = (req.cookies as Record<string, string> | undefined)?.[cookieName];
    const id = typeof raw === 'string' ? cookieParser.signedCookie(raw, secret) : false;
    res.locals.sessionEnded = typeof id === 'string' && id !== raw && id !== req.sessionID;
    next();
  };
}

/** The session cookie, the current user and the admin locals; never cached. */
export function sessionStack(deps: FeatureDeps, tokens: TokenSources, secret: string): Router {
  const cookies = cookieSettings(deps.config);
  const r = Router();
  r.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });
  r.use(cookieParser());
  r.use(
    session({
      name: cookies.session,
      secret,
      store: new PrismaSessionStore(deps.db, deps.clock),
      resave: false,
      // Nothing is stored for a visitor who has not signed in: sign-in is what creates a session.
      saveUninitialized: false,
      rolling: true,
      cookie: {
        path: cookies.path,
        httpOnly: true,
        sameSite: 'lax',
        secure: cookies.secure,
        // No Max-Age: the browser keeps the cookie until it closes and the server ends the session
        // (30 idle minutes, 12 hours at most), so a form posted after that is recognised as ended.
      },
    }),
  );
  r.use(markEndedSession(secret, cookies.session));
  r.use(loadCurrentUser(deps));
  r.use(exposeLocals(tokens));
  return r;
}

export const SESSION_ENDED = 'Your session ended while you were working. Sign in again:';

function refuseSignedOut(req: Request, res: Response): void {
  if (wantsJson(req)) {
    res.status(401).json({ error: { code: 'unauthorized', message: 'Sign in to continue.' } });
    return;
  }
  // A form posted by an editor whose session just ended: keep what they typed (kept-form.ts).
  if (req.method === 'POST' && res.locals.sessionEnded === true) {
    const { kept, tooLarge } = keepForm(req.originalUrl, req.body);
    const problem = kept
      ? `${SESSION_ENDED} what you sent is kept, and you can send it again once signed in.`
      : tooLarge
        ? `${SESSION_ENDED} what you sent was too large to keep here, so go back in your browser to copy it before you sign in.`
        : `${SESSION_ENDED} then send your form again.`;
    renderLogin(res, 401, { problem, kept });
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
export const formBody = formParser({ limit: '100kb', parameterLimit: 50 });
