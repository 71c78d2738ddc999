// Three app processes on one PostgreSQL database, as behind a load balancer: start-up, sessions,
// sign-in throttling, the render cache, and the milestone job with its webhooks.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedData } from '../../prisma/seed/data.ts';
import { THROTTLE } from '../../src/features/auth/auth.policy.ts';
import { createAccount } from '../../src/features/auth/index.ts';
import { migrationNames } from '../../src/platform/prisma-cli/run.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';
import { ADMIN, Browser, startInstance, waitFor, type Instance } from './support.ts';
import { loadTestWorld } from '../helpers/factories.ts';

const HOUR = 3_600_000;

interface Received {
  key: string;
  signature: string;
  body: { type?: string };
}

let target: TestDb;
let instances: Instance[];
let a: Instance;
let b: Instance;
let c: Instance;
const received: Received[] = [];
const receiver = http.createServer((req, res) => {
  let body = '';
  req.setEncoding('utf8').on('data', (s: string) => (body += s));
  req.on('end', () => {
    received.push({
      key: String(req.headers['timeline-idempotency-key']),
      signature: String(req.headers['timeline-signature']),
      body: JSON.parse(body) as Received['body'],
    });
    res.writeHead(200).end('ok');
  });
});

async function signIn(browser: Browser, via: Instance, password = ADMIN.password): Promise<Response> {
  const token = await browser.csrfToken(`${via.base}/admin/login`);
  return browser.fetch(`${via.base}/admin/login`, { form: { email: ADMIN.email, password, _csrf: token } });
}

async function organizationSlugs(via: Instance): Promise<{ slugs: string[]; cache: string | null }> {
  const res = await fetch(`${via.base}/api/v1/organizations?limit=100`);
  expect(res.status).toBe(200);
  const body = (await res.json()) as { data: { slug: string }[] };
  return { slugs: body.data.map((o) => o.slug), cache: res.headers.get('x-render-cache') };
}

