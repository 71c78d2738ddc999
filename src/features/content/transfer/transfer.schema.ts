// The export format, which is also what the import accepts: one record shape per entity,
// built from the same field rules as the forms, with references as slugs and source keys.
import { z } from 'zod';
import { MILESTONE_STATUSES, OUTCOMES } from '../../../domain/vocabulary.ts';
import {
  DISCREPANCY_LENGTH,
  QUOTE_LENGTH,
  eventFields,
  milestoneFields,
  milestoneRules,
  organizationSchema,
  readExpectation,
  sourceFields,
  subjectSchema,
} from '../content.schema.ts';
import { choice, day, optionalText, slugField, slugList, text } from '../fields.ts';

export const ENTITY_LISTS = ['organizations', 'subjects', 'tags', 'sources', 'events', 'milestones'] as const;
export type EntityList = (typeof ENTITY_LISTS)[number];

const requiredSlug = () =>
  slugField().transform((v, ctx): string => {
    if (v === undefined) ctx.addIssue({ code: 'custom', message: 'Give the slug.' });
    return v ?? '';
  });
const key = (label: string) => text(label, 120, { required: true });
const ref = (label: string) => text(label, 120).transform((v) => v || null);
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;
const instant = (label: string, required = false) =>
  text(label, 40).transform((v, ctx): Date | null => {
    if (v === '' && !required) return null;
    const d = new Date(v);
    if (!ISO_INSTANT.test(v) || Number.isNaN(d.getTime())) {
      ctx.addIssue({ code: 'custom', message: `${label} must be an ISO 8601 instant such as 2024-05-01T00:00:00Z.` });
      return z.NEVER;
    }
    return d;
  });
const optionalChoice = <const T extends readonly [string, ...string[]]>(label: string, values: T) =>
  z.union([z.literal(''), z.null(), z.undefined()]).transform(() => null).or(choice(label, values));
const wholeNumber = (label: string) =>
  z.preprocess(
    (v) => (v === '' || v === undefined ? null : typeof v === 'string' && /^-?\d{1,6}$/.test(v) ? Number(v) : v),
    z.number({ error: `${label} is a whole number of days.` }).int(`${label} is a whole number of days.`).nullable(),
  );
const items = <T extends z.ZodType>(label: string, item: T, max = 200) =>
  z.preprocess((v) => (v === undefined || v === null || v === '' ? [] : v), z.array(item, { error: `${label} is a list.` }).max(max));

export const organizationRecord = organizationSchema.extend({ slug: requiredSlug() });
export const subjectRecord = subjectSchema.extend({ slug: requiredSlug() });
export const tagRecord = z.strictObject({ slug: requiredSlug(), name: text('name', 100, { required: true }) });

export const sourceRecord = sourceFields.extend({
  key: key('key'),
  cites: ref('cited source'),
  discrepancies: items(
    'discrepancies',
    z.strictObject({
      claim: text('claim', DISCREPANCY_LENGTH, { required: true, multiline: true }),
      correction: text('correction', DISCREPANCY_LENGTH, { required: true, multiline: true }),
    }),
  ),
});

export const eventRecord = eventFields.extend({
  slug: requiredSlug(),
  /** Written by the export for other tools; the date is read from `date`. */
  edtf: text('edtf', 100).optional(),
  tags: slugList('tag'),
  sources: items('sources', z.strictObject({ source: key('source'), quote: optionalText('quote', QUOTE_LENGTH, { multiline: true }) })).refine(
    (s) => s.length > 0,
    'Add at least one source.',
  ),
});

export const transitionRecord = z.strictObject({
  fromStatus: choice('from status', MILESTONE_STATUSES),
  toStatus: choice('to status', MILESTONE_STATUSES),
  dueAt: instant('dueAt', true),
  flaggedAt: instant('flaggedAt', true),
});

export const milestoneRecord = milestoneFields
  .extend({
    slug: requiredSlug(),
    source: ref('source'),
    // The expected date in the source's own words, read like the form reads it: against the
    // day it was said (or the claim date), with its shape and any stated likelihood.
    expectedText: text('expected date', 200),
    relativeTo: day('date said'),
    likelihood: optionalText('stated likelihood', 100),
    status: choice('status', MILESTONE_STATUSES, 'upcoming'),
    dueAt: instant('dueAt'),
    outcome: optionalChoice('outcome', OUTCOMES),
    gapDays: wholeNumber('gapDays'),
    settledBy: ref('settling event'),
    resolutionNote: optionalText('resolution note', 5000, { multiline: true }),
    resolvedAt: instant('resolvedAt'),
    revises: ref('revised claim'),
    transitions: items('transitions', transitionRecord, 20),
  })
  .superRefine(milestoneRules)
  .transform(({ expectedText, relativeTo, likelihood, ...rest }, ctx) => {
    const read = readExpectation({ kind: rest.kind, expectedText, relativeTo, claimedOn: rest.claimedOn, likelihood }, ctx);
    return read ? { ...rest, ...read } : z.NEVER;
  });

export const recordSchemas = {
  organizations: organizationRecord,
  subjects: subjectRecord,
  tags: tagRecord,
  sources: sourceRecord,
  events: eventRecord,
  milestones: milestoneRecord,
};

export type OrganizationRecord = z.output<typeof organizationRecord>;
export type SubjectRecord = z.output<typeof subjectRecord>;
export type TagRecord = z.output<typeof tagRecord>;
export type SourceRecord = z.output<typeof sourceRecord>;
export type EventRecord = z.output<typeof eventRecord>;
export type MilestoneRecord = z.output<typeof milestoneRecord>;

/** How each column of an entity's CSV file is written: text, `|`-separated slugs, or JSON. */
export const CSV_COLUMNS: Record<EntityList, Record<string, 'text' | 'list' | 'json'>> = {
  organizations: { slug: 'text', name: 'text', website: 'text', description: 'text', aliases: 'list' },
  subjects: { slug: 'text', name: 'text', kind: 'text', description: 'text', aliases: 'list', organizations: 'list' },
  tags: { slug: 'text', name: 'text' },
  sources: {
    key: 'text',
    publisher: 'text',
    title: 'text',
    url: 'text',
    publishedOn: 'text',
    language: 'text',
    isPrimary: 'text',
    cites: 'text',
    discrepancies: 'json',
  },
  events: {
    slug: 'text',
    title: 'text',
    summary: 'text',
    kind: 'text',
    confidence: 'text',
    date: 'text',
    edtf: 'text',
    organizations: 'list',
    subjects: 'list',
    tags: 'list',
    sources: 'json',
  },
  milestones: {
    slug: 'text',
    title: 'text',
    claim: 'text',
    kind: 'text',
    source: 'text',
    claimedOn: 'text',
    quote: 'text',
    expectedText: 'text',
    relativeTo: 'text',
    likelihood: 'text',
    afterEvent: 'text',
    afterText: 'text',
    status: 'text',
    dueAt: 'text',
    outcome: 'text',
    gapDays: 'text',
    settledBy: 'text',
    resolutionNote: 'text',
    resolvedAt: 'text',
    revises: 'text',
    organizations: 'list',
    subjects: 'list',
    transitions: 'json',
  },
};
