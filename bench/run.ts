// `npm run bench [-- options]`: see bench/args.ts for the options and bench/README.md for what is measured.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseBenchArgs } from './args.ts';
import { migratedTemplate } from './build-db.ts';
import { killAllChildren } from './children.ts';
import { benchFlagging } from './flagging.ts';
import { benchHttp } from './http.ts';
import { formatReport, machine, ratios, targets, writeResults, type BenchResults } from './report.ts';

const FLAG_NOW = new Date('2026-06-15T12:00:00Z');

async function main(): Promise<void> {
  const opts = parseBenchArgs(process.argv.slice(2));
  if (opts.postgres) {
    throw new Error('--postgres: not available yet. The database builder writes SQLite files with better-sqlite3; a PostgreSQL run needs a builder using COPY and an app that accepts postgres:// URLs.');
  }
  const startedAt = new Date().toISOString();
  const host = machine();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'timeline-bench-'));
  const log = (s: string) => console.log(s);
  const stop = (signal: NodeJS.Signals) => {
    killAllChildren();
    console.error(`\n${signal}: stopped; the servers under test were ended.`);
    process.exit(130);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  let failed = true;
  try {
    log(`Run folder: ${dir}`);
    const template = await migratedTemplate(dir);
    const http = opts.only === 'flag' ? null : await benchHttp(dir, template, opts, log);
    let flagging = null;
    if (opts.only !== 'http') {
      log(`Flagging ${opts.milestones.toLocaleString('en')} milestones…`);
      flagging = await benchFlagging(dir, template, { due: opts.milestones, later: Math.ceil(opts.milestones / 100), now: FLAG_NOW });
    }
    const r = ratios(http?.runs ?? []);
    const results: BenchResults = {
      startedAt,
      finishedAt: new Date().toISOString(),
      machine: host,
      options: opts,
      http,
      flagging,
      ratios: r,
      targets: targets(r, flagging),
    };
    log(`\n${formatReport(results)}\n`);
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
