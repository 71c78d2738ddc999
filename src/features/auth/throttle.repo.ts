// Sign-in counters. Each function is one conditional statement: concurrent attempts never lose a count.
import type { Db } from '../../platform/db.ts';
import type { ThrottlePolicy } from './auth.policy.ts';

export interface Counter {
  failures: number;
  lockedUntil: Date | null;
}

/** Starts the key afresh when its lock has run out, or when its window is over and it is not locked. */
export async function resetIfStale(db: Db, key: string, policy: ThrottlePolicy, now: Date): Promise<void> {
  const windowOpenedAfter = new Date(now.getTime() - policy.windowMs);
  await db.loginThrottle.updateMany({
    where: { key, OR: [{ lockedUntil: { lte: now } }, { lockedUntil: null, windowStart: { lt: windowOpenedAfter } }] },
    data: { failures: 0, windowStart: now, lockedUntil: null },
  });
}

/** Adds one attempt and returns the counter as it stands after it. */
export function countAttempt(db: Db, key: string, now: Date): Promise<Counter> {
  return db.loginThrottle.upsert({
    where: { key },
    create: { key, failures: 1, windowStart: now },
    update: { failures: { increment: 1 } },
    select: { failures: true, lockedUntil: true },
  });
}

/** Locks the key until `until` if it has reached `limit` and is not locked already. */
export async function lockAtLimit(db: Db, key: string, limit: number, until: Date, now: Date): Promise<void> {
  await db.loginThrottle.updateMany({
    where: { key, failures: { gte: limit }, OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }] },
    data: { lockedUntil: until },
  });
}

export async function clearKey(db: Db, key: string): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { key } });
}

/** Takes back one attempt that turned out to be a success. */
export async function forgiveOne(db: Db, key: string): Promise<void> {
  await db.loginThrottle.updateMany({ where: { key, failures: { gt: 0 } }, data: { failures: { decrement: 1 } } });
}

/** Deletes counters that are neither locked nor inside their window; returns how many. */
export async function pruneLoginThrottles(db: Db, windowMs: number, now: Date): Promise<number> {
  const { count } = await db.loginThrottle.deleteMany({
    where: {
      windowStart: { lt: new Date(now.getTime() - windowMs) },
      OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }],
    },
  });
  return count;
}
