// Sign-in throttling. Every attempt is counted before the password is checked, so however many
// arrive at once, no more than the limit are ever checked; a success takes its count back.
import { createHash } from 'node:crypto';
import type { Db } from '../../platform/db.ts';
import { THROTTLE, type ThrottlePolicy } from './auth.policy.ts';
import * as repo from './throttle.repo.ts';

export interface ThrottleKeys {
  account: string;
  ip: string;
}

/** The account half is a hash: mistyped addresses are not kept in clear. */
export function throttleKeys(email: string, ip: string): ThrottleKeys {
  const digest = createHash('sha256').update(`${email}\n${ip}`).digest('hex').slice(0, 40);
  return { account: `account:${digest}`, ip: `ip:${ip}` };
}

const checks = (keys: ThrottleKeys): [string, ThrottlePolicy][] => [
  [keys.account, THROTTLE.account],
  [keys.ip, THROTTLE.ip],
];

export type Admission = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Locks this process has seen, per database: while a key is locked, a refused attempt is answered
 * from memory, with no statement at all. A lock only ever ends by running out, so a copy can be
 * stale only by refusing less than the database would (another instance's lock is learnt on the
 * next attempt there). Bounded: the oldest entries go first.
 */
const knownLocks = new WeakMap<Db, Map<string, number>>();
const MAX_KNOWN_LOCKS = 10_000;

function locksOf(db: Db): Map<string, number> {
  let m = knownLocks.get(db);
  if (!m) knownLocks.set(db, (m = new Map()));
  return m;
}

function rememberLock(db: Db, key: string, until: number): void {
  const m = locksOf(db);
  m.delete(key);
  if (m.size >= MAX_KNOWN_LOCKS) m.delete(m.keys().next().value!);
  m.set(key, until);
}

function remainingLockMs(db: Db, keys: ThrottleKeys, now: Date): number {
  const m = locksOf(db);
  let wait = 0;
  for (const key of [keys.account, keys.ip]) {
    const until = m.get(key);
    if (until === undefined) continue;
    if (until > now.getTime()) wait = Math.max(wait, until - now.getTime());
    else m.delete(key);
  }
  return wait;
}

const refusal = (waitMs: number): Admission => ({ allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) });

/** Counts one attempt on each key; refuses it when a key is locked or over its limit. */
export async function admitAttempt(db: Db, keys: ThrottleKeys, now: Date): Promise<Admission> {
  const known = remainingLockMs(db, keys, now);
  if (known > 0) return refusal(known);
  let waitMs = 0;
  for (const [key, policy] of checks(keys)) {
    await repo.resetIfStale(db, key, policy, now);
    const counter = await repo.countAttempt(db, key, now);
    if (counter.lockedUntil && counter.lockedUntil > now) {
      waitMs = Math.max(waitMs, counter.lockedUntil.getTime() - now.getTime());
      rememberLock(db, key, counter.lockedUntil.getTime());
    } else if (counter.failures > policy.limit) {
      const until = new Date(now.getTime() + policy.lockMs);
      await repo.lockAtLimit(db, key, policy.limit, until, now);
      rememberLock(db, key, until.getTime());
      waitMs = Math.max(waitMs, policy.lockMs);
    }
  }
  return waitMs > 0 ? refusal(waitMs) : { allowed: true };
}

/** After a wrong password: a key that has used up its attempts is locked. */
export async function recordFailure(db: Db, keys: ThrottleKeys, now: Date): Promise<void> {
  for (const [key, policy] of checks(keys)) {
    await repo.lockAtLimit(db, key, policy.limit, new Date(now.getTime() + policy.lockMs), now);
  }
}

/** After a right password: the account's run of failures ends, and the address gets its attempt back. */
export async function recordSuccess(db: Db, keys: ThrottleKeys): Promise<void> {
  await repo.clearKey(db, keys.account);
  await repo.forgiveOne(db, keys.ip);
}

export function pruneLoginThrottles(db: Db, now: Date): Promise<number> {
  return repo.pruneLoginThrottles(db, Math.max(THROTTLE.account.windowMs, THROTTLE.ip.windowMs), now);
}
