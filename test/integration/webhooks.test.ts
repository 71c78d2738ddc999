import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  deliverPendingWebhooks,
  flagMilestones,
  IDEMPOTENCY_HEADER,
  SIGNATURE_HEADER,
  verifySignature,
  type FetchLike,
} from '../../src/features/milestones/index.ts';
import { signIn } from '../helpers/admin-session.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { unresolveClaims } from '../helpers/factories.ts';

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A webhook receiver on loopback answering the given statuses in turn (then 200). */
async function startReceiver(statuses: number[] = []) {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.statusCode = statuses[received.length - 1] ?? 200;
      res.end('thanks');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const SECRET = 'a-long-enough-secret-for-tests';
const NOW = new Date('2024-05-01T00:00:00Z');
const later = (ms: number) => new Date(NOW.getTime() + ms);

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ seed: true, now: NOW.toISOString(), env: { WEBHOOK_ALLOW_PRIVATE: 'true', PUBLIC_URL: 'https://timeline.example.org' } });
});
afterAll(async () => t.close());

/** Only the Gemini "May 2024" claim unresolved, no webhooks, no transitions. */
beforeEach(async () => {
  await t.db.$transaction([t.db.webhook.deleteMany({}), t.db.milestoneTransition.deleteMany({}), ...unresolveClaims(t.db, ['google-gemini-may-2024'])]);
});

const deps = () => ({ db: t.db, config: t.config });

describe('webhook deliveries', () => {
  it('when the receiver fails once, then it sees a signed retry after the backoff and no duplicate after success', async () => {
    const rx = await startReceiver([500]);
    try {
      const hook = await t.db.webhook.create({ data: { url: rx.url, secret: SECRET } });
      const summary = await flagMilestones(t.db, NOW);
      expect(summary.transitions).toBe(1);
      const transition = await t.db.milestoneTransition.findFirstOrThrow({ orderBy: { id: 'asc' } });

      const first = await deliverPendingWebhooks(deps(), NOW);
      expect(first.map((r) => [r.status, r.statusCode])).toEqual([['pending', 500]]);
      expect(rx.received).toHaveLength(1);

      expect(await deliverPendingWebhooks(deps(), later(30_000))).toEqual([]);
      expect(rx.received).toHaveLength(1);

      const second = await deliverPendingWebhooks(deps(), later(60_000));
      expect(second.map((r) => [r.status, r.statusCode])).toEqual([['delivered', 200]]);
      expect(await deliverPendingWebhooks(deps(), later(3_600_000))).toEqual([]);
      await flagMilestones(t.db, later(3_600_000));
      expect(await deliverPendingWebhooks(deps(), later(7_200_000))).toEqual([]);
      expect(rx.received).toHaveLength(2);

      const key = `transition-${transition.id}-webhook-${hook.id}`;
      for (const [i, r] of rx.received.entries()) {
        expect(r.headers['content-type']).toBe('application/json');
        expect(r.headers[IDEMPOTENCY_HEADER.toLowerCase()]).toBe(key);
        const when = i === 0 ? NOW : later(60_000);
        expect(verifySignature(String(r.headers[SIGNATURE_HEADER.toLowerCase()]), SECRET, r.body, when)).toBe(true);
        expect(verifySignature(String(r.headers[SIGNATURE_HEADER.toLowerCase()]), 'wrong-secret-wrong-secret', r.body, when)).toBe(false);
      }
      expect(rx.received[1]!.body).toBe(rx.received[0]!.body);
      expect(JSON.parse(rx.received[0]!.body)).toMatchObject({
        id: key,
        type: 'milestone.due',
        data: {
          transition: { id: transition.id, from: 'upcoming', to: 'due', dueAt: '2024-05-01T00:00:00.000Z' },
          milestone: {
            slug: 'google-gemini-may-2024',
            path: '/milestones/google-gemini-may-2024',
            url: 'https://timeline.example.org/milestones/google-gemini-may-2024',
            expectedText: 'mai 2024',
          },
        },
      });

      const delivery = await t.db.webhookDelivery.findUniqueOrThrow({ where: { idempotencyKey: key }, include: { attemptLog: { orderBy: { id: 'asc' } } } });
      expect(delivery).toMatchObject({ status: 'delivered', attempts: 2, deliveredAt: later(60_000), lockedUntil: null });
      expect(delivery.attemptLog.map((a) => [a.at.toISOString(), a.statusCode, a.error])).toEqual([
        [NOW.toISOString(), 500, 'HTTP 500'],
        [later(60_000).toISOString(), 200, null],
      ]);
    } finally {
      await rx.close();
    }
  });

  it('when every attempt fails, then the delivery is retried with doubling waits and given up after ten attempts', async () => {
    await t.db.webhook.create({ data: { url: 'http://127.0.0.1:9/never', secret: SECRET } });
    await flagMilestones(t.db, NOW);
    const refused: FetchLike = async () => {
      throw new TypeError('fetch failed');
    };
    let now = NOW;
    const waits: number[] = [];
    for (let i = 0; i < 12; i++) {
      const results = await deliverPendingWebhooks(deps(), now, refused);
      const d = await t.db.webhookDelivery.findFirstOrThrow({ orderBy: { id: 'asc' } });
      if (results.length === 0) break;
      if (d.status === 'pending') waits.push(d.nextAttemptAt.getTime() - now.getTime());
      now = d.nextAttemptAt;
    }
    const d = await t.db.webhookDelivery.findFirstOrThrow({ orderBy: { id: 'asc' }, include: { _count: { select: { attemptLog: true } } } });
    expect(d.status).toBe('failed');
    expect(d.attempts).toBe(10);
    expect(d._count.attemptLog).toBe(10);
    expect(d.lastError).toBe('no answer: could not connect, or no reply within 5000 ms');
    expect(waits.map((w) => w / 60_000)).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256]);
    expect(await deliverPendingWebhooks(deps(), later(30 * 86_400_000), refused)).toEqual([]);
  });

  it('when two workers deliver at the same moment, then each delivery is claimed and sent once', async () => {
    const rx = await startReceiver();
    try {
      await t.db.webhook.create({ data: { url: rx.url, secret: SECRET } });
      await t.db.webhook.create({ data: { url: `${rx.url}?second`, secret: SECRET } });
      await t.db.milestone.update({
        where: { slug: 'meta-next-model-release-2024' },
        data: { status: 'upcoming', dueAt: null, outcome: null, gapDays: null, settledByEventId: null, resolutionNote: null, resolvedAt: null },
      });
      await flagMilestones(t.db, NOW);
      const queued = await t.db.webhookDelivery.count();
      expect(queued).toBe(4);

      const [a, b] = await Promise.all([
        deliverPendingWebhooks(deps(), NOW),
        deliverPendingWebhooks(deps(), NOW),
      ]);
      expect(a.length + b.length).toBe(4);
      expect(rx.received).toHaveLength(4);
      const keys = rx.received.map((r) => `${r.headers[IDEMPOTENCY_HEADER.toLowerCase()]}`);
      expect(new Set(keys).size).toBe(4);
    } finally {
      await rx.close();
    }
  });
});

