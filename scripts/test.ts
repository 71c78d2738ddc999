// `npm test`: unit and integration tests on SQLite; the integration suite again on PostgreSQL
// and the multi-process tests when TEST_POSTGRES_URL is set; then the browser tests in Chromium.
// Browser tests need Debian's Chromium (apt-get install chromium) or CHROMIUM_PATH; without it
// they are reported as not run, and fail the run when REQUIRE_BROWSER_TESTS=1 (as in CI).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findChromium } from '../test/helpers/chromium.ts';

const reports = fs.mkdtempSync(path.join(os.tmpdir(), 'timeline-test-report-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
let suites = 0;

/** Runs one vitest suite; its JSON report adds to the totals printed at the end. */
function run(title: string, args: string[], env: NodeJS.ProcessEnv = process.env): boolean {
  console.log(`\n== ${title}`);
  const report = path.join(reports, `suite-${++suites}.json`);
  const r = spawnSync(
    process.execPath,
    [
      new URL('../node_modules/vitest/vitest.mjs', import.meta.url).pathname,
      ...args,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report}`,
    ],
    { stdio: 'inherit', env },
  );
  try {
    const json = JSON.parse(fs.readFileSync(report, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number };
    totals.passed += json.numPassedTests;
    totals.failed += json.numFailedTests;
    totals.skipped += json.numPendingTests;
  } catch {
    totals.failed += 1; // the suite did not even report: count it as a failure
  }
  return r.status === 0;
}

const sqliteEnv = { ...process.env, TIMELINE_TEST_ENGINE: 'sqlite' };
let failed = !run('Unit and integration tests on SQLite', ['run'], sqliteEnv);

const postgresUrl = process.env.TEST_POSTGRES_URL;
if (postgresUrl) {
  const env = { ...process.env, TIMELINE_TEST_ENGINE: 'postgres' };
  failed = !run('Integration tests on PostgreSQL', ['run', 'test/integration'], env) || failed;
  failed = !run('Multi-process tests on PostgreSQL', ['run', '--config', 'vitest.multi.config.ts'], env) || failed;
} else {
  console.log('\nPostgreSQL tests NOT run: set TEST_POSTGRES_URL=postgresql://user@127.0.0.1:5432/postgres to run them.');
}

const chromium = findChromium();
if (chromium) {
  failed = !run('Browser tests', ['run', '--config', 'vitest.e2e.config.ts'], { ...sqliteEnv, CHROMIUM_PATH: chromium }) || failed;
} else if (process.env.REQUIRE_BROWSER_TESTS === '1') {
  console.error('\nBrowser tests required (REQUIRE_BROWSER_TESTS=1) but no Chromium was found: apt-get install chromium');
  failed = true;
} else {
  console.log('\nBrowser tests NOT run: no Chromium found. Install it with `apt-get install chromium` (or set CHROMIUM_PATH).');
}
fs.rmSync(reports, { recursive: true, force: true });
console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(failed ? 1 : 0);
