// The app in front of a PostgreSQL server that cannot be reached: a port that refuses
// connections, and a server that accepts them but never answers (the connect timeout decides).
// No PostgreSQL is needed, so this runs in every `npm test`.
import net from 'node:net';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { fixedClock } from '../../src/platform/clock.ts';
import { createDb, poolOptions, type Db } from '../../src/platform/db.ts';
import { createLogger } from '../../src/platform/logger.ts';


async function listen(server: net.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as net.AddressInfo).port;
}

async function appOn(port: number): Promise<{ app: App; db: Db }> {
  const url = `postgresql://timeline@127.0.0.1:${port}/timeline`;
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: url, LOG_LEVEL: 'silent', DB_CONNECT_TIMEOUT_MS: '1000' });
  const db = await createDb({ url, pool: poolOptions(config) });
  return { app: createApp({ db, config, logger: createLogger('silent'), clock: fixedClock('2026-01-15T12:00:00Z') }), db };
}

async function timed(req: request.Test) {
  const started = performance.now();
  const res = await req;
  return { res, ms: performance.now() - started };
}

describe('when the database refuses connections', () => {
  let app: App;
  let db: Db;
  beforeAll(async () => {
    const probe = net.createServer();
    const port = await listen(probe);
    await new Promise((resolve) => probe.close(resolve));
    ({ app, db } = await appOn(port));
  });
  afterAll(async () => db.$disconnect());

  it('then the API answers 503 in JSON with a Retry-After, quickly', async () => {
    const { res, ms } = await timed(request(app).get('/api/v1/events'));
    expect(res.status).toBe(503);
    expect(res.body.error).toMatchObject({ code: 'service_unavailable', message: expect.stringMatching(/database/i) });
    expect(res.headers['retry-after']).toBe('5');
    expect(ms).toBeLessThan(5000);
  });

  it('then pages answer 503 with the HTML error page', async () => {
    const res = await request(app).get('/').set('Accept', 'text/html');
    expect(res.status).toBe(503);
    expect(res.type).toBe('text/html');
    expect(res.text).toMatch(/database is not answering/);
  });

  it('then /healthz answers 503 and says the database is down', async () => {
    const res = await request(app).get('/healthz').expect(503);
    expect(res.body).toEqual({ status: 'unavailable', database: 'down' });
  });
});

describe('when the database accepts connections but never answers', () => {
  let app: App;
  let db: Db;
  const held = new Set<net.Socket>();
  const silent = net.createServer((socket) => {
    held.add(socket.on('error', () => {}));
  });
  beforeAll(async () => {
    ({ app, db } = await appOn(await listen(silent)));
  });
  afterAll(async () => {
    await db.$disconnect();
    for (const socket of held) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });

  it('then requests answer 503 once DB_CONNECT_TIMEOUT_MS passes, well within 5 seconds', async () => {
    const [api, page] = await Promise.all([timed(request(app).get('/api/v1/events')), timed(request(app).get('/').set('Accept', 'text/html'))]);
    expect(api.res.status).toBe(503);
    expect(page.res.status).toBe(503);
    for (const { ms } of [api, page]) {
      expect(ms).toBeGreaterThanOrEqual(900);
      expect(ms).toBeLessThan(5000);
    }
  });

  it('then /healthz answers 503', async () => {
    await request(app).get('/healthz').expect(503);
  });
});
