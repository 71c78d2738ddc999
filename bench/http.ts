// Issue 2's "Speed": the home page, a deep page and an API page of a 100,000-event database,
// against a node:http ceiling serving the same bytes and a raw better-sqlite3 render of the same page.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { encodeCursor } from '../src/features/timeline/timeline.schema.ts';
import type { BenchOptions } from './args.ts';
import { load, type LoadResult } from './cannon.ts';
import { cpuMeter, type CpuUse } from './cpu.ts';
import { startServer, type Server, type ServerSpec } from './children.ts';
import { copyDb, insertEvents } from './build-db.ts';
import { insertEventsPg } from './build-pg.ts';
import { dataAccessCosts, type Cost } from './costs.ts';
import { generateEvents, newestFirst, type EventSpec } from './data.ts';

export const PAGE_SIZE = 50;
const CREATED_AT = new Date('2026-01-15T12:00:00Z');

export interface Run extends LoadResult {
  id: string;
  label: string;
  server: string;
  url: string;
  /** Answers other than the expected status (200, or 304 with If-None-Match), errors and timeouts. */
  unexpected: number;
  /** The server's CPU use during the run (null without /proc). */
  cpu: CpuUse | null;
  /** Requests served per CPU-second of the server: its cost per request, whatever else ran. */
  perCpuSecond: number | null;
  /** Requests per second of every round; the run kept is the fastest. */
  roundsRps?: number[];
}

export interface HttpResult {
  events: number;
  deepPage: number;
  buildSeconds: number;
  homeBytes: number;
  /** Where the raw render differs from the app's (empty: byte-identical). */
  rawDiff: string[];
  runs: Run[];
  /** In-process costs of the data access behind the pages. */
  costs: Cost[];
  /** The home page served by one app instance, then by two on one database (issue 5). */
  instances?: InstancesResult;
}

/** The cursor of page `page` (1-based) in the app's format: the key of the last event of the page before. */
export function cursorForPage(sorted: EventSpec[], page: number): string {
  const e = sorted[(page - 1) * PAGE_SIZE - 1];
  if (!e) throw new Error(`page ${page} does not exist with ${sorted.length} events`);
  return encodeCursor({ e: [e.date.start.toISOString(), e.date.end.toISOString(), e.title, e.id], m: null, mDone: true });
}

async function get(url: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { headers });
  return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
}

function expectIds(what: string, got: number[], want: EventSpec[]) {
  const w = want.map((e) => e.id);
  if (got.join() !== w.join()) throw new Error(`${what}: the app lists ids ${got.slice(0, 5).join(', ')}… where ${w.slice(0, 5).join(', ')}… were expected`);
}

/** Checks that the app reads the generated rows and orders them as the timeline must. */
async function verifyApp(base: string, sorted: EventSpec[], deepPage: number, deepQuery: string) {
  const first = JSON.parse((await get(`${base}/api/v1/events?limit=${PAGE_SIZE}`)).body.toString()) as {
    data: { id: number; date: { start: string } }[];
    page: { nextCursor: string | null };
  };
  expectIds('page 1', first.data.map((d) => d.id), sorted.slice(0, PAGE_SIZE));
  if (first.page.nextCursor !== cursorForPage(sorted, 2)) throw new Error('the computed cursor of page 2 differs from the one the app gives');
  const deep = JSON.parse((await get(`${base}/api/v1/events?limit=${PAGE_SIZE}&${deepQuery}`)).body.toString()) as { data: { id: number }[] };
  expectIds(`page ${deepPage}`, deep.data.map((d) => d.id), sorted.slice((deepPage - 1) * PAGE_SIZE, deepPage * PAGE_SIZE));
  const home = (await get(`${base}/`)).body.toString();
  const items = home.split('class="timeline__item').length - 1;
  if (items !== Math.min(PAGE_SIZE, sorted.length)) throw new Error(`the home page shows ${items} entries`);
}

