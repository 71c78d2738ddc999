// One strict schema per input: the admin forms, the import and any JSON client share them.
import { z } from 'zod';
import { parseLikelihood, tryParseClaimDate, type ClaimShape, type FuzzyDate, type Likelihood } from '../dates/index.ts';
import { CONFIDENCES, EVENT_KINDS, MILESTONE_KINDS, SUBJECT_KINDS } from '../../domain/vocabulary.ts';
import {
  checkbox,
  choice,
  day,
  fuzzyDate,
  httpUrl,
  idRef,
  optionalText,
  repeated,
  slugField,
  slugList,
  text,
} from './fields.ts';
import { slugify } from './slug.ts';
import { aliasesField } from './aliases.ts';


const NAME = 200;
const TITLE = 300;
const LONG = 5000;
const QUOTE = 1000;

export interface TagRef {
  slug: string;
  name: string;
}

/** "Open weights, LLM" -> tags open-weights and llm. */
export function parseTagList(text: string): TagRef[] {
  const out = new Map<string, TagRef>();
  for (const raw of text.split(',')) {
    const name = raw.trim();
    const slug = slugify(name);
    if (slug && !out.has(slug)) out.set(slug, { slug, name });
  }
  return [...out.values()];
}

export const organizationSchema = z.strictObject({
  name: text('name', NAME, { required: true }),
  slug: slugField(),
  website: httpUrl('website'),
  description: text('description', LONG, { multiline: true }),
  aliases: aliasesField(),
});
export type OrganizationInput = z.output<typeof organizationSchema>;

export const subjectSchema = z.strictObject({
  name: text('name', NAME, { required: true }),
  slug: slugField(),
  kind: choice('kind', SUBJECT_KINDS, 'other'),
  description: text('description', LONG, { multiline: true }),
  aliases: aliasesField(),
  organizations: slugList('organization'),
});
export type SubjectInput = z.output<typeof subjectSchema>;

/** Pairs the n-th values of two repeated fields; rows left wholly empty are dropped. */
function rows(a: string[], b: string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = (a[i] ?? '').trim();
    const y = (b[i] ?? '').trim();
    if (x || y) out.push([x, y]);
  }
  return out;
}

/** The fields every source input shares (form and import). */
export const sourceFields = z.strictObject({
  publisher: text('publisher', NAME, { required: true }),
  title: text('title', TITLE, { required: true }),
  url: httpUrl('address'),
  publishedOn: day('publication date'),
  language: text('language', 35).transform((v, ctx) => {
    const tag = v || 'en';
    if (!/^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*$/.test(tag)) {
      ctx.addIssue({ code: 'custom', message: 'Give the language as a tag such as "en", "fr" or "pt-BR".' });
    }
    return tag;
  }),
  isPrimary: checkbox('primary'),
});

export const DISCREPANCY_LENGTH = LONG;
export const SUMMARY_LENGTH = LONG;
export const TITLE_LENGTH = TITLE;
export const QUOTE_LENGTH = QUOTE;

export const sourceSchema = sourceFields
  .extend({
    cites: idRef('cited source'),
    discrepancyClaim: repeated('discrepancy claim', 50, LONG),
    discrepancyCorrection: repeated('discrepancy correction', 50, LONG),
  })
  .transform(({ discrepancyClaim, discrepancyCorrection, cites, ...rest }, ctx) => {
    const discrepancies = rows(discrepancyClaim, discrepancyCorrection).map(([claim, correction]) => ({ claim, correction }));
    if (discrepancies.some((d) => !d.claim || !d.correction)) {
      ctx.addIssue({ code: 'custom', path: ['discrepancies'], message: 'Each discrepancy needs both what the source says and what is true.' });
    }
    return { ...rest, citesId: cites, discrepancies };
  });
export type SourceInput = z.output<typeof sourceSchema>;

export const eventFields = z.strictObject({
  title: text('title', TITLE, { required: true }),
  slug: slugField(),
  summary: text('summary', LONG, { multiline: true }),
  kind: choice('kind', EVENT_KINDS),
  confidence: choice('confidence', CONFIDENCES, 'confirmed'),
  date: fuzzyDate('date'),
  organizations: slugList('organization'),
  subjects: slugList('subject'),
});

export const eventSchema = eventFields
  .extend({
    tags: text('tags', 1000).transform(parseTagList),
    sourceId: repeated('source', 50, 12),
    sourceQuote: repeated('quote', 50, QUOTE),
  })
  .transform(({ sourceId, sourceQuote, date, ...rest }, ctx) => {
    const sources: { sourceId: number; quote: string | null }[] = [];
    for (const [id, quote] of rows(sourceId, sourceQuote)) {
      if (!/^[1-9]\d{0,9}$/.test(id)) {
        ctx.addIssue({ code: 'custom', path: ['sources'], message: 'Each quote needs its source: choose it from the list, or type its number.' });
        return z.NEVER;
      }
      if (sources.some((s) => s.sourceId === Number(id))) {
        ctx.addIssue({ code: 'custom', path: ['sources'], message: 'A source is listed twice: keep one row per source.' });
        return z.NEVER;
      }
      sources.push({ sourceId: Number(id), quote: quote || null });
    }
    if (sources.length === 0) ctx.addIssue({ code: 'custom', path: ['sources'], message: 'Add at least one source.' });
    return { ...rest, date: date as FuzzyDate, sources };
  });
