import { Router, type Request } from 'express';
import type { Db } from '../../platform/db.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { page } from '../../platform/http/page.ts';
import { endpoints, type Endpoint, type EndpointContext } from './api.endpoints.ts';
import { openApiDocument } from './openapi.ts';

export interface ApiDeps extends EndpointContext {
  db: Db;
}

const expressPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');

/** Versioned JSON API, relative to /api/v1: each answer shaped by its endpoint's response schema. */
export function apiRoutes({ db, facetCache }: ApiDeps): Router {
  const r = Router();
  for (const e of endpoints) {
    r.get(expressPath(e.path), async (req, res) => {
      let body: unknown;
      try {
        body = await e.handle(db, req, { facetCache });
      } catch (err) {
        const to = err instanceof NotFoundError && e.movedTo ? await e.movedTo(db, req) : null;
        if (!to) throw err;
        return res.redirect(301, to);
      }
      res.json(e.response.parse(body));
    });
  }
  r.use((req, _res, next) => next(new NotFoundError(`No API endpoint at ${req.originalUrl.split('?')[0]}.`)));
  return r;
}

/** A request for an example, as the router would pass it. */
function exampleRequest(e: Endpoint, params: Record<string, string>): Request {
  return { query: e.exampleQuery ?? { limit: '1' }, params, baseUrl: '/api/v1', path: expressPath(e.path) } as unknown as Request;
}

async function example(db: Db, e: Endpoint, params: Record<string, string>): Promise<string | null> {
  try {
    return JSON.stringify(e.response.parse(await e.handle(db, exampleRequest(e, params))), null, 2);
  } catch (err) {
    if (err instanceof NotFoundError) return null;
    throw err;
  }
}

/** Path parameters for the examples: the first record of each list. */
async function exampleParams(db: Db): Promise<Record<string, Record<string, string>>> {
  const first = async (path: string, key: 'slug' | 'id') => {
    const e = endpoints.find((x) => x.path === path)!;
    const out = (await e.handle(db, exampleRequest(e, {}))) as { data: Record<string, unknown>[] };
    const v = out.data[0]?.[key];
    return v === undefined ? null : String(v);
  };
  const [event, milestone, organization, subject, source] = await Promise.all([
    first('/events', 'slug'),
    first('/milestones', 'slug'),
    first('/organizations', 'slug'),
    first('/subjects', 'slug'),
    first('/sources', 'id'),
  ]);
  return {
    '/events/{slug}': event ? { slug: event } : {},
    '/organizations/{slug}': organization ? { slug: organization } : {},
    '/subjects/{slug}': subject ? { slug: subject } : {},
    '/milestones/{slug}': milestone ? { slug: milestone } : {},
    '/sources/{id}': source ? { id: source } : {},
  };
}

/** /api: a readable list of the endpoints with a live example each; /api/openapi.json: the same as OpenAPI 3.1. */
export function apiDocsRoutes({ db }: ApiDeps): Router {
  const r = Router();
  r.get('/openapi.json', (_req, res) => {
    res.json(openApiDocument());
  });
  r.get(
    '/',
    page(async () => {
      const params = await exampleParams(db);
      const items = await Promise.all(
        endpoints.map(async (e) => {
          const p = params[e.path] ?? {};
          const url = `/api/v1${e.path.replace(/\{(\w+)\}/g, (_m, k: string) => p[k] ?? `{${k}}`)}`;
          const needsPath = e.params.some((x) => x.in === 'path');
          return {
            path: `/api/v1${e.path}`,
            id: `endpoint${e.path.replace(/[^a-zA-Z]+/g, '-')}`,
            summary: e.summary,
            params: e.params.map((x) => ({ ...x, values: x.values?.join(', ') })),
            exampleUrl: e.exampleQuery
              ? `${url}?${new URLSearchParams(e.exampleQuery)}`
              : needsPath || e.path === '/organizations' || e.path === '/subjects'
                ? url
                : `${url}?limit=1`,
            example: needsPath && Object.keys(p).length === 0 ? null : await example(db, e, p),
          };
        }),
      );
      return { view: 'api/index', model: { title: 'API', endpoints: items } };
    }),
  );
  return r;
}
