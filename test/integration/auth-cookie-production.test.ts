import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { NODE_ENV: 'production', TRUST_PROXY: '1', PUBLIC_URL: 'https://timeline.example.org', SESSION_SECRET: 'x'.repeat(40) } });
});
afterAll(async () => t.close());

function sessionCookieOf(res: request.Response): string | undefined {
  return ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('timeline.sid='));
}

describe('session cookie in production', () => {
  it('when the request came over HTTPS through the trusted proxy, then the cookie is Secure', async () => {
    const res = await request(t.app).get('/admin/login').set('X-Forwarded-Proto', 'https').expect(200);
    expect(sessionCookieOf(res)).toMatch(/; Secure/);
  });

  it('when the request came over plain HTTP (a local start on localhost), then the cookie still works without Secure', async () => {
    const res = await request(t.app).get('/admin/login').expect(200);
    const cookie = sessionCookieOf(res);
    expect(cookie).toBeDefined();
    expect(cookie).not.toMatch(/; Secure/);
  });
});
