// An app process whose connection to PostgreSQL goes through a TCP proxy the test controls:
// cut it, and requests must answer 503 within 5 s while the process stays up; restore it, and
// service must resume without a restart. The milestone job ticks every second throughout.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../helpers/db.ts';
import { DbProxy, startInstance, waitFor, type Instance } from './support.ts';

interface Setup {
  target: TestDb;
  proxy: DbProxy;
  app: Instance;
}

async function behindProxy(env: NodeJS.ProcessEnv = {}): Promise<Setup> {
  const target = await createTestDb();
  const direct = new URL(target.url);
  const proxy = await new DbProxy(direct.hostname, Number(direct.port || 5432)).start();
  const viaProxy = new URL(target.url);
  viaProxy.hostname = '127.0.0.1';
  viaProxy.port = String(proxy.port);
  const app = await startInstance('outage', viaProxy.toString(), { MIGRATE_ON_START: 'false', SEED_ON_EMPTY: 'true', MILESTONE_CRON: '* * * * * *', ...env });
  return { target, proxy, app };
}

async function tearDown(s: Setup | undefined) {
  await s?.app.stop();
  await s?.proxy.close();
  await s?.target.close();
}

async function timedGet(app: Instance, path: string, accept = 'application/json') {
  const started = performance.now();
  const res = await fetch(`${app.base}${path}`, { headers: { Accept: accept } });
  const body = await res.text();
  return { status: res.status, body, ms: performance.now() - started };
}

async function expectServing(app: Instance) {
  await waitFor('the app to serve again', async () => ((await timedGet(app, '/api/v1/events')).status === 200 ? true : undefined), 15_000);
  expect((await timedGet(app, '/healthz')).status).toBe(200);
  expect((await timedGet(app, '/', 'text/html')).status).toBe(200);
}

async function expectUnavailable(app: Instance, withinMs = 5_000) {
  const answers = await Promise.all([
    timedGet(app, '/api/v1/events'),
    timedGet(app, '/', 'text/html'),
    timedGet(app, '/events/llama-2-release', 'text/html'),
  ]);
  for (const a of answers) {
    expect(a.status).toBe(503);
    expect(a.ms).toBeLessThan(withinMs);
  }
  expect(JSON.parse(answers[0]!.body)).toMatchObject({ error: { code: 'service_unavailable' } });
  const health = await timedGet(app, '/healthz');
  expect(health.status).toBe(503);
  expect(JSON.parse(health.body)).toEqual({ status: 'unavailable', database: 'down' });
  expect(health.ms).toBeLessThan(withinMs);
}

// DB_CONNECT_TIMEOUT_MS and DB_STATEMENT_TIMEOUT_MS keep their defaults (3 s and 4 s): those are what must hold.
describe('with the default pool settings', () => {
  let s: Setup;
  beforeAll(async () => {
    s = await behindProxy();
  });
  afterAll(async () => tearDown(s));

  it('when connections are reset, then requests answer 503 at once, the process stays up, and service resumes by itself', async () => {
    await expectServing(s.app);
    s.proxy.cut('reset');
    await expectUnavailable(s.app);
    // Let the job fail on a few ticks: the process must survive them.
    await new Promise((r) => setTimeout(r, 2_500));
    expect(s.app.proc.exitCode).toBeNull();
    await expectUnavailable(s.app);
    s.proxy.restore();
    await expectServing(s.app);
  });

  it('when the database host stops answering, then requests answer 503 within 5 seconds, and service resumes by itself', async () => {
    await expectServing(s.app);
    s.proxy.cut('blackhole');
    await expectUnavailable(s.app);
    expect(s.app.proc.exitCode).toBeNull();
    s.proxy.restore();
    await expectServing(s.app);
  });

  it('when open connections go silent mid-query (a network partition), then requests answer 503 within 5 seconds (the statement timeout, 4 s, passes), and service resumes by itself', async () => {
    await expectServing(s.app);
    s.proxy.cut('freeze');
    // The client gives up on a silent connection after DB_STATEMENT_TIMEOUT_MS, not before.
    await expectUnavailable(s.app);
    expect(s.app.proc.exitCode).toBeNull();
    s.proxy.restore();
    await expectServing(s.app);
    expect(s.app.output()).not.toMatch(/uncaught|unhandled/i);
  });
});