describe('three instances on one PostgreSQL database', () => {
  beforeAll(async () => {
    target = await createTestDb();
    await loadTestWorld(target.db, new Date());
    await createAccount(target.db, { email: ADMIN.email, name: 'Admin', role: 'admin', password: ADMIN.password }, new Date());
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const env = { MIGRATE_ON_START: 'true', MILESTONE_CRON: '* * * * * *' };
    instances = await Promise.all(['A', 'B', 'C'].map((name) => startInstance(name, target.url, env)));
    [a, b, c] = instances as [Instance, Instance, Instance];
  });

  afterAll(async () => {
    await Promise.all((instances ?? []).map((i) => i.stop()));
    await new Promise((resolve) => receiver.close(resolve));
    await target?.close();
  });

  it('when editors sign in through one instance, then the next request to another knows them at once, and signing out through a third ends it everywhere', async () => {
    // The next request leaves as soon as the redirect's headers arrive, as a browser following it does.
    const rounds = 20;
    const seen: number[] = [];
    for (let n = 0; n < rounds; n++) {
      const [first, second, third] = [instances[n % 3]!, instances[(n + 1) % 3]!, instances[(n + 2) % 3]!];
      const browser = new Browser(`198.51.100.${n + 10}`);
      const token = await browser.csrfToken(`${first.base}/admin/login`);
      const signedIn = await browser.fetch(`${second.base}/admin/login`, { form: { email: ADMIN.email, password: ADMIN.password, _csrf: token } });
      expect(signedIn.status).toBe(303);
      seen.push((await browser.fetch(`${third.base}/admin`)).status);
      if (seen.at(-1) !== 200) continue;

      const signOutToken = await browser.csrfToken(`${first.base}/admin`);
      expect((await browser.fetch(`${third.base}/admin/logout`, { form: { _csrf: signOutToken } })).status).toBe(303);
      for (const i of instances) {
        const res = await browser.fetch(`${i.base}/admin`);
        expect(res.status).toBeGreaterThanOrEqual(300);
        expect(res.headers.get('location')).toMatch(/\/admin\/login/);
      }
    }
    expect(seen).toEqual(Array.from({ length: rounds }, () => 200));
  });

  it('when wrong passwords reach all three instances at once, then only the allowed number are checked and the account is locked on every instance', async () => {
    const ip = '203.0.113.77';
    const tries = THROTTLE.account.limit * 2;
    const answers = await Promise.all(
      Array.from({ length: tries }, async (_, n) => (await signIn(new Browser(ip), instances[n % 3]!, 'not the password at all')).status),
    );
    expect(answers.filter((s) => s === 422)).toHaveLength(THROTTLE.account.limit);
    expect(answers.filter((s) => s === 429)).toHaveLength(tries - THROTTLE.account.limit);
    for (const i of instances) expect((await signIn(new Browser(ip), i)).status).toBe(429);
  });

  it('when content is saved through A, then the next request to B and to C shows it, although both had the page cached', async () => {
    for (const i of [b, c]) {
      await organizationSlugs(i);
      expect((await organizationSlugs(i)).cache).toBe('hit');
    }
    const editor = new Browser('198.51.100.20');
    expect((await signIn(editor, a)).status).toBe(303);
    const token = await editor.csrfToken(`${a.base}/admin/organizations/new`);
    const saved = await editor.fetch(`${a.base}/admin/organizations`, {
      form: { name: 'Anthropic', slug: 'anthropic', website: 'https://www.anthropic.com', description: '', _csrf: token },
    });
    expect(saved.status).toBe(303);
    for (const i of [b, c]) {
      const after = await organizationSlugs(i);
      expect(after.cache).toBe('miss');
      expect(after.slugs).toContain('anthropic');
    }
  });

  it('when claims come due while the three instances tick every second, then each transition is recorded once and each webhook is delivered once', async () => {
    const now = Date.now();
    const webhook = await target.db.webhook.create({
      data: { url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`, secret: 's'.repeat(40) },
    });
    const count = 30;
    const claims = Array.from({ length: count }, (_, n) => {
      const closed = n % 2 === 0; // half have closed windows: due, then overdue
      const windowStart = new Date(now - 48 * HOUR);
      const windowEnd = new Date(closed ? now - HOUR : now + 365 * 24 * HOUR);
      return { slug: `multi-claim-${n}`, title: `Claim ${n}`, windowStart, windowEnd, sortStart: windowStart, sortEnd: windowEnd };
    });
    await target.db.milestone.createMany({ data: claims });
    const expected = count + count / 2;
    const ours = { milestone: { slug: { startsWith: 'multi-claim-' } } };

    await waitFor('every claim to be flagged', async () => ((await target.db.milestoneTransition.count({ where: ours })) >= expected ? true : undefined));
    const keys = await waitFor('every delivery to be sent', async () => {
      const deliveries = await target.db.webhookDelivery.findMany({ where: { webhookId: webhook.id, transition: ours }, orderBy: { id: 'asc' } });
      const sent = new Set(received.map((r) => r.key));
      return deliveries.length === expected && deliveries.every((d) => sent.has(d.idempotencyKey)) ? deliveries.map((d) => d.idempotencyKey) : undefined;
    });
    // Three more ticks on every instance: nothing new may happen.
    await new Promise((r) => setTimeout(r, 3_000));

    const transitions = await target.db.milestoneTransition.findMany({ where: ours, orderBy: { id: 'asc' }, include: { milestone: true } });
    expect(transitions).toHaveLength(expected);
    expect(transitions.filter((t) => t.toStatus === 'due')).toHaveLength(count);
    expect(transitions.filter((t) => t.toStatus === 'overdue')).toHaveLength(count / 2);
    const statuses = await target.db.milestone.findMany({ where: { slug: { startsWith: 'multi-claim-' } }, orderBy: { id: 'asc' } });
    expect(statuses.map((m) => m.status)).toEqual(claims.map((_, n) => (n % 2 === 0 ? 'overdue' : 'due')));

    const ourKeys = new Set(keys);
    const posts = received.filter((r) => ourKeys.has(r.key));
    expect(posts).toHaveLength(expected);
    expect(new Set(posts.map((p) => p.key)).size).toBe(expected);
    for (const p of posts) expect(p.signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    const deliveries = await target.db.webhookDelivery.findMany({ where: { webhookId: webhook.id, transition: ours }, orderBy: { id: 'asc' } });
    expect(deliveries.map((d) => [d.status, d.attempts])).toEqual(deliveries.map(() => ['delivered', 1]));

    for (const i of instances) expect(i.output()).not.toMatch(/milestone job failed/);
  });
});

describe('three instances starting together on an empty database', () => {
  let empty: TestDb;
  let started: Instance[] = [];
  afterAll(async () => {
    await Promise.all(started.map((i) => i.stop()));
    await empty?.close();
  });

  it('when they start at the same moment, then each one serves, and the database is migrated, seeded and given its first admin exactly once', async () => {
    empty = await createTestDb({ empty: true });
    const env = { MIGRATE_ON_START: 'true', SEED_ON_EMPTY: 'true', ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, MILESTONE_CRON: 'off' };
    const results = await Promise.allSettled(['D', 'E', 'F'].map((name) => startInstance(name, empty.url, env)));
    started = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    expect(results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason).slice(0, 600))).toEqual([]);

    const migrations = await empty.db.$queryRawUnsafe<{ name: string; finished: boolean }[]>(
      'SELECT migration_name AS name, finished_at IS NOT NULL AS finished FROM _prisma_migrations ORDER BY migration_name',
    );
    expect(migrations).toEqual(migrationNames('postgres').map((name) => ({ name, finished: true })));
    expect(await empty.db.organization.count()).toBe(seedData.organizations.length);
    expect(await empty.db.source.count()).toBe(seedData.sources.length);
    expect(await empty.db.event.count()).toBe(seedData.events.length);
    expect(await empty.db.user.count()).toBe(1);
  });
});