export type EventInput = z.output<typeof eventSchema>;

export const milestoneFields = z.strictObject({
  title: text('title', TITLE, { required: true }),
  slug: slugField(),
  claim: text('claim', LONG, { multiline: true }),
  kind: choice('kind', MILESTONE_KINDS, 'dated'),
  source: idRef('source'),
  claimedOn: day('claim date'),
  quote: optionalText('quote', QUOTE, { multiline: true }),
  expectedText: fuzzyDate('expected date', { required: false }),
  afterEvent: text('event', 80).transform((v) => v || null),
  afterText: optionalText('words used for that event', NAME),
  organizations: slugList('organization'),
  subjects: slugList('subject'),
});

/** What a claim of each kind needs, whatever the input (form or import). */
export function milestoneRules(
  v: { kind: string; expectedText: unknown; afterEvent: unknown; claimedOn: unknown },
  ctx: z.RefinementCtx,
): void {
  if (v.kind === 'dated' && !v.expectedText) {
    ctx.addIssue({ code: 'custom', path: ['expectedText'], message: 'A dated claim needs the expected date as the source put it.' });
  }
  if (v.kind === 'relative' && !v.afterEvent) {
    ctx.addIssue({ code: 'custom', path: ['afterEvent'], message: 'A relative claim needs the event it must come after.' });
  }
  if (v.kind !== 'dated' && !v.claimedOn) {
    ctx.addIssue({ code: 'custom', path: ['claimedOn'], message: 'Give the date of the claim: it places the claim on the timeline.' });
  }
}

/** A claim's expected date as the form reads it: any shape, read against the day said (docs/decisions/0018). */
export interface ClaimReading {
  text: string;
  shape: ClaimShape;
  start: Date | null;
  end: Date | null;
  precision: string;
  relativeTo: Date | null;
}

/**
 * The expected date and stated likelihood of a claim, read the same way by the form and the
 * import: the claim grammar, against the day it was said (docs/decisions/0018). Reports a field
 * error and returns null when the words cannot be read.
 */
export function readExpectation(
  v: { kind: string; expectedText: string; relativeTo: Date | null; claimedOn: Date | null; likelihood: string | null },
  ctx: z.RefinementCtx,
): { expected: ClaimReading | null; likelihood: Likelihood | null } | null {
  let expected: ClaimReading | null = null;
  let stated: Likelihood | null = null;
  if (v.kind === 'dated' && v.expectedText) {
    const said = v.relativeTo ?? v.claimedOn;
    const r = tryParseClaimDate(v.expectedText, { relativeTo: said });
    if (!r.ok) {
      const message = r.needsSaidDate ? `${r.error.replace(/\.$/, '')}: fill in “Said on” or “Claimed on”.` : r.error;
      ctx.addIssue({ code: 'custom', path: [r.needsSaidDate ? 'relativeTo' : 'expectedText'], message });
      return null;
    }
    if (r.value.shape === 'offset') {
      ctx.addIssue({ code: 'custom', path: ['expectedText'], message: 'This date counts from another event: choose the kind “relative” and that event.' });
      return null;
    }
    if (r.value.shape === 'deadline' && !r.value.start) {
      ctx.addIssue({ code: 'custom', path: ['relativeTo'], message: 'A deadline runs from the day it was said: fill in “Said on” or “Claimed on”.' });
      return null;
    }
    const w = r.value;
    expected = { text: w.text, shape: w.shape, start: w.start, end: w.end, precision: w.precision, relativeTo: w.relativeTo ?? (w.start && said ? said : null) };
    stated = w.likelihood;
  }
  if (v.likelihood) {
    stated = parseLikelihood(v.likelihood);
    if (!stated) {
      ctx.addIssue({ code: 'custom', path: ['likelihood'], message: 'Give the likelihood as the source put it, as a percentage: 70%, 70-80% chance, p=0.7.' });
      return null;
    }
  }
  return { expected, likelihood: stated };
}

export const milestoneSchema = milestoneFields
  .extend({
    expectedText: text('expected date', 200),
    relativeTo: day('date said'),
    likelihood: optionalText('stated likelihood', 100),
  })
  .superRefine(milestoneRules)
  .transform(({ source, expectedText, afterEvent, afterText, relativeTo, likelihood, ...rest }, ctx) => {
    const read = readExpectation({ kind: rest.kind, expectedText, relativeTo, claimedOn: rest.claimedOn, likelihood }, ctx);
    if (!read) return z.NEVER;
    return {
      ...rest,
      sourceId: source,
      ...read,
      afterEvent: rest.kind === 'relative' ? afterEvent : null,
      afterText: rest.kind === 'relative' ? afterText : null,
    };
  });
export type MilestoneInput = z.output<typeof milestoneSchema>;
