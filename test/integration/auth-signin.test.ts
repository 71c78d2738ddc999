import { Writable } from 'node:stream';
import { pino } from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../../src/features/auth/auth.service.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { csrfFrom, makeUser, openLogin, sessionCookie, sessionIdOf, signedIn } from '../helpers/users.ts';

let t: TestApp;
let editor: Awaited<ReturnType<typeof makeUser>>;
beforeAll(async () => {
  t = await createTestApp();
  editor = await makeUser(t.db, { email: 'editor@example.com', name: 'Eddie', role: 'editor' });
});
afterAll(async () => t.close());

function postLogin(agent: ReturnType<typeof request.agent>, token: string, fields: Record<string, string>) {
  return agent.post('/admin/login').type('form').send({ _csrf: token, ...fields });
}

describe('signing in', () => {
  it('when the email and password are right, then the user is signed in and sent to the page asked for', async () => {
    const { agent, token } = await openLogin(t.app);
    const res = await postLogin(agent, token, {
      email: '  Editor@Example.com ',
      password: editor.password,
      next: '/admin/account/password',
    }).expect(303);
    expect(res.headers.location).toBe('/admin/account/password');
    const page = await agent.get('/admin/account/password').expect(200);
    expect(page.text).toContain('Signed in as');
    expect(page.text).toContain('Eddie');
  });

  it('when the password is wrong or the account unknown, then both get the same answer', async () => {
    const wrong = await openLogin(t.app);
    const a = await postLogin(wrong.agent, wrong.token, { email: editor.email, password: 'not the password' }).expect(422);
    const unknown = await openLogin(t.app);
    const b = await postLogin(unknown.agent, unknown.token, { email: 'nobody@example.com', password: 'not the password' }).expect(422);
    for (const res of [a, b]) expect(res.text).toContain('Email or password is incorrect.');
    const strip = (html: string) => html.replace(/value="[^"]*"/g, '');
    expect(strip(a.text)).toBe(strip(b.text));
    await wrong.agent.get('/admin/account/password').expect(302);
  });

  it('when signing in again, then the session id changes and the old session row is gone', async () => {
    const { agent, token } = await openLogin(t.app);
    const first = sessionCookie(await postLogin(agent, token, { email: editor.email, password: editor.password }).expect(303));
    expect(first).not.toBeNull();
    const again = await openLogin(t.app);
    await again.agent.jar.setCookie(`timeline.sid=${first}; Path=/admin`);
    const res = await postLogin(again.agent, again.token, { email: editor.email, password: editor.password }).expect(303);
    const after = sessionCookie(res);
    expect(after).not.toBeNull();
    expect(sessionIdOf(after!)).not.toBe(sessionIdOf(first!));
    expect(await t.db.session.count({ where: { id: sessionIdOf(first!) } })).toBe(0);
    const row = await t.db.session.findUniqueOrThrow({ where: { id: sessionIdOf(after!) } });
    expect(row.userId).toBe(editor.id);
  });

  it('when the session cookie is set at sign-in, then it is HttpOnly, SameSite=Lax, limited to /admin, named timeline.sid and ends with the browser', async () => {
    const { agent, token } = await openLogin(t.app);
    const res = await postLogin(agent, token, { email: editor.email, password: editor.password }).expect(303);
    const cookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('timeline.sid='));
    expect(cookie).toMatch(/; Path=\/admin/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).not.toMatch(/; Secure/);
    expect(cookie).not.toMatch(/Expires=|Max-Age=/);
  });

  it.each(['https://evil.example/admin', '//evil.example/admin', '/\\evil.example', '/timeline', '/admin\\@evil'])(
    'when next is %s, then the user lands on /admin instead',
    async (next) => {
      const { agent, token } = await openLogin(t.app);
      const res = await postLogin(agent, token, { email: editor.email, password: editor.password, next }).expect(303);
      expect(res.headers.location).toBe('/admin');
    },
  );

  it('when a field is missing, then the form comes back with the error beside it, linked for screen readers', async () => {
    const { agent, token } = await openLogin(t.app);
    const res = await postLogin(agent, token, { email: 'someone@example.com', password: '' }).expect(422);
    expect(res.text).toContain('id="field-password-error"');
    expect(res.text).toMatch(/id="field-password"[^>]*aria-invalid="true"[^>]*aria-describedby="field-password-error"/);
    expect(res.text).toContain('value="someone@example.com"');
  });

  it('when the form carries a field it does not know, then it is refused without signing in', async () => {
    const { agent, token } = await openLogin(t.app);
    await postLogin(agent, token, { email: editor.email, password: editor.password, role: 'admin' }).expect(422);
    await agent.get('/admin/account/password').expect(302);
  });

  it('when already signed in, then the login page sends the user on', async () => {
    const { agent } = await signedIn(t.app, editor);
    const res = await agent.get('/admin/login?next=/admin/account/password').expect(302);
    expect(res.headers.location).toBe('/admin/account/password');
  });
});