describe('webhooks in the admin', () => {
  it('when an admin registers a receiver and sends a test, then it gets a signed test message and the log shows it', async () => {
    const rx = await startReceiver();
    try {
      const { agent, token } = await signIn(t.app, t.db, 'admin');
      const created = await agent
        .post('/admin/webhooks/new')
        .type('form')
        .send({ _csrf: token, url: rx.url, description: 'Test receiver', secret: '' })
        .expect(303);
      const hook = await t.db.webhook.findFirstOrThrow({ orderBy: { id: 'desc' } });
      expect(created.headers.location).toBe(`/admin/webhooks/${hook.id}`);
      expect(hook.secret).toMatch(/^[0-9a-f]{64}$/);
      expect(hook.createdAt).toEqual(NOW);

      await agent.post(`/admin/webhooks/${hook.id}/test`).type('form').send({ _csrf: token }).expect(303);
      expect(rx.received).toHaveLength(1);
      const r = rx.received[0]!;
      expect(verifySignature(String(r.headers[SIGNATURE_HEADER.toLowerCase()]), hook.secret, r.body, NOW)).toBe(true);
      expect(JSON.parse(r.body)).toMatchObject({ type: 'webhook.test', data: { webhookId: hook.id } });

      const page = await agent.get(`/admin/webhooks/${hook.id}`).expect(200);
      expect(page.text).toContain('Test delivered (HTTP 200).');
      expect(page.text).toContain('webhook.test');
      expect(page.text).toMatch(/<td>200<\/td>/);
      const list = await agent.get('/admin/webhooks').expect(200);
      expect(list.text).toContain(rx.url);

      await agent.post(`/admin/webhooks/${hook.id}/delete`).type('form').send({ _csrf: token }).expect(303);
      expect(await t.db.webhook.count({ where: { id: hook.id } })).toBe(0);
      expect(await t.db.webhookDelivery.count({ where: { webhookId: hook.id } })).toBe(0);
      expect(await t.db.auditLog.count({ where: { entityType: 'webhook', entityId: hook.id } })).toBe(2);
    } finally {
      await rx.close();
    }
  });

  it.each([
    ['ftp://example.com/hook', 'Give an http:// or https:// address.'],
    ['javascript:alert(1)', 'Give an http:// or https:// address.'],
    ['not a url', 'Give an http:// or https:// address.'],
  ])('when the address is %s, then the form is refused and no webhook is created', async (url, message) => {
    const { agent, token } = await signIn(t.app, t.db, 'admin');
    const res = await agent.post('/admin/webhooks/new').type('form').send({ _csrf: token, url, description: 'x', secret: '' }).expect(422);
    expect(res.text).toContain(message);
    expect(res.text).toMatch(/<input id="field-url"[^>]*aria-invalid="true"/);
    expect(await t.db.webhook.count()).toBe(0);
  });

  it('when the secret is too short, then the form is refused and the secret is not echoed back', async () => {
    const { agent, token } = await signIn(t.app, t.db, 'admin');
    const res = await agent
      .post('/admin/webhooks/new')
      .type('form')
      .send({ _csrf: token, url: 'https://example.com/hook', description: '', secret: 'short-secret' })
      .expect(422);
    expect(res.text).toContain('Use at least 16 characters');
    expect(res.text).not.toContain('short-secret');
    expect(await t.db.webhook.count()).toBe(0);
  });

  it('when the webhook does not exist, then its page is a 404', async () => {
    const { agent } = await signIn(t.app, t.db, 'admin');
    await agent.get('/admin/webhooks/999999').expect(404);
    await agent.get('/admin/webhooks/abc').expect(404);
  });
});

