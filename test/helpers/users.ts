import request from 'supertest';
import type { App } from '../../src/app.ts';
import type { Db } from '../../src/platform/db.ts';
import { createAccount } from '../../src/features/auth/index.ts';

let n = 0;

export const STRONG_PASSWORD = 'correct horse battery staple';

export interface UserSpec {
  email?: string;
  name?: string;
  role?: 'admin' | 'editor';
  password?: string;
}

/** An account made through the same service as the admin form (hashing included). */
export async function makeUser(db: Db, spec: UserSpec = {}) {
  const email = spec.email ?? `user-${Date.now().toString(36)}-${(n++).toString(36)}@example.com`;
  const password = spec.password ?? STRONG_PASSWORD;
  const user = await createAccount(db, { email, name: spec.name ?? '', role: spec.role ?? 'editor', password }, new Date());
  return { ...user, password };
}

/** The value of the first `_csrf` field of a page. */
export function csrfFrom(html: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!m?.[1]) throw new Error('no _csrf field on the page');
  return m[1];
}

/** The session cookie's value from a response, or null. */
export function sessionCookie(res: request.Response): string | null {
  const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  const c = cookies.find((x) => x.startsWith('timeline.sid='));
  return c ? c.split(';')[0]!.slice('timeline.sid='.length) : null;
}

/** The session row id behind a signed cookie value ("s:<id>.<signature>"). */
export function sessionIdOf(cookieValue: string): string {
  return decodeURIComponent(cookieValue).replace(/^s:/, '').replace(/\.[^.]*$/, '');
}

/** A cookie-keeping agent with a login page loaded; returns the page's token too. */
export async function openLogin(app: App) {
  const agent = request.agent(app);
  const page = await agent.get('/admin/login').expect(200);
  return { agent, token: csrfFrom(page.text), page };
}

/** A signed-in agent, and a fresh CSRF token for its session. */
export async function signedIn(app: App, user: { email: string; password: string }) {
  const { agent, token } = await openLogin(app);
  const res = await agent
    .post('/admin/login')
    .type('form')
    .send({ _csrf: token, email: user.email, password: user.password })
    .expect(303);
  const form = await agent.get('/admin/account/password').expect(200);
  return { agent, token: csrfFrom(form.text), signInResponse: res };
}
