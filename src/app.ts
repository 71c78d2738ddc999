// createApp(deps): middleware, view engine, feature routers, errors. Never listens.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import express, { type Express } from 'express';
import { engine } from 'express-handlebars';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import { contentVersionReader } from './platform/content-version.ts';
import { errorHandler, notFound } from './platform/http/error-handler.ts';
import { canonicalLocals } from './platform/http/canonical.ts';
import { dropEmptyParams } from './platform/http/clean-query.ts';
import { allowFraming } from './platform/http/framing.ts';
import { NotFoundError, ServiceUnavailableError } from './platform/errors.ts';
import { createRenderCache } from './platform/http/render-cache.ts';
import { projectRoot } from './platform/paths.ts';
import { helpers } from './platform/views/helpers.ts';
import { adminRoutes } from './features/admin/routes.ts';
import { apiDocsRoutes, apiRoutes } from './features/api/routes.ts';
import { createAuth } from './features/auth/routes.ts';
import type { FeatureDeps } from './features/deps.ts';
import { engineOf, sqliteFilePath, transactionMarkOf } from './platform/db.ts';
import { openedFileCheck } from './platform/db-file.ts';
import { changesRoutes } from './features/changes/routes.ts';
import { downloadsRoutes } from './features/downloads/routes.ts';
import { healthRoutes } from './features/health/routes.ts';
import { calibrationFor, scorecardFor } from './features/milestones/index.ts';
import { milestoneAdminRoutes, milestonePublicRoutes } from './features/milestones/routes.ts';
import { discoveryRoutes, siteRoutes } from './features/site/routes.ts';
import { statsRoutes } from './features/stats/routes.ts';
import { createFacetCache } from './features/timeline/index.ts';
import { timelineRoutes } from './features/timeline/routes.ts';

export type AppDeps = FeatureDeps;

export type App = Express;

const REQUEST_ID = /^[\w.-]{1,64}$/;

export function createApp(deps: AppDeps): App {
  const { db, config, logger } = deps;
  const app: App = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.set('query parser', 'simple');

  const views = path.join(projectRoot, 'views');
  app.engine(
    'hbs',
    engine({
      extname: '.hbs',
      defaultLayout: 'main',
      layoutsDir: path.join(views, 'layouts'),
      partialsDir: path.join(views, 'partials'),
      helpers,
      // Indented partial calls must not indent the partial's output (it would change textarea values).
      compilerOptions: { preventIndent: true },
    }),
  );
  app.set('view engine', 'hbs');
  app.set('views', views);
  // Compiled templates are kept outside development: rendering is ~4x slower without it.
  app.set('view cache', config.env !== 'development');

  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      autoLogging: { ignore: (req) => req.url === '/healthz' || (req.url ?? '').startsWith('/static/') },
      // One short line per request: id, method, path and status (headers stay out of the log).
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    }),
  );

  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
      strictTransportSecurity: config.env === 'production',
      // 'no-referrer' would make browsers send `Origin: null` on form posts, which the CSRF
      // same-origin check must refuse; 'same-origin' keeps referrers inside the site.
      referrerPolicy: { policy: 'same-origin' },
    }),
  );

  const staticOptions = { maxAge: config.env === 'production' ? '1d' : 0, fallthrough: true, index: false };
  app.use('/static', express.static(path.join(projectRoot, 'public'), staticOptions));
  // Only the browser builds the interactive timeline needs: the "peer" UMD builds (no runtime <style>
  // injection, which the CSP forbids), their stylesheet, and moment, which the peer build expects as a global.
  const vendor = (from: string) => express.static(path.join(projectRoot, 'node_modules', from), staticOptions);
  app.use('/static/vendor/vis-timeline/peer/umd', vendor('vis-timeline/peer/umd'));
  app.use('/static/vendor/vis-timeline/styles', vendor('vis-timeline/styles'));
  app.use('/static/vendor/vis-data/peer/umd', vendor('vis-data/peer/umd'));
  app.use('/static/vendor/moment', vendor('moment/min'));

  const stillOpened = engineOf(config.databaseUrl) === 'sqlite' ? openedFileCheck(sqliteFilePath(config.databaseUrl)) : () => true;
  app.use(healthRoutes({ db, stillOpened }));

  app.use((req, res, next) => {
    res.locals.currentPath = req.path;
    res.locals.production = config.env === 'production';
    next();
  });

  // Admin pages are per user: sessions, CSRF, never cached. Only the lower-case /admin is the admin
  // area: routing ignores case but the session cookie's path does not, so /Admin would run signed out.
  app.use((req, _res, next) => {
    if (/^\/admin(?:\/|$)/i.test(req.path) && !/^\/admin(?:\/|$)/.test(req.path)) return next(new NotFoundError(`Nothing lives at ${req.path}.`));
    next();
  });
  const auth = createAuth(deps);
  // The admin fails closed: with its database file gone or replaced, nothing it saves would last.
  app.use('/admin', (_req, _res, next) =>
    next(stillOpened() ? undefined : new ServiceUnavailableError('The database file was deleted or replaced while the server was running, so nothing can be saved. Restore it and restart the server.')),
  );
  app.use('/admin', auth.session);
  app.use('/admin', auth.routes);
  app.use('/admin', adminRoutes({ ...deps, auth }));
  app.use('/admin', milestoneAdminRoutes({ ...deps, auth }));

  // Public pages are the same for everyone: cached per URL until content changes.
  app.use(dropEmptyParams);
  // /embed is meant for iframes on other sites; every other page refuses to be framed.
  app.use('/embed', allowFraming);
  app.use(discoveryRoutes({ db, publicUrl: config.publicUrl }));
  app.use(canonicalLocals(config.publicUrl));
  // Downloads carry their own ETag (the content version) and headers a cached copy would lose.
  app.use(downloadsRoutes({ db, clock: deps.clock }));
  // Both caches follow RENDER_CACHE: off, every page is made from the database (the bench measures that).
  const cacheOptions = { version: contentVersionReader(db, config.contentVersionTtlMs), transactionMark: transactionMarkOf(db) };
  const facetCache = config.renderCache ? createFacetCache(cacheOptions) : undefined;
  if (config.renderCache) app.use(createRenderCache(cacheOptions));

  app.use('/api/v1', apiRoutes({ db, facetCache }));
  app.use('/api', apiDocsRoutes({ db }));
  app.use(milestonePublicRoutes(deps));
  app.use(timelineRoutes({ db, scoring: { scorecardFor, calibrationFor }, publicUrl: config.publicUrl, facetCache }));
  app.use(siteRoutes());
  app.use(statsRoutes({ db }));
  app.use(changesRoutes({ db, publicUrl: config.publicUrl }));

  app.use(notFound);
  app.use(errorHandler(logger));
  return app;
}
