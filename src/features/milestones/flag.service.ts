import type { Db } from '../../platform/db.ts';
import { bumpContentVersion } from '../../platform/content-version.ts';
import { flagTransitions } from './flag.repo.ts';
import { DAY_MS } from './rules.ts';

export interface FlagOptions {
  /** MILESTONE_GRACE_DAYS: days after a window closes before the claim is overdue. */
  graceDays?: number;
  /** Queue webhook deliveries for the new transitions (default true; a time-travel run passes false). */
  notify?: boolean;
}

export interface FlagSummary {
  now: string;
  due: number;
  overdue: number;
  transitions: number;
  /** Whether webhook deliveries were queued for them. */
  notified: boolean;
}

/**
 * Moves every claim along upcoming -> due -> overdue as of `now`, recording each transition once
 * (a unique constraint makes a second run, or another process, a no-op). The scheduler, the CLI
 * and the benchmark all call this.
 */
export async function flagMilestones(db: Db, now: Date, opts: FlagOptions = {}): Promise<FlagSummary> {
  const graceDays = opts.graceDays ?? 0;
  const cutoff = new Date(now.getTime() - graceDays * DAY_MS);
  const notify = opts.notify ?? true;
  const { due, overdue } = await flagTransitions(db, now, cutoff, graceDays, notify);
  const transitions = due + overdue;
  if (transitions > 0) await bumpContentVersion(db);
  return { now: now.toISOString(), due, overdue, transitions, notified: notify };
}
