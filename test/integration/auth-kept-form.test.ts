// Issue 12, defect 11: an editor whose session ended while typing does not lose the form.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { csrfFrom, makeUser, sessionCookie, sessionIdOf, signedIn } from '../helpers/users.ts';

const NOW = '2026-01-15T12:00:00.000Z';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: NOW, seed: true });
});
afterAll(async () => t.close());

/** An editor signed in, whose session then goes idle past its end. */
async function endedSession() {
  const user = await makeUser(t.db);
  const s = await signedIn(t.app, user);
  const id = sessionIdOf(sessionCookie(s.signInResponse)!);
  await t.db.session.update({ where: { id }, data: { expiresAt: new Date(new Date(NOW).getTime() - 60_000) } });
  return { ...s, user };
}

const hidden = (html: string, name: string) => {
  const m = new RegExp(`<input type="hidden" name="${name}" value="([^"]*)"`).exec(html);
  return m ? m[1]!.replaceAll('&quot;', '"').replaceAll('&#x27;', "'").replaceAll('&#x3D;', '=').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&#x60;', '`').replaceAll('&amp;', '&') : null;
};

describe('a form sent after the session ended', () => {
  it('when an editor saves a form after the session ended, then sign-in keeps what was typed and brings it back to send again, which saves it', async () => {
    const { agent, token, user } = await endedSession();
    const description = 'Line one\nLine two with <b>markup</b> & "quotes"';
    const sent = await agent.post('/admin/organizations').type('form').send({ _csrf: token, name: 'Kept Labs', website: 'https://kept.example', description });
    expect(sent.status).toBe(401);
    expect(sent.text).toContain('Your session ended while you were working');
    expect(sent.text).not.toContain('<b>markup</b>');
    expect(await t.db.organization.count({ where: { name: 'Kept Labs' } })).toBe(0);
    const kept = hidden(sent.text, 'kept');
    expect(kept).not.toBeNull();

    const signIn = await agent.post('/admin/login').type('form').send({ _csrf: csrfFrom(sent.text), email: user.email, password: user.password, kept: kept! });
    expect(signIn.status).toBe(200);
    expect(signIn.text).toContain('action="/admin/organizations"');
    expect(signIn.text).toContain('Send it again');
    expect(hidden(signIn.text, 'description')).toBe(description);
    expect(await t.db.organization.count({ where: { name: 'Kept Labs' } })).toBe(0);

    const again = await agent
      .post('/admin/organizations')
      .type('form')
      .send({ _csrf: csrfFrom(signIn.text), name: hidden(signIn.text, 'name')!, website: hidden(signIn.text, 'website')!, description: hidden(signIn.text, 'description')! });
    expect(again.status).toBe(303);
    const org = await t.db.organization.findFirstOrThrow({ where: { name: 'Kept Labs' } });
    expect(org.description).toBe(description);
  });

  it('when the kept form is tampered with to point outside the admin or to carry a password, then it is ignored or the password dropped', async () => {
    const { agent, user } = await endedSession();
    const login = await agent.get('/admin/login').expect(200);
    const evil = JSON.stringify({ action: 'https://evil.example/steal', fields: [['name', 'x']] });
    const res = await agent.post('/admin/login').type('form').send({ _csrf: csrfFrom(login.text), email: user.email, password: user.password, kept: evil });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/admin');

    const { agent: other, user: u2 } = await endedSession();
    const page = await other.get('/admin/login').expect(200);
    const withPassword = JSON.stringify({ action: '/admin/users/new', fields: [['email', 'a@example.com'], ['password', 'secret-typed-earlier']] });
    const back = await other.post('/admin/login').type('form').send({ _csrf: csrfFrom(page.text), email: u2.email, password: u2.password, kept: withPassword });
    expect(back.status).toBe(200);
    expect(back.text).not.toContain('secret-typed-earlier');
  });

  it('when a stranger with no session posts a form, then it is a plain redirect to sign in, keeping nothing', async () => {
    const res = await (await import('supertest')).default(t.app).post('/admin/organizations').type('form').send({ name: 'Stranger' });
    expect([302, 303]).toContain(res.status);
    expect(res.headers.location).toMatch(/^\/admin\/login/);
  });
});
