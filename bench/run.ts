// `npm run bench [-- options]`: see bench/args.ts for the options and bench/README.md for what is measured.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseBenchArgs } from './args.ts';
import { migratedTemplate } from './build-db.ts';
import { killAllChildren } from './children.ts';
import { benchFlagging } from './flagging.ts';
import { createBenchDatabase, redactUrl } from './build-pg.ts';
import { benchHttp, benchPostgresHttp, type PostgresHttpResult } from './http.ts';
import { benchSearch, benchSearchPostgres, formatSearch, type SearchBenchResult } from './search.ts';
import { benchSigninAttack, formatSigninAttack, type SigninAttackResult } from './signin-attack.ts';
import { benchEpochImport, benchTransfer } from './transfer.ts';
import { formatReport, machine, ratios, targets, writeResults, type BenchResults } from './report.ts';

const FLAG_NOW = new Date('2026-06-15T12:00:00Z');
/** Events imported and exported, and Epoch rows imported, in the default run (issue 9's figure). */
const TRANSFER_EVENTS = 20_000;

async function main(): Promise<void> {
  const opts = parseBenchArgs(process.argv.slice(2));
  const startedAt = new Date().toISOString();
  const host = machine();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'timeline-bench-'));
  const log = (s: string) => console.log(s);
  let dropDatabase: (() => Promise<void>) | null = null;
  const stop = (signal: NodeJS.Signals) => {
    killAllChildren();
    console.error(`\n${signal}: stopped; the servers under test were ended.`);
    if (!dropDatabase) process.exit(130);
    const timer = setTimeout(() => process.exit(130), 10_000);
    void dropDatabase()
      .then(() => console.error('The PostgreSQL database of the run was dropped.'))
      .catch((err: unknown) => console.error(`Could not drop the PostgreSQL database of the run: ${err instanceof Error ? err.message : err}`))
      .finally(() => {
        clearTimeout(timer);
        process.exit(130);
      });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  if (opts.only === 'transfer') {
    // Issue 12 and 9: import/export of --events events beside /healthz, then Epoch import vs raw inserts.
    await benchTransfer(opts.events, log);
    await benchEpochImport(TRANSFER_EVENTS, log);
    return;
  }
  let failed = true;
  try {
    log(`Run folder: ${dir}`);
    const template = await migratedTemplate(dir);
    const http = opts.only === 'flag' || opts.only === 'search' || opts.only === 'signin' ? null : await benchHttp(dir, template, opts, log);
    let search: SearchBenchResult | null = null;
    if (opts.only === 'all' || opts.only === 'search') {
      search = await benchSearch(dir, template, opts.searchSizes, opts.seed, log);
      if (!opts.searchSizes.includes(1_000_000)) search.notRun.push({ events: 1_000_000, why: 'the build takes minutes and gigabytes on this machine: add it with --search-sizes 10000,100000,1000000' });
    }
    let searchPostgres: SearchBenchResult | null = null;
    if (opts.postgres && opts.only === 'search') searchPostgres = await benchSearchPostgres(opts.postgres, opts.searchSizes, opts.seed, log);
    let signin: SigninAttackResult | null = null;
    if (opts.only === 'all' || opts.only === 'signin') {
      log('Sign-in attack: readers alone, then during 76 wrong passwords a second…');
      signin = await benchSigninAttack({ rate: 76, duration: opts.duration, events: 5000 });
    }
    if (opts.only === 'all') {
      // Issues 9 and 12: a 20,000-event import and export beside /healthz, then the Epoch import
      // (the sample and 20,000 generated rows) beside raw inserts of the same rows.
      log('Import and export of 20,000 events, /healthz polled from another process:');
      await benchTransfer(TRANSFER_EVENTS, log);
      log('Epoch import beside raw inserts of the same rows:');
      await benchEpochImport(TRANSFER_EVENTS, log);
    }
    let flagging = null;
    if (opts.only !== 'http' && opts.only !== 'search' && opts.only !== 'signin') {
      log(`Flagging ${opts.milestones.toLocaleString('en')} milestones…`);
      flagging = await benchFlagging(dir, template, { due: opts.milestones, later: Math.ceil(opts.milestones / 100), now: FLAG_NOW });
    }
    let postgres: PostgresHttpResult | null = null;
    if (opts.postgres && opts.only !== 'flag' && opts.only !== 'search' && opts.only !== 'signin') {
      log(`PostgreSQL: creating a database through ${redactUrl(opts.postgres)}…`);
      const db = await createBenchDatabase(opts.postgres);
      dropDatabase = db.drop;
      try {
        postgres = await benchPostgresHttp(dir, { url: db.url, name: db.name, shownUrl: redactUrl(opts.postgres) }, opts, log);
      } finally {
        killAllChildren();
        dropDatabase = null;
        await db.drop();
        log(`PostgreSQL: dropped ${db.name}`);
      }
    }
    const r = ratios(http?.runs ?? []);
    const results: BenchResults = {
      startedAt,
      finishedAt: new Date().toISOString(),
      machine: host,
      options: { ...opts, postgres: opts.postgres && redactUrl(opts.postgres) },
      http,
      flagging,
      postgres,
      search,
      searchPostgres,
      signin,
      ratios: r,
      targets: targets(r, flagging),
    };
    log(`\n${formatReport(results)}\n`);
    if (search) log(`${formatSearch(search)}\n`);
    if (searchPostgres) log(`${formatSearch(searchPostgres, 'PostgreSQL')}\n`);
    if (signin) log(`${formatSigninAttack(signin)}\n`);
    log(`Results: ${path.relative(process.cwd(), writeResults(results))} (and bench/results/latest.json)`);
    failed = false;
  } finally {
    killAllChildren();
    if (opts.keep || failed) log(`Kept the run folder (databases, server logs): ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  killAllChildren();
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
