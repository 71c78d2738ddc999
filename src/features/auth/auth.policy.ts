// The numbers behind accounts, sessions and sign-in throttling, in one place.
const MINUTE = 60_000;

export const ROLES = ['admin', 'editor'] as const;
export type Role = (typeof ROLES)[number];

export const SESSION_COOKIE = 'timeline.sid';
/** The sign-in form's CSRF token, before there is a session (a signed double-submit cookie). */
export const LOGIN_CSRF_COOKIE = 'timeline.login-csrf';
/** Live sessions one account may hold; signing in once more ends the oldest. */
export const MAX_SESSIONS_PER_USER = 10;
/** Sliding: each request pushes the end of an idle session this far ahead. */
export const SESSION_IDLE_MS = 30 * MINUTE;
/** Fixed at sign-in: no session outlives this, however busy. */
export const SESSION_ABSOLUTE_MS = 12 * 60 * MINUTE;

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 1024;

export interface ThrottlePolicy {
  /** Attempts allowed within the window; the next one is refused and locks the key. */
  limit: number;
  windowMs: number;
  lockMs: number;
}

export const THROTTLE: Readonly<Record<'account' | 'ip', ThrottlePolicy>> = {
  /** Consecutive failures for one account from one address. */
  account: { limit: 5, windowMs: 60 * MINUTE, lockMs: 15 * MINUTE },
  /** All failures from one address, whatever the account. */
  ip: { limit: 50, windowMs: 60 * MINUTE, lockMs: 60 * MINUTE },
};
