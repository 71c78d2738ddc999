import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeRole, deleteAccount } from '../../src/features/auth/users.service.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { makeUser, signedIn, STRONG_PASSWORD } from '../helpers/users.ts';

let t: TestApp;
let admin: Awaited<ReturnType<typeof makeUser>>;
let session: Awaited<ReturnType<typeof signedIn>>;
beforeAll(async () => {
  t = await createTestApp();
  admin = await makeUser(t.db, { email: 'root@example.com', role: 'admin' });
  session = await signedIn(t.app, admin);
});
afterAll(async () => t.close());

function createUser(fields: Record<string, string>) {
  return session.agent.post('/admin/users/new').type('form').send({ _csrf: session.token, ...fields });
}

describe('creating accounts', () => {
  it('when an admin creates an editor, then the list shows it and the editor can sign in', async () => {
    const res = await createUser({ email: 'New.Editor@Example.com', name: 'Nell', role: 'editor', password: STRONG_PASSWORD }).expect(303);
    expect(res.headers.location).toBe('/admin/users');
    const list = await session.agent.get('/admin/users').expect(200);
    expect(list.text).toContain('Account created for new.editor@example.com.');
    expect(list.text).toContain('new.editor@example.com');
    const row = await t.db.user.findUniqueOrThrow({ where: { email: 'new.editor@example.com' } });
    expect(row.role).toBe('editor');
    expect(row.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    await signedIn(t.app, { email: 'new.editor@example.com', password: STRONG_PASSWORD });
  });

  it.each([
    ['a common password', 'password123', 'one of the most common'],
    ['a run of digits', '1234567890123', 'one of the most common'],
    ['the email address', 'weak@example.com', 'Do not use your email address'],
    ['seven characters', 'abcdxyz', 'at least 8 characters'],
    ['1,025 characters', 'x'.repeat(1024) + 'y', 'at most 1,024 characters'],
  ])('when the password is %s, then the account is refused with the reason beside the field', async (_what, password, reason) => {
    const res = await createUser({ email: 'weak@example.com', name: '', role: 'editor', password }).expect(422);
    expect(res.text).toContain(reason);
    expect(res.text).toMatch(/id="field-password"[^>]*aria-invalid="true"/);
    expect(res.text).toContain('value="weak@example.com"');
    expect(res.text).not.toMatch(/<input id="field-password"[^>]*value=/);
    expect(await t.db.user.count({ where: { email: 'weak@example.com' } })).toBe(0);
  });

  it('when the password is long but not common, then 1,024 characters are accepted whole', async () => {
    await createUser({ email: 'long@example.com', role: 'editor', password: 'ab'.repeat(512) }).expect(303);
    await signedIn(t.app, { email: 'long@example.com', password: 'ab'.repeat(512) });
  });

  it('when the email is taken or malformed, or a field is unexpected, then nothing is created', async () => {
    const taken = await createUser({ email: 'ROOT@example.com', role: 'editor', password: STRONG_PASSWORD }).expect(422);
    expect(taken.text).toContain('An account with this email already exists.');
    const malformed = await createUser({ email: 'root-at-example', role: 'editor', password: STRONG_PASSWORD }).expect(422);
    expect(malformed.text).toContain('Enter an email address such as name@example.com.');
    await createUser({ email: 'sneaky@example.com', role: 'editor', password: STRONG_PASSWORD, id: '1' }).expect(422);
    await createUser({ email: 'boss@example.com', role: 'owner', password: STRONG_PASSWORD }).expect(422);
    expect(await t.db.user.count({ where: { email: { in: ['sneaky@example.com', 'boss@example.com', 'root-at-example'] } } })).toBe(0);
  });
});

describe('roles and deletion', () => {
  it('when an admin promotes an editor, then the editor can manage users', async () => {
    const editor = await makeUser(t.db, { role: 'editor' });
    const theirs = await signedIn(t.app, editor);
    await theirs.agent.get('/admin/users').expect(403);
    await session.agent.post(`/admin/users/${editor.id}/role`).type('form').send({ _csrf: session.token, role: 'admin' }).expect(303);
    await theirs.agent.get('/admin/users').expect(200);
  });

  it('when an admin deletes an account, then it is gone with its sessions', async () => {
    const editor = await makeUser(t.db, { role: 'editor' });
    const theirs = await signedIn(t.app, editor);
    await session.agent.post(`/admin/users/${editor.id}/delete`).type('form').send({ _csrf: session.token }).expect(303);
    expect(await t.db.user.count({ where: { id: editor.id } })).toBe(0);
    expect(await t.db.session.count({ where: { userId: editor.id } })).toBe(0);
    await theirs.agent.get('/admin/account/password').expect(302);
  });

  it('when an admin tries to delete their own account, then it is refused', async () => {
    const res = await session.agent.post(`/admin/users/${admin.id}/delete`).type('form').send({ _csrf: session.token }).expect(422);
    expect(res.text).toContain('You cannot delete your own account.');
    expect(await t.db.user.count({ where: { id: admin.id } })).toBe(1);
  });

  it('when the account does not exist, then the answer is 404', async () => {
    await session.agent.post('/admin/users/999999/delete').type('form').send({ _csrf: session.token }).expect(404);
    await session.agent.post('/admin/users/abc/role').type('form').send({ _csrf: session.token, role: 'admin' }).expect(404);
  });

  it('when an editor posts to the users admin, then it is forbidden', async () => {
    const editor = await makeUser(t.db, { role: 'editor' });
    const theirs = await signedIn(t.app, editor);
    await theirs.agent.post(`/admin/users/${editor.id}/role`).type('form').send({ _csrf: theirs.token, role: 'admin' }).expect(403);
    expect((await t.db.user.findUniqueOrThrow({ where: { id: editor.id } })).role).toBe('editor');
  });
});

describe('keeping an administrator', () => {
  it('when the only administrator would be demoted or deleted, then it is refused', async () => {
    const t2 = await createTestApp();
    try {
      const only = await makeUser(t2.db, { role: 'admin' });
      const editor = await makeUser(t2.db, { role: 'editor' });
      const own = await signedIn(t2.app, only);
      const res = await own.agent.post(`/admin/users/${only.id}/role`).type('form').send({ _csrf: own.token, role: 'editor' }).expect(422);
      expect(res.text).toContain('Timeline needs at least one administrator');
      await expect(deleteAccount(t2.db, only.id, editor.id)).rejects.toThrow('at least one administrator');
      expect((await t2.db.user.findUniqueOrThrow({ where: { id: only.id } })).role).toBe('admin');
    } finally {
      await t2.close();
    }
  });

  it('when two administrators demote each other at the same moment, then one of them stays an administrator', async () => {
    const t2 = await createTestApp();
    try {
      const a = await makeUser(t2.db, { role: 'admin' });
      const b = await makeUser(t2.db, { role: 'admin' });
      const now = new Date();
      const results = await Promise.allSettled([changeRole(t2.db, a.id, 'editor', now), changeRole(t2.db, b.id, 'editor', now)]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(await t2.db.user.count({ where: { role: 'admin' } })).toBe(1);
    } finally {
      await t2.close();
    }
  });
});
