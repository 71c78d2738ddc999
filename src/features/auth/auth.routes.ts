// /admin/login, /admin/logout, /admin/account/password.
import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { FieldErrors } from '../../platform/errors.ts';
import { submitForm } from '../../platform/http/forms.ts';
import { formParser } from '../../platform/http/form-parser.ts';
import type { FeatureDeps } from '../deps.ts';
import { retryLabel } from './auth.mappers.ts';
import { MAX_SESSIONS_PER_USER } from './auth.policy.ts';
import { keepNewestSessions } from './sessions.repo.ts';
import { cookieSettings, formBody, requireEditor } from './auth.middleware.ts';
import { loginSchema, passwordChangeSchema } from './auth.schema.ts';
import { changePassword, signIn, WRONG_CREDENTIALS } from './auth.service.ts';
import { beginUserSession, setFlash } from './session.ts';
import { readKeptForm, safeNext } from './kept-form.ts';
import { renderLogin } from './login.view.ts';

function text(value: unknown): string {
  return typeof value === 'string' ? value.slice(0, 300) : '';
}

function renderPasswordForm(res: Response, status: number, errors: FieldErrors = {}): void {
  res.status(status).render('auth/password', { layout: 'admin', title: 'Change your password', errors });
}

/** The sign-in form, with room for a kept form (one field, up to KEPT_FORM_LIMIT as JSON). */
const loginBody = formParser({ limit: '1mb', parameterLimit: 50 });

export function authRoutes({ db, clock, config }: FeatureDeps, csrf: RequestHandler, signInCsrf: RequestHandler): Router {
  const r = Router();
  const cookies = cookieSettings(config);

  r.get('/login', (req, res) => {
    const next = safeNext(req.query.next);
    if (res.locals.currentUser) return res.redirect(next ?? '/admin');
    if (req.query['signed-out'] === '1') res.locals.flash = [{ type: 'success', text: 'You have signed out.' }];
    renderLogin(res, 200, { next });
  });

  r.post('/login', loginBody, signInCsrf, async (req: Request, res: Response) => {
    const next = safeNext(req.body?.next);
    const kept = readKeptForm(req.body?.kept);
    if (req.body && typeof req.body === 'object') delete (req.body as Record<string, unknown>).kept;
    await submitForm(
      loginSchema,
      req.body,
      async (input) => {
        const result = await signIn(db, req.log, { ...input, ip: req.ip ?? 'unknown' }, clock());
        const values = { email: input.email };
        if (result.outcome === 'throttled') {
          res.set('Retry-After', String(result.retryAfterSeconds));
          const problem = `Too many failed sign-ins from here. Try again ${retryLabel(result.retryAfterSeconds)}.`;
          return renderLogin(res, 429, { values, problem, next, kept });
        }
        if (result.outcome === 'refused') return renderLogin(res, 422, { values, problem: WRONG_CREDENTIALS, next, kept });
        await beginUserSession(req, result.user.id, result.fingerprint, clock());
        await keepNewestSessions(db, result.user.id, MAX_SESSIONS_PER_USER, req.sessionID);
        if (kept) {
          res.render('auth/resume', {
            layout: 'admin',
            title: 'Send your form again',
            action: kept.action,
            fields: kept.fields.map(([name, value]) => ({ name, value, shown: value.length > 200 ? `${value.slice(0, 200)}…` : value })),
          });
          return;
        }
        res.redirect(303, next ?? '/admin');
      },
      (errors, status) => renderLogin(res, status, { values: { email: text(req.body?.email) }, errors, next, kept }),
    );
  });

  r.post('/logout', requireEditor, formBody, csrf, async (req, res) => {
    req.log.info({ userId: req.session.userId }, 'signed out');
    await new Promise<void>((resolve, reject) => req.session.destroy((err: unknown) => (err ? reject(err) : resolve())));
    res.clearCookie(cookies.session, { path: cookies.path });
    // The message rides in the URL: a session written just to say goodbye would outlive the visit.
    res.redirect(303, '/admin/login?signed-out=1');
  });

  r.get('/account/password', requireEditor, (_req, res) => renderPasswordForm(res, 200));

  r.post('/account/password', requireEditor, formBody, csrf, async (req, res) => {
    await submitForm(
      passwordChangeSchema,
      req.body,
      async (input) => {
        const change = { userId: req.session.userId!, sessionId: req.sessionID, ...input };
        req.session.passwordFingerprint = await changePassword(db, change, clock());
        req.log.info({ userId: req.session.userId }, 'changed password; other sessions ended');
        setFlash(req, 'success', 'Your password has been changed. Your other sessions have been signed out.');
        res.redirect(303, '/admin');
      },
      (errors, status) => renderPasswordForm(res, status, errors),
    );
  });

  return r;
}
