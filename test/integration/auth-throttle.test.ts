import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../../src/features/auth/auth.service.ts';
import { throttleKeys } from '../../src/features/auth/throttle.service.ts';
import { createLogger } from '../../src/platform/logger.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { makeUser, openLogin } from '../helpers/users.ts';

const NOW = new Date('2026-01-15T12:00:00.000Z');
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
const log = createLogger('silent');

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: NOW.toISOString() });
});
afterAll(async () => t.close());

const counter = (key: string) => t.db.loginThrottle.findUnique({ where: { key } });

describe('sign-in throttling over HTTP', () => {
  it('when 20 wrong sign-ins arrive at once, then only 5 passwords are checked, the lock is recorded and the next attempt answers 429', async () => {
    const user = await makeUser(t.db);
    const { agent, token } = await openLogin(t.app);
    const attempt = (password: string) =>
      agent.post('/admin/login').type('form').send({ _csrf: token, email: user.email, password });

    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => attempt(`wrong password ${i}`)));
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 422)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
    for (const r of answers.filter((a) => a.status === 429)) expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);

    const rows = await t.db.loginThrottle.findMany({ orderBy: { key: 'asc' } });
    const account = rows.find((r) => r.key.startsWith('account:'));
    const perIp = rows.find((r) => r.key.startsWith('ip:'));
    // Attempts refused while the lock is known cost no statement: at least the limit + 1 are counted.
    expect(account?.failures).toBeGreaterThan(5);
    expect(account?.lockedUntil).not.toBeNull();
    expect(perIp?.failures).toBeGreaterThan(5);

    const next = await attempt(user.password).expect(429);
    expect(Number(next.headers['retry-after'])).toBe(15 * 60);
    expect(next.text).toContain('Too many failed sign-ins');
    await agent.get('/admin/account/password').expect(302);
  });
});

describe('sign-in throttling rules', () => {
  const ip = '203.0.113.7';

  it('when an account fails 5 times from one address, then it is locked there for 15 minutes, then open again', async () => {
    const user = await makeUser(t.db);
    for (let i = 0; i < 5; i++) {
      expect((await signIn(t.db, log, { email: user.email, password: 'nope nope', ip }, NOW)).outcome).toBe('refused');
    }
    const locked = await signIn(t.db, log, { email: user.email, password: user.password, ip }, later(14));
    expect(locked).toEqual({ outcome: 'throttled', retryAfterSeconds: 60 });
    const elsewhere = await signIn(t.db, log, { email: user.email, password: user.password, ip: '198.51.100.1' }, later(14));
    expect(elsewhere.outcome).toBe('signed-in');
    const reopened = await signIn(t.db, log, { email: user.email, password: user.password, ip }, later(15));
    expect(reopened.outcome).toBe('signed-in');
  });

  it('when a sign-in succeeds, then the run of failures for that account starts again', async () => {
    const user = await makeUser(t.db);
    const keys = throttleKeys(user.email, ip);
    for (let i = 0; i < 4; i++) await signIn(t.db, log, { email: user.email, password: 'nope nope', ip }, NOW);
    expect((await counter(keys.account))?.failures).toBe(4);
    expect((await signIn(t.db, log, { email: user.email, password: user.password, ip }, NOW)).outcome).toBe('signed-in');
    expect(await counter(keys.account)).toBeNull();
    for (let i = 0; i < 4; i++) await signIn(t.db, log, { email: user.email, password: 'nope nope', ip }, NOW);
    expect((await signIn(t.db, log, { email: user.email, password: user.password, ip }, NOW)).outcome).toBe('signed-in');
  });

  it('when one address fails 50 times in an hour across accounts, then it is locked for every account', async () => {
    const busy = '192.0.2.50';
    const user = await makeUser(t.db);
    for (let i = 0; i < 50; i++) {
      const r = await signIn(t.db, log, { email: `guess-${i}@example.com`, password: 'nope nope', ip: busy }, later(i));
      expect(r.outcome).toBe('refused');
    }
    const refused = await signIn(t.db, log, { email: user.email, password: user.password, ip: busy }, later(50));
    expect(refused.outcome).toBe('throttled');
    expect((await counter(`ip:${busy}`))?.lockedUntil?.toISOString()).toBe(later(49 + 60).toISOString());
  });

  it('when failures are more than an hour apart, then they do not add up', async () => {
    const user = await makeUser(t.db);
    const keys = throttleKeys(user.email, ip);
    for (let i = 0; i < 8; i++) {
      const r = await signIn(t.db, log, { email: user.email, password: 'nope nope', ip }, later(61 * i));
      expect(r.outcome).toBe('refused');
    }
    expect((await counter(keys.account))?.failures).toBe(1);
  });
});
