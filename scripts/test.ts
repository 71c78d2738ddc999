// `npm test`: unit and integration tests on SQLite, then the browser tests in Chromium.
// Browser tests need Debian's Chromium (apt-get install chromium) or CHROMIUM_PATH; without it
// they are reported as not run, and fail the run when REQUIRE_BROWSER_TESTS=1 (as in CI).
import { spawnSync } from 'node:child_process';
import { findChromium } from '../test/helpers/chromium.ts';

function run(args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const r = spawnSync(process.execPath, [new URL('../node_modules/vitest/vitest.mjs', import.meta.url).pathname, ...args], {
    stdio: 'inherit',
    env,
  });
  return r.status ?? 1;
}

let failed = run(['run']) !== 0;

const chromium = findChromium();
if (chromium) {
  failed = run(['run', '--config', 'vitest.e2e.config.ts'], { ...process.env, CHROMIUM_PATH: chromium }) !== 0 || failed;
} else if (process.env.REQUIRE_BROWSER_TESTS === '1') {
  console.error('\nBrowser tests required (REQUIRE_BROWSER_TESTS=1) but no Chromium was found: apt-get install chromium');
  failed = true;
} else {
  console.log('\nBrowser tests NOT run: no Chromium found. Install it with `apt-get install chromium` (or set CHROMIUM_PATH).');
}
process.exit(failed ? 1 : 0);
