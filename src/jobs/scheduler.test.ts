import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import type { FetchLike } from '../features/milestones/index.ts';
import { fixedClock } from '../platform/clock.ts';
import { createLogger } from '../platform/logger.ts';
import { createTestDb, type TestDb } from '../../test/helpers/db.ts';
import { SchedulerConfigError, startScheduler } from './scheduler.ts';
import { loadTestWorld, unresolveClaims } from '../../test/helpers/factories.ts';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await loadTestWorld(t.db, new Date('2026-01-15T12:00:00Z'));
});
afterAll(async () => t.close());

beforeEach(async () => {
  await t.db.$transaction([t.db.webhook.deleteMany({}), t.db.milestoneTransition.deleteMany({}), ...unresolveClaims(t.db, ['google-gemini-may-2024'])]);
});

/** A cron that will not fire during a test: the job's only run is the one at start-up. */
const YEARLY = '0 0 1 1 *';

function deps(env: Record<string, string>, now = '2024-06-15T00:00:00Z') {
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: t.url, LOG_LEVEL: 'silent', ...env });
  return { db: t.db, config, logger: createLogger('silent'), clock: fixedClock(now) };
}

const gemini = () => t.db.milestone.findUniqueOrThrow({ where: { slug: 'google-gemini-may-2024' } });

describe('startScheduler', () => {
  it('when started, then it catches up at once: flags what came due while it was down and delivers webhooks', async () => {
    await t.db.webhook.create({ data: { url: 'http://127.0.0.1:9/hook', secret: 'x'.repeat(32) } });
    const sent: string[] = [];
    const fetchImpl: FetchLike = async (_url, init) => {
      sent.push(init.headers['Timeline-Idempotency-Key']!);
      return { status: 204 };
    };
    const scheduler = await startScheduler(deps({ MILESTONE_CRON: YEARLY }), { fetchImpl });
    try {
      expect((await gemini()).status).toBe('overdue');
      expect(await t.db.milestoneTransition.count()).toBe(2);
      expect(sent).toHaveLength(2);
      expect(await t.db.webhookDelivery.count({ where: { status: 'delivered' } })).toBe(2);
      await scheduler.runOnce();
      expect(await t.db.milestoneTransition.count()).toBe(2);
      expect(sent).toHaveLength(2);
    } finally {
      await scheduler.stop();
    }
  });

  it('when started, then expired admin sessions are pruned and live ones kept', async () => {
    const at = (iso: string) => new Date(iso);
    await t.db.session.createMany({
      data: [
        { id: 'expired-session', data: '{}', expiresAt: at('2024-06-14T00:00:00Z'), absoluteExpiresAt: at('2024-06-14T06:00:00Z') },
        { id: 'live-session', data: '{}', expiresAt: at('2024-06-15T00:20:00Z'), absoluteExpiresAt: at('2024-06-15T10:00:00Z') },
      ],
    });
    const scheduler = await startScheduler(deps({ MILESTONE_CRON: YEARLY }));
    await scheduler.stop();
    const left = await t.db.session.findMany({ select: { id: true }, orderBy: { id: 'asc' } });
    expect(left.map((r) => r.id)).toEqual(['live-session']);
  });

  it('when MILESTONE_GRACE_DAYS is set, then the job gives claims that many days before they are overdue', async () => {
    const scheduler = await startScheduler(deps({ MILESTONE_CRON: YEARLY, MILESTONE_GRACE_DAYS: '30' }));
    await scheduler.stop();
    expect((await gemini()).status).toBe('due');
  });

  it('when MILESTONE_CRON is off, then the job does not run in this process', async () => {
    const scheduler = await startScheduler(deps({ MILESTONE_CRON: 'off' }));
    await scheduler.runOnce();
    await scheduler.stop();
    expect((await gemini()).status).toBe('upcoming');
    expect(await t.db.milestoneTransition.count()).toBe(0);
  });

  it.each(['every minute', '61 * * * *', '* * * *'])('when MILESTONE_CRON is %j, then start-up stops with a message naming the key, and nothing runs', async (expr) => {
    const started = startScheduler(deps({ MILESTONE_CRON: expr }));
    await expect(started).rejects.toBeInstanceOf(SchedulerConfigError);
    await expect(started).rejects.toThrow(/MILESTONE_CRON/);
    expect(await t.db.milestoneTransition.count()).toBe(0);
  });
});
