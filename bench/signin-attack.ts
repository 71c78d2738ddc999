// `npx tsx bench/signin-attack.ts [--rate 76] [--duration 6]` (issue 12, defect 5): readers of the
// home page (autocannon, its own process, 10 connections) alone, then while this process posts
// wrong passwords to /admin/login at --rate a second (answered 422, then 429 once throttled).
// Prints both runs' req/s and p99 and the ratio; goal: p99 under attack within 2x of the baseline.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { load } from './cannon.ts';
import { copyDb, insertEvents, migratedTemplate } from './build-db.ts';
import { killAllChildren, startServer } from './children.ts';
import { generateEvents } from './data.ts';

/** Posts wrong passwords at `rate` a second (one sign-in form, its cookie and token) until stopped. */
async function attack(base: string, rate: number) {
  const page = await fetch(`${base}/admin/login`);
  const cookie = (page.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
  const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
  const statuses: Record<string, number> = {};
  let pending = 0;
  const timer = setInterval(() => {
    pending++;
    fetch(`${base}/admin/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      body: new URLSearchParams({ _csrf: token, email: 'nobody@example.org', password: 'wrong-password-123' }).toString(),
      redirect: 'manual',
    })
      .then(async (r) => {
        await r.arrayBuffer();
        statuses[r.status] = (statuses[r.status] ?? 0) + 1;
      })
      .catch(() => (statuses.error = (statuses.error ?? 0) + 1))
      .finally(() => pending--);
  }, 1000 / rate);
  return {
    async stop() {
      clearInterval(timer);
      while (pending > 0) await new Promise((r) => setTimeout(r, 20));
      return statuses;
    },
  };
}

export interface SigninAttackResult {
  readers: string;
  baseline: { rps: number; p99: number };
  underAttack: { rps: number; p99: number; attackRate: number; attackStatuses: Record<string, number> };
  p99Ratio: number;
  goalP99Within2x: boolean;
}

/** Readers' throughput and p99 alone, then during the attack, on a server of its own. */
export async function benchSigninAttack(opts: { rate: number; duration: number; events: number }): Promise<SigninAttackResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'timeline-attack-bench-'));
  try {
    const file = copyDb(await migratedTemplate(dir), path.join(dir, 'attack.db'));
    insertEvents(file, generateEvents(opts.events, 42), new Date('2026-01-01T00:00:00Z'));
    const env = { NODE_ENV: 'production', DATABASE_URL: `file:${file}`, LOG_LEVEL: 'warn', SEED_ON_EMPTY: 'false', MIGRATE_ON_START: 'false', MILESTONE_CRON: 'off' };
    const s = await startServer({ name: 'attack-app', entry: 'src/main.ts', env, readyPath: '/healthz', logDir: dir });
    try {
      await load(`${s.base}/`, { connections: 10, duration: 2 }); // warm-up
      const baseline = await load(`${s.base}/`, { connections: 10, duration: opts.duration });
      const attacker = await attack(s.base, opts.rate);
      const underAttack = await load(`${s.base}/`, { connections: 10, duration: opts.duration });
      const attackStatuses = await attacker.stop();
      const ratio = +(underAttack.p99 / Math.max(1, baseline.p99)).toFixed(2);
      return {
        readers: 'GET / (render cache on), 10 connections',
        baseline: { rps: Math.round(baseline.rps), p99: baseline.p99 },
        underAttack: { rps: Math.round(underAttack.rps), p99: underAttack.p99, attackRate: opts.rate, attackStatuses },
        p99Ratio: ratio,
        goalP99Within2x: ratio <= 2,
      };
    } finally {
      await s.stop();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function formatSigninAttack(r: SigninAttackResult): string {
  return [
    `Sign-in attack (${r.underAttack.attackRate} wrong passwords a second; readers: ${r.readers})`,
    `  alone:        ${r.baseline.rps.toLocaleString('en')} req/s, p99 ${r.baseline.p99} ms`,
    `  under attack: ${r.underAttack.rps.toLocaleString('en')} req/s, p99 ${r.underAttack.p99} ms (attack answers: ${JSON.stringify(r.underAttack.attackStatuses)})`,
    `  p99 ratio ${r.p99Ratio} (goal ≤ 2): ${r.goalP99Within2x ? 'PASS' : 'MISS'}`,
  ].join('\n');
}

// Run on its own: `npx tsx bench/signin-attack.ts [--rate 76] [--duration 6] [--events 5000]`.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { rate: { type: 'string', default: '76' }, duration: { type: 'string', default: '6' }, events: { type: 'string', default: '5000' } } });
  try {
    console.log(JSON.stringify(await benchSigninAttack({ rate: Number(values.rate), duration: Number(values.duration), events: Number(values.events) })));
  } finally {
    killAllChildren();
  }
}