describe('guarding admin pages', () => {
  it('when signed out, then an admin page redirects to the login page with the way back', async () => {
    const res = await request(t.app).get('/admin/users?x=1').expect(302);
    expect(res.headers.location).toBe('/admin/login?next=%2Fadmin%2Fusers%3Fx%3D1');
  });

  it('when signed out and asking for JSON, then the answer is 401 JSON', async () => {
    const res = await request(t.app).get('/admin/users').set('Accept', 'application/json').expect(401);
    expect(res.body.error.code).toBe('unauthorized');
  });

  it('when an editor opens the users page, then it is forbidden', async () => {
    const { agent } = await signedIn(t.app, editor);
    await agent.get('/admin/users').expect(403);
  });

  it('when an admin page is served, then it is not cached, not indexed and has the admin layout', async () => {
    const { agent } = await signedIn(t.app, editor);
    const res = await agent.get('/admin/account/password').expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.text).toContain('<meta name="robots" content="noindex">');
    expect(res.text).toContain('href="/static/css/admin.css"');
    expect(res.text).toContain('href="/admin/events"');
    expect(res.text).not.toContain('href="/admin/users"');
    expect(res.text).toMatch(/<form method="post" action="\/admin\/logout"[\s\S]*?name="_csrf" value="[^"]+"/);
    const login = await request(t.app).get('/admin/login').expect(200);
    expect(login.headers['cache-control']).toBe('no-store');
  });

  it('when the page is rendered, then the CSRF token is the one of this session', async () => {
    const { agent, token } = await signedIn(t.app, editor);
    const again = await agent.get('/admin/account/password').expect(200);
    expect(csrfFrom(again.text)).toBe(token);
  });
});

describe('the sign-in log', () => {
  it('when sign-ins fail and succeed, then each is logged with a masked email and never the password', async () => {
    const lines: string[] = [];
    const log = pino({ level: 'info' }, new Writable({ write: (c, _e, done) => void (lines.push(String(c)), done()) }));
    const ip = '198.51.100.23';
    await signIn(t.db, log, { email: editor.email, password: 'a wrong guess', ip }, new Date('2026-01-15T12:00:00Z'));
    await signIn(t.db, log, { email: 'ghost@example.com', password: 'another guess', ip }, new Date('2026-01-15T12:00:00Z'));
    await signIn(t.db, log, { email: editor.email, password: editor.password, ip }, new Date('2026-01-15T12:00:00Z'));
    const entries = lines.map((l) => JSON.parse(l) as { msg: string; email: string });
    expect(entries.map((e) => [e.msg, e.email])).toEqual([
      ['sign-in failed', 'e***@example.com'],
      ['sign-in failed', 'g***@example.com'],
      ['signed in', 'e***@example.com'],
    ]);
    const all = lines.join('');
    for (const secret of ['a wrong guess', 'another guess', editor.password, editor.email]) expect(all).not.toContain(secret);
  });
});
