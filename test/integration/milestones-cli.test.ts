// `npm run milestones:flag`: the CLI entry of the flagging job, run as real child processes
// against one database file, as several app instances would.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/platform/paths.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';
import { unresolveClaims, loadTestWorld } from '../helpers/factories.ts';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await loadTestWorld(t.db, new Date('2026-01-15T12:00:00Z'));
});
afterAll(async () => t.close());

beforeEach(async () => {
  await t.db.$transaction([t.db.webhookDelivery.deleteMany({}), t.db.webhook.deleteMany({}), ...unresolveClaims(t.db)]);
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function flagCli(...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join('scripts', 'milestones-flag.ts'), ...args], {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_URL: t.url, NODE_ENV: 'test', LOG_LEVEL: 'silent', MILESTONE_GRACE_DAYS: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function summaryOf(run: Run) {
  const last = run.stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(last) as { now: string; due: number; overdue: number; transitions: number; notified: boolean };
}

describe('milestones:flag', () => {
  it('when run with --now, then it flags as of that instant and prints a one-line JSON summary last', async () => {
    const run = await flagCli('--now', '2024-05-01T00:00:00Z');
    expect(run.code).toBe(0);
    expect(summaryOf(run)).toEqual({ now: '2024-05-01T00:00:00.000Z', due: 5, overdue: 2, transitions: 7, notified: true });
    const gemini = await t.db.milestone.findUniqueOrThrow({ where: { slug: 'google-gemini-may-2024' } });
    expect(gemini.status).toBe('due');

    const again = await flagCli('--now=2024-05-01T00:00:00Z');
    expect(summaryOf(again)).toMatchObject({ transitions: 0 });
  });

  it('when two processes flag the same database at the same moment, then each transition is recorded once', async () => {
    const runs = await Promise.all([
      flagCli('--now', '2024-07-01T08:00:00Z'),
      flagCli('--now', '2024-07-01T08:00:00Z'),
      flagCli('--now', '2024-07-01T08:00:00Z'),
    ]);
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
    const reported = runs.map(summaryOf).reduce((n, s) => n + s.transitions, 0);
    const rows = await t.db.milestoneTransition.findMany({ orderBy: { id: 'asc' } });
    expect(rows).toHaveLength(8);
    expect(reported).toBe(8);
    expect(new Set(rows.map((r) => `${r.milestoneId}:${r.toStatus}`)).size).toBe(8);
  });

  it.each([['2024-05-01'], ['yesterday'], ['2024-02-30T00:00:00Z'], ['2024-05-01T00:00:00']])(
    'when --now is %j, then it explains the expected form, exits with 2 and changes nothing',
    async (bad) => {
      const run = await flagCli('--now', bad);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('is not an ISO 8601 instant');
      expect(run.stdout).toBe('');
      expect(await t.db.milestoneTransition.count()).toBe(0);
      expect(await t.db.milestone.count({ where: { status: { not: 'upcoming' } } })).toBe(0);
    },
  );

  it('when given an unknown argument, then it shows the usage and exits with 2', async () => {
    const run = await flagCli('--later');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Usage: npm run milestones:flag');
  });

  it('when run without --now, then it flags as of the current time', async () => {
    const run = await flagCli();
    expect(run.code).toBe(0);
    const s = summaryOf(run);
    expect(new Date(s.now).toISOString()).toBe(s.now);
    expect(s.transitions).toBe(9);
  });
});

describe('milestones:flag in the future', () => {
  it('when run with --now after the real clock, then transitions are recorded but no webhook delivery is queued', async () => {
    await t.db.webhook.create({ data: { url: 'https://hooks.example.org/timeline', secret: 's'.repeat(32) } });
    await t.db.milestone.updateMany({ where: { slug: 'google-gemini-may-2024' }, data: { windowStart: new Date('2099-05-01T00:00:00Z'), windowEnd: new Date('2099-06-01T00:00:00Z'), sortStart: new Date('2099-05-01T00:00:00Z'), sortEnd: new Date('2099-06-01T00:00:00Z') } });
    const run = await flagCli('--now', '2099-05-02T00:00:00Z');
    expect(run.code).toBe(0);
    expect(summaryOf(run)).toMatchObject({ notified: false });
    expect(summaryOf(run).transitions).toBeGreaterThan(0);
    expect(await t.db.webhookDelivery.count()).toBe(0);
  });

  it('when run in the future with --notify, then the deliveries are queued as asked', async () => {
    await t.db.webhook.create({ data: { url: 'https://hooks.example.org/timeline', secret: 's'.repeat(32) } });
    const run = await flagCli('--now', '2099-05-02T00:00:00Z', '--notify');
    expect(run.code).toBe(0);
    expect(summaryOf(run)).toMatchObject({ notified: true });
    expect(await t.db.webhookDelivery.count()).toBe(summaryOf(run).transitions);
  });
});
