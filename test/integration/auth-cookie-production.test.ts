import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { csrfFrom, makeUser } from '../helpers/users.ts';

let https: TestApp;
let local: TestApp;
beforeAll(async () => {
  https = await createTestApp({
    env: { NODE_ENV: 'production', TRUST_PROXY: '1', PUBLIC_URL: 'https://timeline.example.org', SESSION_SECRET: 'x'.repeat(40) },
  });
  local = await createTestApp({ env: { NODE_ENV: 'production', SESSION_SECRET: 'y'.repeat(40) } });
});
afterAll(async () => {
  await https.close();
  await local.close();
});

const cookiesOf = (res: request.Response) => ([] as string[]).concat(res.headers['set-cookie'] ?? []);
const pair = (cookie: string) => cookie.split(';')[0]!;

/** Signs in by hand (supertest's agent would not send Secure cookies back over plain HTTP). */
async function signInOver(app: TestApp, proto: 'https' | 'http') {
  const user = await makeUser(app.db);
  const page = await request(app.app).get('/admin/login').set('X-Forwarded-Proto', proto).expect(200);
  const csrfCookie = cookiesOf(page).find((c) => c.includes('login-csrf='))!;
  const res = await request(app.app)
    .post('/admin/login')
    .set('X-Forwarded-Proto', proto)
    .set('Cookie', pair(csrfCookie))
    .type('form')
    .send({ _csrf: csrfFrom(page.text), email: user.email, password: user.password })
    .expect(303);
  return { csrfCookie, session: cookiesOf(res).find((c) => c.includes('timeline.sid='))! };
}

describe('cookies in production', () => {
  it('when served over HTTPS at an https PUBLIC_URL, then the cookies carry the __Host- prefix, Secure and Path=/', async () => {
    const { csrfCookie, session } = await signInOver(https, 'https');
    for (const c of [csrfCookie, session]) {
      expect(c).toMatch(/^__Host-timeline\./);
      expect(c).toMatch(/; Secure/);
      expect(c).toMatch(/; Path=\/(;|$)/);
      expect(c).not.toMatch(/; Domain=/i);
      expect(c).toMatch(/; HttpOnly/);
    }
  });

  it('when started locally over plain HTTP (no PUBLIC_URL), then unprefixed cookies limited to /admin still let you sign in', async () => {
    const { csrfCookie, session } = await signInOver(local, 'http');
    for (const c of [csrfCookie, session]) {
      expect(c).toMatch(/^timeline\./);
      expect(c).not.toMatch(/; Secure/);
      expect(c).toMatch(/; Path=\/admin/);
    }
  });
});
