import { z } from 'zod';
import { CONFIDENCES, EVENT_KINDS, MILESTONE_STATUSES } from '../../domain/vocabulary.ts';
import { tryParseFuzzyDate, type FuzzyDate } from '../dates/index.ts';
import type { Tier } from '../search/index.ts';

export const ENTRY_TYPES = ['all', 'events', 'milestones'] as const;
export const ORDERS = ['newest', 'oldest'] as const;
export const SORTS = ['relevance', 'date'] as const;
/**
 * The most values one filter takes (`?organization=a&organization=b…`): every checkbox of one of
 * the home page's lists (FILTER_LIST_MAX, the same number), and fewer than the 50 that issue 11
 * asks to refuse, naming the limit.
 */
export const MAX_FILTER_VALUES = 30;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A query-string value given once: arrays (`?a=1&a=2`) and objects are refused; '' means absent. */
function once<T extends z.ZodType>(name: string, inner: T) {
  return z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .unknown()
      .superRefine((v, ctx) => {
        if (v !== undefined && typeof v !== 'string') {
          ctx.addIssue({ code: 'custom', message: `Give "${name}" once, as plain text.` });
        }
      })
      .pipe(inner),
  );
}

function oneOf<const T extends readonly [string, ...string[]]>(name: string, values: T) {
  return once(
    name,
    z
      .enum(values, { error: () => `Unknown ${name}. Use one of: ${values.join(', ')}.` })
      .optional(),
  );
}

/**
 * A filter that takes several values (`?kind=release&kind=paper`): OR within it. One value or
 * many; '' values are left out; more than MAX_FILTER_VALUES are refused, naming the limit.
 */
function many<T extends z.ZodType<string>>(name: string, inner: T) {
  return z.preprocess(
    (v) => {
      const list = v === undefined ? [] : Array.isArray(v) ? v : [v];
      return list.filter((x) => x !== '');
    },
    z
      .array(z.unknown())
      .superRefine((list, ctx) => {
        if (list.length > MAX_FILTER_VALUES) {
          ctx.addIssue({ code: 'custom', message: `Give at most ${MAX_FILTER_VALUES} values for "${name}" (${list.length} given).` });
        } else if (list.some((x) => typeof x !== 'string')) {
          ctx.addIssue({ code: 'custom', message: `Give each "${name}" as plain text.` });
        }
      })
      .pipe(z.array(inner))
      .transform((list) => [...new Set(list)] as z.output<T>[]),
  );
}

function anyOf<const T extends readonly [string, ...string[]]>(name: string, values: T) {
  return many(name, z.enum(values, { error: () => `Unknown ${name}. Use one of: ${values.join(', ')}.` }));
}

const slugs = (name: string) =>
  many(
    name,
    z
      .string()
      .max(100, `The ${name} is too long.`)
      .regex(SLUG, `"${name}" takes a slug such as "meta" or "llama-2".`),
  );

const fuzzy = (name: string) =>
  once(
    name,
    z
      .string()
      .transform((v, ctx): FuzzyDate | typeof z.NEVER => {
        const r = tryParseFuzzyDate(v);
        if (!r.ok) {
          ctx.addIssue({ code: 'custom', message: r.error });
          return z.NEVER;
        }
        return r.value;
      })
      .optional(),
  );

export interface Cursor {
  /** Relevance pages (a search, sort=relevance, docs/decisions/0048): the tier of the last event and milestone shown. */
  er?: Tier | null;
  mr?: Tier | null;
  /** Sort key of the last event shown, or null when no event was shown yet. */
  e: CursorKey | null;
  /** Sort key of the last milestone shown. */
  m: CursorKey | null;
  /** Set once a stream is known to be exhausted. */
  eDone?: boolean;
  mDone?: boolean;
}
/** [start ISO, end ISO, title, id] */
export type CursorKey = [string, string, string, number];

const cursorKey = z.tuple([z.iso.datetime(), z.iso.datetime(), z.string().max(500), z.number().int().positive()]);
const tier = z.union([z.literal(1), z.literal(2)]);
const cursorShape = z.object({
  e: cursorKey.nullable(),
  m: cursorKey.nullable(),
  eDone: z.boolean().optional(),
  mDone: z.boolean().optional(),
  er: tier.nullable().optional(),
  mr: tier.nullable().optional(),
});

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

function decodeCursor(v: string): Cursor | null {
  try {
    const r = cursorShape.safeParse(JSON.parse(Buffer.from(v, 'base64url').toString('utf8')));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

const cursor = once(
  'cursor',
  z
    .string()
    .max(2000, 'This page link is damaged: start again from the first page.')
    .transform((v, ctx): Cursor | typeof z.NEVER => {
      const c = decodeCursor(v);
      if (!c) {
        ctx.addIssue({ code: 'custom', message: 'This page link is damaged: start again from the first page.' });
        return z.NEVER;
      }
      return c;
    })
    .optional(),
);

export const timelineQuerySchema = z
  .object({
    organization: slugs('organization'),
    subject: slugs('subject'),
    tag: slugs('tag'),
    kind: anyOf('kind', EVENT_KINDS),
    confidence: anyOf('confidence', CONFIDENCES),
    status: anyOf('status', MILESTONE_STATUSES),
    type: oneOf('type', ENTRY_TYPES),
    from: fuzzy('from'),
    to: fuzzy('to'),
    // Any length is read (the parser keeps the first 1,000 characters): a search is never refused.
    q: once('q', z.string().optional()),
    order: oneOf('order', ORDERS),
    sort: oneOf('sort', SORTS),
    facets: oneOf('facets', ['0', '1']),
    cursor,
    limit: once(
      'limit',
      z.coerce
        .number({ error: 'The limit is a whole number from 1 to 100.' })
        .int('The limit is a whole number from 1 to 100.')
        .min(1, 'The limit is a whole number from 1 to 100.')
        .max(100, 'The limit is a whole number from 1 to 100.')
        .optional(),
    ),
  })
  .superRefine((v, ctx) => {
    if (v.from && v.to && v.to.end <= v.from.start) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: '"to" must not come before "from".' });
    }
  });

export type TimelineQuery = z.output<typeof timelineQuerySchema>;

const LIMIT_MESSAGE = 'The limit is a whole number from 1 to 100.';

/** The query of the organization, subject and source lists of the API: a search and keyset pages. */
export const namedListQuery = z.object({
  q: once('q', z.string().optional()),
  cursor: once('cursor', z.string().max(500).optional()),
  limit: once('limit', z.coerce.number({ error: LIMIT_MESSAGE }).int(LIMIT_MESSAGE).min(1, LIMIT_MESSAGE).max(100, LIMIT_MESSAGE).optional()),
});