describe('webhook targets inside the server\'s networks (SSRF)', () => {
  let strict: TestApp;
  beforeAll(async () => {
    strict = await createTestApp({ seed: true, now: NOW.toISOString() });
  });
  afterAll(async () => strict.close());

  it.each([
    'http://127.0.0.1/hook',
    'http://localhost:8080/hook',
    'http://[::1]/hook',
    'http://0.0.0.0/hook',
    'http://2130706433/hook',
    'http://0177.0.0.1/hook',
    'http://0x7f.1/hook',
    'http://169.254.169.254/latest/meta-data/',
    'http://10.1.2.3/hook',
    'http://172.16.0.1/hook',
    'http://192.168.1.10/hook',
    'http://100.64.0.1/hook',
    'http://[::ffff:127.0.0.1]/hook',
    'http://[fd00::1]/hook',
    'http://[fe80::1]/hook',
  ])('when an admin registers %s, then it is refused beside the field and nothing is stored', async (url) => {
    const { agent, token } = await signIn(strict.app, strict.db, 'admin');
    const res = await agent.post('/admin/webhooks/new').type('form').send({ _csrf: token, url, description: '', secret: '' }).expect(422);
    expect(res.text).toContain('inside a private, loopback or link-local network');
    expect(res.text).toMatch(/<input id="field-url"[^>]*aria-invalid="true"/);
    expect(await strict.db.webhook.count()).toBe(0);
  });

  it('when a stored address resolves to loopback at delivery time, then nothing is sent and the attempt says it was refused', async () => {
    const rx = await startReceiver();
    try {
      const port = new URL(rx.url).port;
      await strict.db.$transaction([strict.db.webhook.deleteMany({}), strict.db.milestoneTransition.deleteMany({}), ...unresolveClaims(strict.db, ['google-gemini-may-2024'])]);
      await strict.db.webhook.create({ data: { url: `http://localhost:${port}/hook`, secret: SECRET } });
      await strict.db.webhook.create({ data: { url: `http://127.0.0.1:${port}/hook`, secret: SECRET } });
      await flagMilestones(strict.db, NOW);
      const results = await deliverPendingWebhooks({ db: strict.db, config: strict.config }, NOW);
      expect(results).toHaveLength(2);
      for (const r of results) expect(r.error).toBe('refused: the address is inside a private, loopback or link-local network');
      expect(rx.received).toHaveLength(0);
    } finally {
      await rx.close();
    }
  });

  it('when an editor opens the webhooks, then it is refused: webhooks are for administrators', async () => {
    const { agent, token } = await signIn(strict.app, strict.db, 'editor');
    await agent.get('/admin/webhooks').expect(403);
    await agent.post('/admin/webhooks/new').type('form').send({ _csrf: token, url: 'https://example.com/hook', description: '', secret: '' }).expect(403);
    const dashboard = await agent.get('/admin').expect(200);
    expect(dashboard.text).not.toContain('href="/admin/webhooks"');
  });
});

describe('test button messages', () => {
  it('when the receiver refuses connections or never answers, then the message is the same and names no network error', async () => {
    const app = await createTestApp({ seed: true, now: NOW.toISOString(), env: { WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_TIMEOUT_MS: '300' } });
    const silent = http.createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    try {
      const { agent, token } = await signIn(app.app, app.db, 'admin');
      const flashes: string[] = [];
      for (const url of [`http://127.0.0.1:${closedPort}/hook`, `http://127.0.0.1:${(silent.address() as AddressInfo).port}/hook`]) {
        const hook = await app.db.webhook.create({ data: { url, secret: SECRET } });
        await agent.post(`/admin/webhooks/${hook.id}/test`).type('form').send({ _csrf: token }).expect(303);
        const page = await agent.get(`/admin/webhooks/${hook.id}`).expect(200);
        const flash = /<p class="flash flash--error"[^>]*>([^<]*)<\/p>/.exec(page.text)?.[1];
        expect(flash).toBeDefined();
        expect(page.text).not.toMatch(/ECONNREFUSED|ECONNRESET|ETIMEDOUT|fetch failed|AbortError|TimeoutError/);
        flashes.push(flash!);
      }
      expect(flashes[0]).toBe(flashes[1]);
    } finally {
      silent.closeAllConnections();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
      await app.close();
    }
  });
});
