// Pure rules of the milestone lifecycle: status at a moment, scoring a resolution, retry delays.
// No database, no clock: every function takes what it needs.

export const DAY_MS = 86_400_000;

import { SCORING_RULES, SHAPES, type MilestoneStatus, type Shape } from '../../domain/vocabulary.ts';

export { OUTCOMES, type Outcome, type MilestoneStatus } from '../../domain/vocabulary.ts';

export interface Window {
  start: Date;
  end: Date;
}

export interface StatusInput {
  outcome?: string | null;
  windowStart: Date | null;
  windowEnd: Date | null;
  /** For relative claims: the start of the event they must follow, once that event is recorded. */
  afterEventStart?: Date | null;
}

/** The moment a dated claim becomes overdue: the end of its window plus the grace days. */
export function overdueAt(windowEnd: Date, graceDays: number): Date {
  return new Date(windowEnd.getTime() + graceDays * DAY_MS);
}

/**
 * Where a claim stands at `now`: upcoming until its window opens (or, for a relative claim, until
 * the event it waits for has happened), due while the window is open, overdue from the window's
 * end plus the grace days. Claims without a window or an awaited event never come due.
 */
export function statusAt(m: StatusInput, now: Date, graceDays = 0): MilestoneStatus {
  if (m.outcome) return 'resolved';
  if (m.windowStart && m.windowEnd) {
    if (now < m.windowStart) return 'upcoming';
    return now < overdueAt(m.windowEnd, graceDays) ? 'due' : 'overdue';
  }
  if (m.windowStart && !m.windowEnd) return now < m.windowStart ? 'upcoming' : 'due';
  if (m.afterEventStart && m.afterEventStart <= now) return 'due';
  return 'upcoming';
}

function wholeDays(from: Date, to: Date): number {
  return Math.max(0, Math.round((to.getTime() - from.getTime()) / DAY_MS));
}

/** -n, without producing -0. */
function negate(n: number): number {
  return n === 0 ? 0 : -n;
}

export interface Score {
  outcome: 'met' | 'early' | 'late';
  gapDays: number;
}

/**
 * Scores a claim that happened against its window. Met when the settling event starts inside the
 * window. Early: days from the event's start to the window's start (negative). Late: days from the
 * window's end to the event's end (positive), the mirror image, so a day-precision event on the
 * day after the window is one day late just as one on the day before is one day early.
 */
export function scoreResolution(window: Window, event: Window): Score {
  if (event.start < window.start) return { outcome: 'early', gapDays: negate(wholeDays(event.start, window.start)) };
  if (event.start >= window.end) return { outcome: 'late', gapDays: wholeDays(window.end, event.end) };
  return { outcome: 'met', gapDays: 0 };
}

/** A relative claim ("after Gemini") is met when the settling event starts no earlier than the awaited one. */
export function scoreRelative(afterStart: Date, event: Window): Score {
  if (event.start >= afterStart) return { outcome: 'met', gapDays: 0 };
  return { outcome: 'early', gapDays: negate(wholeDays(event.start, afterStart)) };
}

export { SHAPES, SCORING_RULES, type Shape };

/** A claim's expected time; either end open (null) for an earliest date, a deadline with no day said, an offset. */
export interface OpenWindow {
  start: Date | null;
  end: Date | null;
}

/**
 * Scores a claim that happened, by the shape of its expected date (docs/decisions/0018).
 * - window, interval: met inside [start, end); early before start; late from end (as scoreResolution).
 * - deadline: met before the end, whenever it happens after the claim was made; late from the end.
 *   An event before the day said is early (the claim foretold what had already happened).
 * - earliest: met on or after the start; early before it; never late.
 * - offset: once the anchor is known, its window counts as a window (or as an earliest date when
 *   open-ended); while the anchor is unknown there is nothing to score against: null.
 */
export function scoreClaim(shape: Shape | string, window: OpenWindow, event: Window): Score | null {
  const start = window.start;
  const end = shape === 'earliest' ? null : window.end;
  if (start && event.start < start) return { outcome: 'early', gapDays: negate(wholeDays(event.start, start)) };
  if (end && event.start >= end) return { outcome: 'late', gapDays: wholeDays(end, event.end) };
  if (!start && !end) return null;
  return { outcome: 'met', gapDays: 0 };
}

/** One sentence per shape, shown on the claim page beside its verdict. */

export const MAX_DELIVERY_ATTEMPTS = 10;
const MAX_RETRY_MS = 6 * 60 * 60 * 1000;

/** Wait before the next delivery attempt, after `attempts` failed ones: 1, 2, 4 … minutes, at most 6 hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(2 ** Math.max(0, attempts - 1) * 60_000, MAX_RETRY_MS);
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}

/** "early by 147 days", "late by 1 day", "on time" */
export function gapText(gapDays: number | null): string | null {
  if (gapDays === null) return null;
  if (gapDays === 0) return 'on time';
  const n = Math.abs(gapDays);
  return `${gapDays < 0 ? 'early' : 'late'} by ${n} day${n === 1 ? '' : 's'}`;
}

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A strict ISO 8601 instant (date, time and zone: 2024-05-01T00:00:00Z), or null. */
export function parseInstant(text: string): Date | null {
  const m = INSTANT.exec(text.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [number, number, number, number, number, number];
  const local = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  const sameFields =
    local.getUTCFullYear() === y &&
    local.getUTCMonth() === mo - 1 &&
    local.getUTCDate() === d &&
    local.getUTCHours() === h &&
    local.getUTCMinutes() === mi &&
    local.getUTCSeconds() === s;
  const zone = m[8]!;
  if (!sameFields || (zone !== 'Z' && (Number(zone.slice(1, 3)) > 23 || Number(zone.slice(4)) > 59))) return null;
  const date = new Date(text.trim());
  return Number.isNaN(date.getTime()) ? null : date;
}

export interface UpcomingItem {
  expected: { start: string } | null;
}

/**
 * Splits upcoming claims into those whose window opens within `days` of `now` and the rest
 * (later, relative or undated), keeping their order.
 */
export function splitUpcoming<T extends UpcomingItem>(items: readonly T[], now: Date, days = 90): { soon: T[]; later: T[] } {
  const horizon = now.getTime() + days * DAY_MS;
  const soon: T[] = [];
  const later: T[] = [];
  for (const item of items) {
    if (item.expected && new Date(item.expected.start).getTime() < horizon) soon.push(item);
    else later.push(item);
  }
  return { soon, later };
}
