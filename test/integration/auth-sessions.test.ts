import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pruneExpiredSessions } from '../../src/features/auth/index.ts';
import { readSession, touchSession, writeSession } from '../../src/features/auth/sessions.repo.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { makeUser, sessionCookie, sessionIdOf, signedIn, STRONG_PASSWORD } from '../helpers/users.ts';

const NOW = '2026-01-15T12:00:00.000Z';
const at = (minutes: number) => new Date(new Date(NOW).getTime() + minutes * 60_000);

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: NOW });
});
afterAll(async () => t.close());

async function signedInSession(user: { email: string; password: string }) {
  const s = await signedIn(t.app, user);
  const id = sessionIdOf(sessionCookie(s.signInResponse)!);
  return { ...s, id };
}

describe('session lifetime', () => {
  it('when a user signs in, then the session ends 30 idle minutes later and 12 hours at most after sign-in', async () => {
    const user = await makeUser(t.db);
    const { id } = await signedInSession(user);
    const row = await t.db.session.findUniqueOrThrow({ where: { id } });
    expect(row.expiresAt.toISOString()).toBe(at(30).toISOString());
    expect(row.absoluteExpiresAt.toISOString()).toBe(at(12 * 60).toISOString());
  });

  it('when 29 minutes pass, then the session is still there; at 30 idle minutes it is refused and deleted', async () => {
    const user = await makeUser(t.db);
    const { id } = await signedInSession(user);
    expect((await readSession(t.db, id, at(29)))?.userId).toBe(user.id);
    expect(await readSession(t.db, id, at(30))).toBeNull();
    expect(await t.db.session.count({ where: { id } })).toBe(0);
  });

  it('when the user keeps working, then the idle deadline slides but never past 12 hours', async () => {
    const user = await makeUser(t.db);
    const { id } = await signedInSession(user);
    for (let m = 25; m < 12 * 60; m += 25) await touchSession(t.db, id, at(m));
    expect((await t.db.session.findUniqueOrThrow({ where: { id } })).expiresAt > at(12 * 60)).toBe(true);
    expect(await readSession(t.db, id, at(12 * 60 - 1))).not.toBeNull();
    expect(await readSession(t.db, id, at(12 * 60))).toBeNull();
    expect(await t.db.session.count({ where: { id } })).toBe(0);
  });

  it('when a session has gone idle, then the next request is treated as signed out and the row is deleted', async () => {
    const user = await makeUser(t.db);
    const { agent, id } = await signedInSession(user);
    await t.db.session.update({ where: { id }, data: { expiresAt: at(-1) } });
    const res = await agent.get('/admin/account/password').expect(302);
    expect(res.headers.location).toMatch(/^\/admin\/login/);
    expect(await t.db.session.count({ where: { id } })).toBe(0);
  });

  it('when a session is past its absolute lifetime, then it is refused even if recently used', async () => {
    const user = await makeUser(t.db);
    const { agent, id } = await signedInSession(user);
    await t.db.session.update({ where: { id }, data: { expiresAt: at(30), absoluteExpiresAt: at(-1) } });
    await agent.get('/admin/account/password').expect(302);
    expect(await t.db.session.count({ where: { id } })).toBe(0);
  });

  it('when a request is served, then the idle deadline is pushed to 30 minutes from now', async () => {
    const user = await makeUser(t.db);
    const { agent, id } = await signedInSession(user);
    await t.db.session.update({ where: { id }, data: { expiresAt: at(5) } });
    await agent.get('/admin/account/password').expect(200);
    expect((await t.db.session.findUniqueOrThrow({ where: { id } })).expiresAt.toISOString()).toBe(at(30).toISOString());
  });

  it('when expired sessions are pruned, then only those are deleted', async () => {
    const user = await makeUser(t.db);
    const live = await signedInSession(user);
    const idle = await signedInSession(user);
    const old = await signedInSession(user);
    await t.db.session.update({ where: { id: idle.id }, data: { expiresAt: at(-1) } });
    await t.db.session.update({ where: { id: old.id }, data: { absoluteExpiresAt: at(0) } });
    expect(await pruneExpiredSessions(t.db, at(0))).toBeGreaterThanOrEqual(2);
    const left = await t.db.session.findMany({ where: { id: { in: [live.id, idle.id, old.id] } }, orderBy: { id: 'asc' } });
    expect(left.map((s) => s.id)).toEqual([live.id]);
  });
});

