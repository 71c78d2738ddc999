// CSRF: a synchroniser token kept in the session (csrf-sync), plus a same-origin check.
import { timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import type { CsrfSync } from 'csrf-sync';
import { wantsJson } from './auth.middleware.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameHost(url: string, host: string): boolean {
  try {
    return new URL(url).host.toLowerCase() === host.toLowerCase();
  } catch {
    return false;
  }
}

/** Why the request does not look like it came from one of Timeline's own pages, or null. */
function originProblem(req: Request): string | null {
  if (req.get('sec-fetch-site') === 'cross-site') return 'cross-site request';
  const origin = req.get('origin');
  if (origin !== undefined) return sameHost(origin, req.host) ? null : 'foreign origin';
  const referer = req.get('referer');
  if (referer !== undefined) return sameHost(referer, req.host) ? null : 'foreign referer';
  return null;
}

/** The session's synchroniser token (csrf-sync) matches the one sent. */
export function sessionTokenMatches(tokens: CsrfSync, req: Request): boolean {
  const given = tokens.getTokenFromRequest(req);
  const expected = req.session ? tokens.getTokenFromState(req) : undefined;
  if (typeof given !== 'string' || typeof expected !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export const CSRF_MESSAGE = 'This form has expired or did not come from Timeline. Go back, reload the page and try again.';

/** Refuses a state-changing request whose token `valid` rejects, or from another site; removes `_csrf` from the body. */
export function csrfGuard(valid: (req: Request) => boolean): RequestHandler {
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const problem = originProblem(req) ?? (valid(req) ? null : 'missing or wrong token');
    if (problem) {
      req.log?.warn({ problem, path: req.originalUrl }, 'refused a state-changing request (CSRF)');
      res.status(403);
      if (wantsJson(req)) {
        res.json({ error: { code: 'csrf', message: CSRF_MESSAGE } });
        return;
      }
      res.render('auth/csrf', { layout: 'admin', title: 'Form expired', message: CSRF_MESSAGE });
      return;
    }
    if (req.body && typeof req.body === 'object') delete (req.body as Record<string, unknown>)._csrf;
    next();
  };
}

/** Where the token travels: the `_csrf` form field, or the x-csrf-token header for scripts. */
export function csrfTokenFromRequest(req: Request): string | undefined {
  const field = (req.body as Record<string, unknown> | undefined)?._csrf;
  if (typeof field === 'string') return field;
  return req.get('x-csrf-token');
}
