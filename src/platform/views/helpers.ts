// Handlebars helpers: pure functions, unit-tested in helpers.test.ts. None of them returns
// a SafeString built from user text, so everything they produce is escaped by {{ }}.
import { grouped } from '../text/grouped.ts';

type HelperOptions = { hash?: Record<string, unknown> };

function isOptions(v: unknown): v is HelperOptions {
  return typeof v === 'object' && v !== null && 'hash' in v;
}

/** {{#if (eq a b)}} */
export function eq(a: unknown, b: unknown): boolean {
  return a === b;
}

/** {{#if (or a b)}} */
export function or(...args: unknown[]): boolean {
  return args.filter((a) => !isOptions(a)).some(Boolean);
}

/** {{#if (and a b)}} */
export function and(...args: unknown[]): boolean {
  const values = args.filter((a) => !isOptions(a));
  return values.length > 0 && values.every(Boolean);
}

/** {{plural n "entry" "entries"}} -> "1 entry", "3 entries" */
export function plural(n: unknown, one: unknown, many: unknown): string {
  const count = Number(n);
  // Grouped as readers read large counts: "21,224 entries".
  return `${grouped(count)} ${count === 1 ? String(one) : String(many)}`;
}

/**
 * {{timeAttr start precision}}: the `datetime` of a <time> element at the date's precision:
 * "2023-07-18" for a day, "2023-07" for a month or part of one, "2024" otherwise.
 */
export function timeAttr(iso: unknown, precision: unknown): string {
  const d = new Date(String(iso));
  if (Number.isNaN(d.getTime())) return '';
  const s = d.toISOString();
  if (precision === 'day') return s.slice(0, 10);
  if (precision === 'month' || precision === 'month-part') return s.slice(0, 7);
  return s.slice(0, 4);
}

/** {{isoDay iso}} -> "2023-07-18", for <time datetime>. */
export function isoDay(iso: unknown): string {
  const d = new Date(String(iso));
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10);
}

const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** {{dayText iso}} -> "31 July 2024": the one way a single day is written on the site. */
export function dayText(iso: unknown): string {
  const d = new Date(String(iso));
  return Number.isNaN(d.getTime()) ? '' : dayFormat.format(d);
}

/** {{lastDay iso}}: the ISO day before an exclusive end ("2024-06-01" -> "2024-05-31"). */
export function lastDay(iso: unknown): string {
  const d = new Date(String(iso));
  return Number.isNaN(d.getTime()) ? '' : new Date(d.getTime() - 86_400_000).toISOString().slice(0, 10);
}

/**
 * {{withQuery query key="value"}}: the current query string with some keys replaced (or removed
 * when the value is empty), for filter links that keep the other filters. Always drops the cursor.
 */
export function withQuery(query: unknown, options: unknown): string {
  const base = query && typeof query === 'object' ? (query as Record<string, unknown>) : {};
  const hash = isOptions(options) ? (options.hash ?? {}) : {};
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...base, ...hash })) {
    if (k === 'cursor' || v === undefined || v === null || v === '') continue;
    if (typeof v === 'string' || typeof v === 'number') params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : '?';
}

/** {{concat "organization=" slug}} -> "organization=meta" */
export function concat(...args: unknown[]): string {
  return args.filter((a) => !isOptions(a)).map(String).join('');
}

/** {{minus a b}} -> a - b */
export function minus(a: unknown, b: unknown): number {
  return Number(a) - Number(b);
}

/** {{selected a b}} -> "selected" when equal, for <option>. */
export function selected(a: unknown, b: unknown): string {
  return a !== undefined && a !== null && String(a) === String(b) ? 'selected' : '';
}

export const helpers = { eq, or, and, plural, timeAttr, isoDay, dayText, lastDay, minus, concat, withQuery, selected };