describe('signing out', () => {
  it('when the user signs out, then the session row is deleted and admin pages ask to sign in again', async () => {
    const user = await makeUser(t.db);
    const { agent, token, id } = await signedInSession(user);
    const res = await agent.post('/admin/logout').type('form').send({ _csrf: token }).expect(303);
    expect(res.headers.location).toBe('/admin/login?signed-out=1');
    expect(await t.db.session.count({ where: { id } })).toBe(0);
    const login = await agent.get(res.headers.location!).expect(200);
    expect(login.text).toContain('You have signed out.');
    await agent.get('/admin/account/password').expect(302);
  });

  it('when someone opens /admin/logout with GET, then nobody is signed out', async () => {
    const user = await makeUser(t.db);
    const { agent, id } = await signedInSession(user);
    await agent.get('/admin/logout').expect(404);
    expect(await t.db.session.count({ where: { id } })).toBe(1);
    await agent.get('/admin/account/password').expect(200);
  });

  it('when a request of a just-deleted account saves its session, then nothing is stored and nothing fails', async () => {
    const user = await makeUser(t.db);
    await t.db.user.delete({ where: { id: user.id } });
    await writeSession(t.db, 'orphan-session', { userId: user.id, absoluteExpiresAt: at(60).toISOString() }, at(0));
    expect(await t.db.session.count({ where: { id: 'orphan-session' } })).toBe(0);
  });

  it('when the account is deleted, then its sessions end', async () => {
    const user = await makeUser(t.db);
    const { agent, id } = await signedInSession(user);
    await t.db.user.delete({ where: { id: user.id } });
    await agent.get('/admin/account/password').expect(302);
    expect(await t.db.session.count({ where: { id } })).toBe(0);
  });
});

describe('changing the password', () => {
  const NEW = 'a completely different passphrase';

  it('when the password is changed, then the other sessions end and this one goes on', async () => {
    const user = await makeUser(t.db);
    const here = await signedInSession(user);
    const elsewhere = await signedInSession(user);
    const res = await here.agent
      .post('/admin/account/password')
      .type('form')
      .send({ _csrf: here.token, currentPassword: STRONG_PASSWORD, newPassword: NEW, confirmPassword: NEW })
      .expect(303);
    expect(res.headers.location).toBe('/admin');
    expect(await t.db.session.count({ where: { id: elsewhere.id } })).toBe(0);
    await elsewhere.agent.get('/admin/account/password').expect(302);
    const page = await here.agent.get('/admin/account/password').expect(200);
    expect(page.text).toContain('Your password has been changed.');
    await signedIn(t.app, { email: user.email, password: NEW });
  });

  it('when the current password is wrong, then nothing changes and the error shows beside the field', async () => {
    const user = await makeUser(t.db);
    const here = await signedInSession(user);
    const elsewhere = await signedInSession(user);
    const res = await here.agent
      .post('/admin/account/password')
      .type('form')
      .send({ _csrf: here.token, currentPassword: 'wrong password', newPassword: NEW, confirmPassword: NEW })
      .expect(422);
    expect(res.text).toContain('id="field-currentPassword-error"');
    expect(res.text).toContain('Your current password is incorrect.');
    expect(await t.db.session.count({ where: { id: elsewhere.id } })).toBe(1);
    await signedIn(t.app, user);
  });

  it('when the new password is common or the two copies differ, then it is refused', async () => {
    const user = await makeUser(t.db);
    const { agent, token } = await signedInSession(user);
    const common = await agent
      .post('/admin/account/password')
      .type('form')
      .send({ _csrf: token, currentPassword: STRONG_PASSWORD, newPassword: 'iloveyou123', confirmPassword: 'iloveyou123' })
      .expect(422);
    expect(common.text).toContain('one of the most common');
    const differ = await agent
      .post('/admin/account/password')
      .type('form')
      .send({ _csrf: token, currentPassword: STRONG_PASSWORD, newPassword: NEW, confirmPassword: `${NEW}!` })
      .expect(422);
    expect(differ.text).toContain('The two new passwords are not the same.');
    await signedIn(t.app, user);
  });
});
