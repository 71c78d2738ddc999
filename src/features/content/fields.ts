// Zod building blocks for content forms, the import and any JSON client. Form bodies arrive as
// strings (a repeated field as an array), so every single-value field refuses arrays and objects.
import { z } from 'zod';
import { tryParseFuzzyDate, type FuzzyDate } from '../dates/index.ts';

// C0 controls other than tab, newline and carriage return, and DEL.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MAX = 80;

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A value given at most once, as text; absent means ''. */
function once(label: string) {
  return z.preprocess(
    (v) => (v === undefined || v === null ? '' : v),
    z.unknown().transform((v, ctx): string => {
      if (typeof v === 'string') return v;
      ctx.addIssue({ code: 'custom', message: `Give the ${label} once, as text.` });
      return z.NEVER;
    }),
  );
}

export interface TextOptions {
  required?: boolean;
  multiline?: boolean;
}

/** Trimmed text with a length limit; control characters refused, HTML kept as text (templates escape it). */
export function text(label: string, max: number, opts: TextOptions = {}) {
  return once(label).transform((raw, ctx): string => {
    const v = raw.trim();
    if (opts.required && v === '') ctx.addIssue({ code: 'custom', message: `Enter the ${label}.` });
    else if (v.length > max) ctx.addIssue({ code: 'custom', message: `${cap(label)} is too long: at most ${max} characters.` });
    else if (CONTROL.test(v) || (!opts.multiline && /[\r\n]/.test(v))) {
      ctx.addIssue({ code: 'custom', message: `${cap(label)} contains control characters or line breaks.` });
    }
    return v;
  });
}

/** Optional text: '' becomes null. */
export function optionalText(label: string, max: number, opts: TextOptions = {}) {
  return text(label, max, opts).transform((v) => (v === '' ? null : v));
}

export function slugField() {
  return text('slug', SLUG_MAX).transform((v, ctx): string | undefined => {
    if (v === '') return undefined;
    if (!SLUG.test(v)) {
      ctx.addIssue({ code: 'custom', message: 'A slug uses lower-case letters, digits and single hyphens, e.g. "llama-2".' });
    }
    return v;
  });
}

export function httpUrl(label: string) {
  return text(label, 2000).transform((v, ctx): string | null => {
    if (v === '') return null;
    let url: URL;
    try {
      url = new URL(v);
    } catch {
      ctx.addIssue({ code: 'custom', message: `Enter a full web address starting with http:// or https://.` });
      return z.NEVER;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      ctx.addIssue({ code: 'custom', message: 'Only http:// and https:// addresses are accepted.' });
    }
    return v;
  });
}

export function choice<const T extends readonly [string, ...string[]]>(label: string, values: T, fallback?: T[number]) {
  return once(label).transform((v, ctx): T[number] => {
    const value = v.trim() === '' && fallback !== undefined ? fallback : v.trim();
    if ((values as readonly string[]).includes(value)) return value;
    ctx.addIssue({ code: 'custom', message: `Choose a ${label}: one of ${values.join(', ')}.` });
    return z.NEVER;
  });
}

/** 'YYYY-MM-DD' as UTC midnight; '' is null unless required. */
export function day(label: string, opts: { required?: boolean } = {}) {
  return text(label, 10).transform((v, ctx): Date | null => {
    if (v === '') {
      if (opts.required) ctx.addIssue({ code: 'custom', message: `Enter the ${label} as YYYY-MM-DD.` });
      return null;
    }
    const d = /^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(`${v}T00:00:00.000Z`) : null;
    if (!d || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v) {
      ctx.addIssue({ code: 'custom', message: `"${v}" is not a date: use YYYY-MM-DD, e.g. 2023-09-10.` });
      return z.NEVER;
    }
    return d;
  });
}

export function fuzzyDate(label: string, opts: { required?: boolean } = { required: true }) {
  return text(label, 100).transform((v, ctx): FuzzyDate | null => {
    if (v === '' && !opts.required) return null;
    const r = tryParseFuzzyDate(v);
    if (r.ok) return r.value;
    ctx.addIssue({ code: 'custom', message: r.error });
    return z.NEVER;
  });
}

/** A positive database id given as text ('' is null). */
export function idRef(label: string) {
  return text(label, 12).transform((v, ctx): number | null => {
    if (v === '') return null;
    if (/^[1-9]\d{0,9}$/.test(v)) return Number(v);
    ctx.addIssue({ code: 'custom', message: `Choose a ${label} from the list.` });
    return z.NEVER;
  });
}

export function checkbox(label: string) {
  return z.preprocess(
    (v) => (v === undefined || v === null ? false : v),
    z.unknown().transform((v, ctx): boolean => {
      if (v === '' || v === false || v === 'false' || v === '0') return false;
      if (v === true || v === 'on' || v === 'true' || v === '1') return true;
      ctx.addIssue({ code: 'custom', message: `${cap(label)} is either ticked or not.` });
      return z.NEVER;
    }),
  );
}

/** A field that may be repeated (`a=1&a=2`): always an array of strings, kept in order, empties included. */
export function repeated(label: string, maxItems = 50, maxLength = 5000) {
  return z.preprocess(
    (v) => (v === undefined || v === null ? [] : v),
    z.unknown().transform((v, ctx): string[] => {
      const items = Array.isArray(v) ? v : [v];
      if (!items.every((x) => typeof x === 'string')) {
        ctx.addIssue({ code: 'custom', message: `Give each ${label} as text.` });
        return z.NEVER;
      }
      if (items.length > maxItems) ctx.addIssue({ code: 'custom', message: `At most ${maxItems} ${label} values.` });
      if (items.some((x) => x.length > maxLength)) ctx.addIssue({ code: 'custom', message: `A ${label} value is too long.` });
      return items as string[];
    }),
  );
}

/** Repeated slugs (checkboxes, multi-selects): trimmed, empties dropped, duplicates removed. */
export function slugList(label: string) {
  return repeated(label, 100, SLUG_MAX).transform((items, ctx): string[] => {
    const slugs = [...new Set(items.map((s) => s.trim()).filter(Boolean))];
    const bad = slugs.find((s) => !SLUG.test(s));
    if (bad !== undefined) ctx.addIssue({ code: 'custom', message: `"${bad.slice(0, 40)}" is not a ${label} slug.` });
    return slugs;
  });
}
