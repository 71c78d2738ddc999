// Every route under /admin, found by walking the app's router (so routes added later are swept
// too): signed out, all but the login page refuse; signed in, every state change needs the token.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { makeUser, signedIn } from '../helpers/users.ts';

interface Layer {
  route?: { path: unknown; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
  rawPath?: unknown;
}

interface RouteEntry {
  method: string;
  path: string;
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function join(prefix: string, path: string): string {
  const joined = `${prefix}/${path}`.replace(/\/{2,}/g, '/');
  return joined.length > 1 ? joined.replace(/\/$/, '') : joined;
}

function paths(value: unknown, where: string): string[] {
  const list = Array.isArray(value) ? value.flat(Infinity) : [value];
  for (const p of list) {
    if (typeof p !== 'string') throw new Error(`cannot sweep a non-string route path under ${where}: ${String(p)}`);
  }
  return list as string[];
}

function collect(stack: Layer[], prefix: string, out: RouteEntry[]): RouteEntry[] {
  for (const layer of stack) {
    if (layer.route) {
      const methods = Object.keys(layer.route.methods).filter((m) => layer.route!.methods[m]);
      const expanded = methods.flatMap((m) => (m === '_all' ? ['get', 'post'] : [m]));
      for (const p of paths(layer.route.path, prefix)) {
        for (const m of expanded) if (m !== 'head' && m !== 'options') out.push({ method: m.toUpperCase(), path: join(prefix, p) });
      }
    } else if (layer.handle?.stack) {
      for (const mount of paths(layer.rawPath ?? '/', prefix)) collect(layer.handle.stack, join(prefix, mount), out);
    }
  }
  return out;
}

/** A concrete URL for a route pattern: parameters become "1", wildcards "x", optional groups are kept. */
function concrete(path: string): string {
  return path
    .replace(/[{}]/g, '')
    .replace(/:[A-Za-z_$][\w$]*/g, '1')
    .replace(/\*[A-Za-z_$][\w$]*/g, 'x');
}

function adminRoutes(app: App): RouteEntry[] {
  const all = collect((app as unknown as { router: { stack: Layer[] } }).router.stack, '', []);
  const admin = all.filter((r) => r.path === '/admin' || r.path.startsWith('/admin/'));
  const seen = new Set<string>();
  return admin.filter((r) => {
    const key = `${r.method} ${r.path}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const label = (r: RouteEntry) => `${r.method} ${r.path}`;
const isLogin = (r: RouteEntry) => r.path === '/admin/login' && (r.method === 'GET' || r.method === 'POST');

let t: TestApp;
let routes: RouteEntry[];
beforeAll(async () => {
  t = await createTestApp();
  routes = adminRoutes(t.app);
});
afterAll(async () => t.close());

function send(agent: request.Agent | ReturnType<typeof request>, r: RouteEntry) {
  const method = r.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
  return (agent as ReturnType<typeof request>)[method](concrete(r.path)).redirects(0);
}

describe('the /admin route table', () => {
  it('when the router is walked, then the auth routes are among those found', () => {
    const found = routes.map(label);
    for (const expected of ['GET /admin/login', 'POST /admin/login', 'POST /admin/logout', 'GET /admin/users', 'POST /admin/users/:id/delete']) {
      expect(found).toContain(expected);
    }
  });

  it('when signed out, then every admin route but the login page refuses', async () => {
    const leaks: string[] = [];
    for (const r of routes.filter((x) => !isLogin(x))) {
      const res = await send(request(t.app), r).type('form').send({});
      const toLogin = (res.status === 302 || res.status === 303) && String(res.headers.location).startsWith('/admin/login');
      if (!toLogin && res.status !== 401) leaks.push(`${label(r)} -> ${res.status}`);
    }
    expect(leaks).toEqual([]);
  });

  it('when signed in, then every state-changing admin route refuses a request without a valid CSRF token', async () => {
    const admin = await makeUser(t.db, { role: 'admin' });
    const { agent } = await signedIn(t.app, admin);
    const other = await signedIn(t.app, admin);
    const changing = routes.filter((r) => STATE_CHANGING.has(r.method));
    expect(changing.length).toBeGreaterThan(0);
    const leaks: string[] = [];
    for (const r of changing) {
      const none = await send(agent, r).type('form').send({});
      const foreign = await send(agent, r).type('form').send({ _csrf: other.token });
      if (none.status !== 403) leaks.push(`${label(r)} without a token -> ${none.status}`);
      if (foreign.status !== 403) leaks.push(`${label(r)} with another session's token -> ${foreign.status}`);
    }
    expect(leaks).toEqual([]);
    await agent.get('/admin/account/password').expect(200);
  });
});

describe('case variants of /admin', () => {
  const refused = (res: request.Response) =>
    res.status === 404 || ((res.status === 302 || res.status === 303) && String(res.headers.location).startsWith('/admin/login'));

  it('when /Admin, /ADMIN/events or /aDmIn/login are asked for, then they are refused like /admin, never a 500', async () => {
    for (const path of ['/Admin', '/ADMIN', '/Admin/', '/ADMIN/events', '/aDmIn/login', '/Admin/users', '/admin/Users', '/ADMIN/webhooks/1']) {
      const res = await request(t.app).get(path).redirects(0);
      expect(refused(res), `${path} -> ${res.status}`).toBe(true);
    }
    const post = await request(t.app).post('/Admin/login').type('form').send({ email: 'a@example.com', password: 'x' }).redirects(0);
    expect(post.status).toBeLessThan(500);
  });

  it('when every admin route is asked for with its first segment capitalised, then none answers 500', async () => {
    const failures: string[] = [];
    for (const r of routes) {
      const path = concrete(r.path).replace(/^\/admin/, '/Admin');
      const res = await send(request(t.app), { ...r, path }).type('form').send({});
      if (res.status >= 500 || (res.status === 200 && r.path !== '/admin/login')) failures.push(`${r.method} ${path} -> ${res.status}`);
    }
    expect(failures).toEqual([]);
  });
});
