// The milestone job: the only importer of node-cron. Each tick flags the claims that came due,
// delivers pending webhooks and prunes expired admin sessions and sign-in counters. It runs once at start-up (a
// server that was down catches up), then on MILESTONE_CRON (UTC), never overlapping itself.
import { schedule, validate, type ScheduledTask } from 'node-cron';
import type { FeatureDeps } from '../features/deps.ts';
import { pruneExpiredSessions, pruneLoginThrottles } from '../features/auth/index.ts';
import { deliverPendingWebhooks, flagMilestones, type FetchLike } from '../features/milestones/index.ts';

export interface Scheduler {
  stop(): Promise<void>;
  /** Runs one tick now (the same work as a scheduled one); resolves when it is done. */
  runOnce(): Promise<void>;
}

export class SchedulerConfigError extends Error {
  override name = 'SchedulerConfigError';
}

export interface SchedulerOptions {
  fetchImpl?: FetchLike;
}

/** The cron expression of MILESTONE_CRON, or null when it is "off"; throws when it is not a cron expression. */
export function checkSchedule(config: Pick<FeatureDeps['config'], 'milestoneCron'>): string | null {
  const expr = config.milestoneCron.trim();
  if (expr === 'off') return null;
  if (!validate(expr)) {
    throw new SchedulerConfigError(
      `Invalid configuration: MILESTONE_CRON "${expr}" is not a cron expression (five or six fields, e.g. "* * * * *" for every minute), or "off" to disable the milestone job.`,
    );
  }
  return expr;
}

export async function startScheduler(deps: FeatureDeps, opts: SchedulerOptions = {}): Promise<Scheduler> {
  const { db, config, logger, clock } = deps;
  const expr = checkSchedule(config);
  if (expr === null) {
    logger.info('MILESTONE_CRON=off: the milestone job does not run in this process');
    return { stop: async () => {}, runOnce: async () => {} };
  }

  let running: Promise<void> | null = null;
  async function work() {
    const now = clock();
    try {
      const summary = await flagMilestones(db, now, { graceDays: config.milestoneGraceDays });
      if (summary.transitions > 0) logger.info({ summary }, 'milestones flagged');
      const sent = await deliverPendingWebhooks({ db, config, logger }, now, opts.fetchImpl);
      if (sent.length > 0) logger.info({ deliveries: sent.length }, 'webhook deliveries attempted');
      await pruneExpiredSessions(db, now);
      await pruneLoginThrottles(db, now);
    } catch (err) {
      logger.error({ err }, 'milestone job failed; the next tick tries again');
    }
  }
  /** One tick at a time, whether started by cron or at start-up. */
  function tick(): Promise<void> {
    running ??= work().finally(() => {
      running = null;
    });
    return running;
  }

  await tick();
  const task: ScheduledTask = schedule(expr, () => tick(), {
    timezone: 'UTC',
    noOverlap: true,
    name: 'milestones',
    logger: {
      info: (m) => logger.debug(m),
      debug: (m) => logger.debug(String(m)),
      warn: (m) => logger.warn(m),
      error: (m, err) => logger.error({ err: err ?? m }, String(m)),
    },
  });
  logger.info({ cron: expr }, 'milestone job scheduled');

  return {
    async stop() {
      await task.destroy();
      await running;
    },
    runOnce: tick,
  };
}
