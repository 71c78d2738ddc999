// Issue 12: sign-in pages store nothing, refused sign-ins stay cheap, hashes are upgraded, and the smaller items.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Algorithm, hash } from '@node-rs/argon2';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isCommonPassword } from '../../src/features/auth/common-passwords.ts';
import { verifyPassword } from '../../src/features/auth/password.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { makeUser, openLogin, signedIn } from '../helpers/users.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('anonymous visits', () => {
  it('when the sign-in page is opened 50 times and a wrong password posted, then no session row is written', async () => {
    const before = await t.db.session.count();
    for (let i = 0; i < 50; i++) await request(t.app).get('/admin/login').expect(200);
    const { agent, token } = await openLogin(t.app);
    await agent.post('/admin/login').type('form').send({ _csrf: token, email: 'nobody@example.com', password: 'wrong guess' }).expect(422);
    expect(await t.db.session.count()).toBe(before);
  });

  it('when one account signs in 12 times, then at most 10 of its sessions live, the newest always among them', async () => {
    const user = await makeUser(t.db);
    const agents = [];
    for (let i = 0; i < 12; i++) agents.push((await signedIn(t.app, user)).agent);
    expect(await t.db.session.count({ where: { userId: user.id } })).toBe(10);
    await agents.at(-1)!.get('/admin/account/password').expect(200);
    expect((await agents[0]!.get('/admin/account/password')).status).toBe(302);
  });
});

describe('refused sign-ins', () => {
  it('when an account is locked, then further attempts answer 429 without touching the counters or the sessions', async () => {
    const user = await makeUser(t.db);
    const { agent, token } = await openLogin(t.app);
    const attempt = () => agent.post('/admin/login').type('form').send({ _csrf: token, email: user.email, password: 'not it at all' });
    for (let i = 0; i < 6; i++) await attempt();
    await attempt().expect(429);
    const counters = await t.db.loginThrottle.findMany({ orderBy: { key: 'asc' } });
    const sessions = await t.db.session.count();
    for (let i = 0; i < 10; i++) await attempt().expect(429);
    expect(await t.db.loginThrottle.findMany({ orderBy: { key: 'asc' } })).toEqual(counters);
    expect(await t.db.session.count()).toBe(sessions);
  });
});

describe('hash upgrade', () => {
  it('when a user whose hash has weaker argon2 parameters signs in, then the stored hash is upgraded and still matches', async () => {
    const user = await makeUser(t.db);
    const weak = await hash(user.password, { algorithm: Algorithm.Argon2id, memoryCost: 4096, timeCost: 1, parallelism: 1 });
    await t.db.user.update({ where: { id: user.id }, data: { passwordHash: weak } });
    await signedIn(t.app, user);
    const stored = (await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash;
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(stored, user.password)).toBe(true);
    await signedIn(t.app, user);
  });
});

describe('smaller items', () => {
  it.each(['Password123!', 'Summer2024!', 'Welcome1!', 'Qwerty123!', 'Iloveyou1!', 'Football2024!', 'Monkey123!', 'Dragon2024!', 'Letmein123!', 'Sunshine1!', 'Princess1!', 'Superman1!', 'Starwars2024!', 'Admin1234!', 'Changeme1!', 'Winter2025!', 'Spring2024!', 'Passw0rd1!', 'Master123!', 'Shadow123!'])(
    'when %s is chosen, then it is refused as common',
    (p) => expect(isCommonPassword(p)).toBe(true),
  );

  it('when a passphrase is chosen, then it is not refused', () => {
    expect(isCommonPassword('correct horse battery staple')).toBe(false);
    expect(isCommonPassword('Tangerine-Orbit-42')).toBe(false);
  });

  it('when the sign-in form carries a __proto__ field, then it is refused and nobody is signed in', async () => {
    const user = await makeUser(t.db);
    const { agent, token } = await openLogin(t.app);
    await agent.post('/admin/login').type('form').send(`_csrf=${encodeURIComponent(token)}&email=${encodeURIComponent(user.email)}&password=${encodeURIComponent(user.password)}&__proto__=x`).expect(422);
    await agent.get('/admin/account/password').expect(302);
  });

  it('when a signed-out client starts a 9.5 MB POST to the import, then it is turned away before the body is read', async () => {
    const server = http.createServer(t.app).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    try {
      const status = await new Promise<number>((resolve, reject) => {
        const req = http.request(
          { host: '127.0.0.1', port: (server.address() as AddressInfo).port, method: 'POST', path: '/admin/data/import', headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': String(9.5 * 1024 * 1024) } },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
            req.destroy();
          },
        );
        req.on('error', (e) => (e.message.includes('socket hang up') ? undefined : reject(e)));
        req.write('content=' + 'x'.repeat(1024));
      });
      expect(status).toBe(302);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
