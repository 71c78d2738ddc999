import { Router, type ErrorRequestHandler } from 'express';
import type { Auth } from '../auth/index.ts';
import { listChanges } from '../content/index.ts';
import { tryParseFuzzyDate as tryParse } from '../dates/index.ts';
import type { FeatureDeps } from '../deps.ts';
import { awaitingResolution, counts } from './admin.repo.ts';
import { claimPreviewOf, previewOf } from './admin.forms.ts';
import { FORM_LIMIT, PayloadTooLargeError, renderer } from './admin.http.ts';
import { claimRoutes } from './claims.routes.ts';
import { formParser } from '../../platform/http/form-parser.ts';
import { entityRoutes } from './content.routes.ts';
import { dataRoutes } from './data.routes.ts';
import * as entities from './entities.ts';

const tooLarge: ErrorRequestHandler = (err, req, _res, next) => {
  const type = (err as { type?: unknown } | null)?.type;
  if (type === 'entity.too.large' && req.path.startsWith('/claims/extract')) {
    return next(new PayloadTooLargeError('This article is too large: paste at most 1 MB of text, or read it in parts.'));
  }
  if (type === 'entity.too.large') return next(new PayloadTooLargeError('What you sent is too large: forms take at most 100 kB, imports 10 MB.'));
  if (type === 'parameters.too.many') return next(new PayloadTooLargeError('This form has too many fields.'));
  next(err);
};

/** Entry forms, history, dashboard and import/export, relative to /admin. */
export function adminRoutes(deps: FeatureDeps & { auth: Auth }): Router {
  const { auth, db } = deps;
  const r = Router();
  const render = renderer(deps);

  claimRoutes(r, deps, render);
  // `extended: false`: `title[]=x` stays a key named "title[]", which the strict schemas refuse.
  // The import's 10 MB body is parsed by its own route, after the signed-in check.
  const forms = formParser({ limit: FORM_LIMIT, parameterLimit: 1000 });
  r.use((req, res, next) => (req.path === '/data/import' ? next() : forms(req, res, next)));

  r.get('/', auth.requireEditor, async (_req, res) => {
    const [totals, awaiting, recent] = await Promise.all([counts(db), awaitingResolution(db), listChanges(db, undefined, 10)]);
    render(res, 'admin/dashboard', { title: 'Dashboard', totals, awaiting, recent: recent.changes });
  });
  r.get('/changes', auth.requireEditor, async (req, res) => {
    const before = typeof req.query.before === 'string' && /^[1-9]\d{0,9}$/.test(req.query.before) ? Number(req.query.before) : undefined;
    const page = await listChanges(db, before, 50);
    render(res, 'admin/changes', { title: 'Changes', ...page, nextUrl: page.nextBefore ? `/admin/changes?before=${page.nextBefore}` : null });
  });
  r.get('/dates/preview', auth.requireEditor, (req, res) => {
    const text = req.query.text;
    if (typeof text !== 'string') {
      res.json({ ok: false, error: 'Give the date once, as text.' });
      return;
    }
    if (req.query.mode === 'claim') {
      const said = typeof req.query.relativeTo === 'string' ? req.query.relativeTo : '';
      res.json(claimPreviewOf(text, said));
      return;
    }
    res.json(previewOf(tryParse(text)));
  });

  entityRoutes(r, deps, render, entities.events);
  entityRoutes(r, deps, render, entities.milestones);
  entityRoutes(r, deps, render, entities.organizations);
  entityRoutes(r, deps, render, entities.subjects);
  entityRoutes(r, deps, render, entities.sources);
  dataRoutes(r, deps, render);

  r.use(tooLarge);
  return r;
}