/** First difference between two bodies, with some context, or nothing when they are equal. */
export function firstDifference(a: string, b: string): string | null {
  if (a === b) return null;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at character ${i} of ${a.length}/${b.length}: app «${a.slice(Math.max(0, i - 60), i + 60)}» raw «${b.slice(Math.max(0, i - 60), i + 60)}»`;
}

const SKIPPED_HEADERS = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);

/** What the runs of one engine share: options, the log, the run folder, and where runs are collected. */
interface Measurer {
  opts: BenchOptions;
  log: (s: string) => void;
  runs: Run[];
  withServer<T>(spec: ServerSpec, fn: (s: Server) => Promise<T>): Promise<T>;
  measure(s: Server, id: string, label: string, pathAndQuery: string, headers?: Record<string, string>): Promise<void>;
}

function measurer(opts: BenchOptions, log: (s: string) => void): Measurer {
  const runs: Run[] = [];
  async function withServer<T>(spec: ServerSpec, fn: (s: Server) => Promise<T>): Promise<T> {
    log(`Starting ${spec.name}…`);
    const s = await startServer(spec);
    try {
      return await fn(s);
    } finally {
      await s.stop();
    }
  }
  async function measure(s: Server, id: string, label: string, pathAndQuery: string, headers?: Record<string, string>) {
    const url = s.base + pathAndQuery;
    if (opts.warmup > 0) await load(url, { connections: opts.connections, duration: opts.warmup, headers });
    const samples: Run[] = [];
    for (let round = 0; round < opts.rounds; round++) {
      const meter = cpuMeter(s.pid);
      const r = await load(url, { connections: opts.connections, duration: opts.duration, headers });
      const cpu = meter();
      s.assertAlive();
      const expected = headers?.['If-None-Match'] ? '304' : '200';
      const answered = Object.values(r.statuses).reduce((a, b) => a + b, 0);
      const unexpected = answered - (r.statuses[expected] ?? 0) + r.errors + r.timeouts;
      const short = pathAndQuery.length > 60 ? `${pathAndQuery.slice(0, 57)}…` : pathAndQuery;
      samples.push({ id, label, server: s.name, url: short, ...r, unexpected, cpu, perCpuSecond: cpu && cpu.serverSeconds > 0 ? r.requests / cpu.serverSeconds : null });
    }
    const best = samples.reduce((a, b) => (b.rps > a.rps ? b : a));
    runs.push({ ...best, roundsRps: samples.map((x) => x.rps) });
    logRun(log, best);
  }
  return { opts, log, runs, withServer, measure };
}

function logRun(log: (s: string) => void, best: Run) {
  const c = best.cpu;
  log(
    `  ${best.label}: ${Math.round(best.rps)} req/s, p50 ${best.p50} ms, p99 ${best.p99} ms` +
      (c ? `, server ${(100 * c.serverCores).toFixed(0)}% of a core, machine ${(100 * c.machineBusy).toFixed(0)}% busy` : '') +
      (best.unexpected ? ` (${best.unexpected} unexpected answers!)` : ''),
  );
}

interface Pages {
  sorted: EventSpec[];
  deepPage: number;
  deepQuery: string;
}

function pagesOf(events: EventSpec[], opts: BenchOptions): Pages {
  const sorted = [...events].sort(newestFirst);
  const deepPage = Math.max(2, Math.min(opts.page, Math.ceil(sorted.length / PAGE_SIZE)));
  return { sorted, deepPage, deepQuery: new URLSearchParams({ cursor: cursorForPage(sorted, deepPage) }).toString() };
}

function appEnvFor(databaseUrl: string, opts: BenchOptions): Record<string, string> {
  return {
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: opts.logLevel,
    SEED_ON_EMPTY: 'false',
    MIGRATE_ON_START: 'false',
    MILESTONE_CRON: 'off',
  };
}

/**
 * The app's runs, the same on every engine: render cache on (home, 304, deep page, API page), then
 * render cache off (pages 1, 2, the deep page, the API page). `prefix` names the servers (and logs).
 */
async function appRuns(m: Measurer, databaseUrl: string, pages: Pages, logDir: string, prefix: string) {
  const { sorted, deepPage, deepQuery } = pages;
  const { opts, log, measure, withServer } = m;
  const appEnv = appEnvFor(databaseUrl, opts);
  const profDir = path.join(logDir, 'profiles');
  const deepUrl = `/?${deepQuery}`;
  const apiUrl = `/api/v1/events?limit=${PAGE_SIZE}`;

  const saved = await withServer({ name: `${prefix}app-cache-on`, entry: 'src/main.ts', env: { ...appEnv, RENDER_CACHE: 'on' }, readyPath: '/healthz', logDir }, async (s) => {
    await verifyApp(s.base, sorted, deepPage, deepQuery);
    log('  the app lists the generated events in timeline order (pages 1, 2 and the deep page checked)');
    await get(`${s.base}/`);
    const home = await get(`${s.base}/`);
    if (home.headers.get('x-render-cache') !== 'hit') throw new Error('the second request of the home page was not a render-cache hit');
    const etag = home.headers.get('etag');
    if (!etag) throw new Error('the cached home page has no ETag');
    await measure(s, 'home-cached', 'home, render cache on', '/');
    await measure(s, 'home-304', 'home, cache on, If-None-Match (304)', '/', { 'If-None-Match': etag });
    await measure(s, 'deep-cached', `page ${deepPage}, render cache on`, deepUrl);
    await measure(s, 'api-cached', 'API page (50 events), cache on', apiUrl);
    const headers: Record<string, string> = {};
    home.headers.forEach((v, k) => {
      if (!SKIPPED_HEADERS.has(k)) headers[k] = v;
    });
    return { headers, body: home.body };
  });

  const uncachedArgs = opts.cpuProf ? ['--cpu-prof', '--cpu-prof-dir', profDir] : [];
  const appHtml = await withServer(
    { name: `${prefix}app-cache-off`, entry: 'src/main.ts', env: { ...appEnv, RENDER_CACHE: 'off' }, readyPath: '/healthz', logDir, nodeArgs: uncachedArgs },
    async (s) => {
      const html = { first: (await get(`${s.base}/`)).body.toString(), deep: (await get(s.base + deepUrl)).body.toString() };
      await measure(s, 'page1-uncached', 'page 1, render cache off', '/');
      await measure(s, 'page2-uncached', 'page 2, render cache off', `/?${new URLSearchParams({ cursor: cursorForPage(sorted, 2) })}`);
      await measure(s, 'deep-uncached', `page ${deepPage}, render cache off`, deepUrl);
      await measure(s, 'api-uncached', 'API page (50 events), cache off', apiUrl);
      return html;
    },
  );
  return { saved, appHtml };
}

export interface InstancesResult {
  /** Total autocannon connections, split in two halves in both runs. */
  connections: number;
  one: Run;
  two: Run;
  /** two.rps / one.rps */
  ratio: number;
  perCpuRatio: number | null;
}

/** The total load of several autocannon processes run at once (req/s summed, latencies the worst). */
async function loadTogether(targets: { url: string; connections: number }[], duration: number) {
  const results = await Promise.all(targets.map((t) => load(t.url, { connections: t.connections, duration })));
  const statuses: Record<string, number> = {};
  for (const r of results) for (const [k, v] of Object.entries(r.statuses)) statuses[k] = (statuses[k] ?? 0) + v;
  const sum = (f: (r: LoadResult) => number) => results.reduce((a, r) => a + f(r), 0);
  return {
    rps: sum((r) => r.rps),
    p50: Math.max(...results.map((r) => r.p50)),
    p99: Math.max(...results.map((r) => r.p99)),
    requests: sum((r) => r.requests),
    statuses,
    errors: sum((r) => r.errors),
    timeouts: sum((r) => r.timeouts),
    throughput: sum((r) => r.throughput),
  } satisfies LoadResult;
}

/**
 * Issue 5: two app instances (render cache on) on two ports against one database, serving the home
 * page. The load is the same in both runs, two autocannon processes with half the connections each:
 * both on one instance, then one on each instance. Only the number of instances differs.
 */
export async function benchInstances(databaseUrl: string, opts: BenchOptions, log: (s: string) => void, logDir: string, prefix: string): Promise<InstancesResult> {
  const env = { ...appEnvFor(databaseUrl, opts), RENDER_CACHE: 'on' };
  const halves = [Math.ceil(opts.connections / 2), Math.max(1, Math.floor(opts.connections / 2))];
  const connections = halves[0]! + halves[1]!;
  log(`Starting two app instances (${prefix}instance-a, ${prefix}instance-b) on one database…`);
  const servers = [
    await startServer({ name: `${prefix}instance-a`, entry: 'src/main.ts', env, readyPath: '/healthz', logDir }),
    await startServer({ name: `${prefix}instance-b`, entry: 'src/main.ts', env, readyPath: '/healthz', logDir }),
  ];
  try {
    for (const s of servers) {
      const a = await get(`${s.base}/`);
      const b = await get(`${s.base}/`);
      if (a.status !== 200 || b.headers.get('x-render-cache') !== 'hit') throw new Error(`${s.name} does not serve the cached home page`);
    }
    const measureOn = async (id: string, label: string, onto: Server[]): Promise<Run> => {
      const targets = halves.map((c, i) => ({ url: `${onto[i % onto.length]!.base}/`, connections: c }));
      if (opts.warmup > 0) await loadTogether(targets, opts.warmup);
      const samples: Run[] = [];
      for (let round = 0; round < opts.rounds; round++) {
        const meters = onto.map((s) => cpuMeter(s.pid));
        const r = await loadTogether(targets, opts.duration);
        const uses = meters.map((m) => m());
        for (const s of onto) s.assertAlive();
        const cpu = uses.every((u) => u)
          ? { serverSeconds: uses.reduce((a, u) => a + u!.serverSeconds, 0), serverCores: uses.reduce((a, u) => a + u!.serverCores, 0), machineBusy: uses[0]!.machineBusy }
          : null;
        const answered = Object.values(r.statuses).reduce((a, b) => a + b, 0);
        const unexpected = answered - (r.statuses['200'] ?? 0) + r.errors + r.timeouts;
        samples.push({ id, label, server: onto.map((s) => s.name).join('+'), url: '/', ...r, unexpected, cpu, perCpuSecond: cpu && cpu.serverSeconds > 0 ? r.requests / cpu.serverSeconds : null });
      }
      const best = samples.reduce((a, b) => (b.rps > a.rps ? b : a));
      const run = { ...best, roundsRps: samples.map((x) => x.rps) };
      logRun(log, run);
      return run;
    };
    const one = await measureOn('home-one-instance', `home, cache on, 1 instance (${halves.join(' + ')} connections)`, [servers[0]!]);
    const two = await measureOn('home-two-instances', `home, cache on, 2 instances (${halves.join(' + ')} connections)`, servers);
    return { connections, one, two, ratio: two.rps / one.rps, perCpuRatio: one.perCpuSecond && two.perCpuSecond ? two.perCpuSecond / one.perCpuSecond : null };
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
}

export interface PostgresHttpResult {
  /** The admin URL given (password hidden) and the database created for the run. */
  url: string;
  database: string;
  events: number;
  deepPage: number;
  buildSeconds: number;
  runs: Run[];
  instances: InstancesResult;
}

/** The app's runs of benchHttp on a migrated, empty PostgreSQL database, loaded here with the same rows. */
export async function benchPostgresHttp(dir: string, db: { url: string; name: string; shownUrl: string }, opts: BenchOptions, log: (s: string) => void): Promise<PostgresHttpResult> {
  log(`PostgreSQL: loading ${opts.events.toLocaleString('en')} events into ${db.name}…`);
  const t = performance.now();
  const events = generateEvents(opts.events, opts.seed);
  await insertEventsPg(db.url, events, CREATED_AT);
  const buildSeconds = (performance.now() - t) / 1000;
  log(`  loaded in ${buildSeconds.toFixed(1)} s`);
  const pages = pagesOf(events, opts);
  const m = measurer(opts, log);
  await appRuns(m, db.url, pages, dir, 'pg-');
  const instances = await benchInstances(db.url, opts, log, dir, 'pg-');
  return { url: db.shownUrl, database: db.name, events: opts.events, deepPage: pages.deepPage, buildSeconds, runs: m.runs, instances };
}

export async function benchHttp(dir: string, template: string, opts: BenchOptions, log: (s: string) => void): Promise<HttpResult> {
  log(`Building ${opts.events.toLocaleString('en')} events…`);
  const t = performance.now();
  const events = generateEvents(opts.events, opts.seed);
  const file = copyDb(template, path.join(dir, 'events.db'));
  insertEvents(file, events, CREATED_AT);
  const buildSeconds = (performance.now() - t) / 1000;
  log(`  built in ${buildSeconds.toFixed(1)} s (${(fs.statSync(file).size / 1e6).toFixed(0)} MB)`);

  const pages = pagesOf(events, opts);
  const { sorted, deepPage, deepQuery } = pages;
  const m = measurer(opts, log);
  const { runs, measure, withServer } = m;
  const logDir = dir;
  const profDir = path.join(dir, 'profiles');
  const deepUrl = `/?${deepQuery}`;

  const { saved, appHtml } = await appRuns(m, `file:${file}`, pages, logDir, '');

  const rawDiff: string[] = [];
  await withServer({ name: 'raw', entry: 'bench/raw-server.ts', env: { NODE_ENV: 'production', RAW_DB: file }, readyPath: '/', logDir }, async (s) => {
    for (const [name, url] of [['first', '/'], ['deep', deepUrl]] as const) {
      const diff = firstDifference(appHtml[name], (await get(s.base + url)).body.toString());
      if (diff) rawDiff.push(`${name} page ${diff}`);
    }
    log(rawDiff.length ? `  the raw render differs: ${rawDiff.join('; ')}` : '  the raw render is byte-identical to the app (page 1 and the deep page)');
    await measure(s, 'page1-raw', 'page 1, raw better-sqlite3', '/');
    await measure(s, 'deep-raw', `page ${deepPage}, raw better-sqlite3`, deepUrl);
  });

  const responseFile = path.join(dir, 'home-response.json');
  fs.writeFileSync(responseFile, JSON.stringify({ headers: saved.headers, bodyBase64: saved.body.toString('base64') }));
  await withServer({ name: 'ceiling', entry: 'bench/ceiling-server.ts', env: { CEILING_RESPONSE: responseFile }, readyPath: '/', logDir }, async (s) => {
    const served = await get(`${s.base}/`);
    if (!served.body.equals(saved.body)) throw new Error('the ceiling server does not serve the bytes of the home page');
    await measure(s, 'ceiling', 'ceiling: node:http, same bytes', '/');
  });
  if (opts.cpuProf) log(`CPU profiles of the uncached app: ${profDir}`);

  const instances = await benchInstances(`file:${file}`, opts, log, logDir, '');

  log('Timing the data access in-process…');
  const costs = await dataAccessCosts(file, sorted, deepPage);
  return { events: opts.events, deepPage, buildSeconds, homeBytes: saved.body.length, rawDiff, runs, costs, instances };
}
