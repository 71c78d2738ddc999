import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { makeUser, openLogin, sessionCookie, sessionIdOf, signedIn } from '../helpers/users.ts';

const MESSAGE = 'This form has expired or did not come from Timeline. Go back, reload the page and try again.';

let t: TestApp;
let user: Awaited<ReturnType<typeof makeUser>>;
beforeAll(async () => {
  t = await createTestApp();
  user = await makeUser(t.db);
});
afterAll(async () => t.close());

/** A signed-in agent whose sign-out would change state: the test checks the session survives refusals. */
async function session() {
  const s = await signedIn(t.app, user);
  return { ...s, id: sessionIdOf(sessionCookie(s.signInResponse)!) };
}

async function stillSignedIn(id: string) {
  return (await t.db.session.count({ where: { id } })) === 1;
}

describe('CSRF protection', () => {
  it('when a form is posted without a token, then it is refused with 403 and a page that says why', async () => {
    const { agent, id } = await session();
    const res = await agent.post('/admin/logout').type('form').send({}).expect(403);
    expect(res.text).toContain(MESSAGE);
    expect(await stillSignedIn(id)).toBe(true);
  });

  it('when the token belongs to another session, then it is refused', async () => {
    const { agent, id } = await session();
    const other = await session();
    await agent.post('/admin/logout').type('form').send({ _csrf: other.token }).expect(403);
    expect(await stillSignedIn(id)).toBe(true);
  });

  it('when the sign-in form is posted without its token, then nobody is signed in', async () => {
    const { agent } = await openLogin(t.app);
    await agent.post('/admin/login').type('form').send({ email: user.email, password: user.password }).expect(403);
    await agent.get('/admin/account/password').expect(302);
  });

  it('when the request comes from another origin, then even a valid token is refused', async () => {
    const { agent, token, id } = await session();
    await agent.post('/admin/logout').set('Origin', 'https://evil.example').type('form').send({ _csrf: token }).expect(403);
    await agent.post('/admin/logout').set('Origin', 'null').type('form').send({ _csrf: token }).expect(403);
    expect(await stillSignedIn(id)).toBe(true);
  });

  it('when there is no Origin but the Referer is another site, then it is refused', async () => {
    const { agent, token, id } = await session();
    await agent.post('/admin/logout').set('Referer', 'https://evil.example/page').type('form').send({ _csrf: token }).expect(403);
    expect(await stillSignedIn(id)).toBe(true);
  });

  it('when the browser says the request is cross-site, then it is refused', async () => {
    const { agent, token, id } = await session();
    await agent.post('/admin/logout').set('Sec-Fetch-Site', 'cross-site').type('form').send({ _csrf: token }).expect(403);
    expect(await stillSignedIn(id)).toBe(true);
  });

  it('when the Origin is this site and the token is right, then the request goes through', async () => {
    const { agent, token, id } = await session();
    await agent
      .post('/admin/logout')
      .set('Host', 'timeline.example:8080')
      .set('Origin', 'https://timeline.example:8080')
      .set('Sec-Fetch-Site', 'same-origin')
      .type('form')
      .send({ _csrf: token })
      .expect(303);
    expect(await stillSignedIn(id)).toBe(false);
  });

  it('when a script sends the token in the x-csrf-token header, then it is accepted', async () => {
    const { agent, token, id } = await session();
    await agent.post('/admin/logout').set('x-csrf-token', token).expect(303);
    expect(await stillSignedIn(id)).toBe(false);
  });

  it('when a script asks for JSON without a token, then the refusal is JSON', async () => {
    const { agent } = await session();
    const res = await agent.post('/admin/logout').set('Accept', 'application/json').expect(403);
    expect(res.body.error).toEqual({ code: 'csrf', message: MESSAGE });
  });
});
