// Form values <-> records, and the choices each form offers, with their selected state.
import { CONFIDENCES, EVENT_KINDS, MILESTONE_KINDS, SUBJECT_KINDS } from '../../domain/vocabulary.ts';
import { formatFuzzyDate, likelihoodText, tryParseClaimDate, tryParseFuzzyDate } from '../dates/index.ts';
import {
  sourceLabel,
  type EntityType,
  type EventRow,
  type MilestoneRow,
  type OrganizationRow,
  type SourceRow,
  type SubjectRow,
} from '../content/index.ts';
import type { Choices, Listed, choices } from './admin.repo.ts';

export type FormValues = Record<string, unknown>;

const BLANK_SOURCE_ROWS = 3;
const BLANK_DISCREPANCY_ROWS = 2;

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : '');
const options = (values: readonly string[]) => values.map((v) => ({ value: v, label: v.charAt(0).toUpperCase() + v.slice(1) }));

/** A submitted value as a list (a repeated field arrives as an array, a single one as text). */
export function asList(v: unknown): string[] {
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return typeof v === 'string' ? [v] : [];
}

const asText = (v: unknown) => (typeof v === 'string' ? v : '');

/** Rows of text fields offered for more organizations or subjects when they are chosen by typing. */
const BLANK_ADD_ROWS = 2;

/**
 * Organizations or subjects: a box for each while they are few (CHOOSER_MAX); past that, a box for
 * each chosen one (untick to remove) and text fields taking more slugs, with suggestions from the
 * API as one types. Both send the same field, so the services see a list of slugs either way.
 */
function checkboxes(name: 'organizations' | 'subjects', list: Listed<{ slug: string; name: string }>, chosen: unknown) {
  const set = new Set(asList(chosen).map((v) => v.trim()).filter(Boolean));
  const box = (i: { slug: string; name: string }) => ({ value: i.slug, label: i.name, checked: set.has(i.slug) });
  if ('all' in list) return { items: list.all.map(box), search: null };
  const known = new Set(list.chosen.map((i) => i.slug));
  const typed = [...set].filter((v) => !known.has(v));
  const noun = name === 'organizations' ? 'organization' : 'subject';
  return {
    items: list.chosen.map(box),
    search: {
      api: `/api/v1/${name}`,
      hint: `Add ${name}: type words of a name for suggestions, or its slug. Untick a box to remove one.`,
      rows: [...typed, ...Array<string>(BLANK_ADD_ROWS).fill('')].map((value, i) => ({ value, inputId: `field-${name}-add-${i + 1}`, label: `Another ${noun} (${i + 1})` })),
    },
  };
}

/**
 * A field choosing one source or event: a drop-down of every row, or above CHOOSER_MAX rows a text
 * field taking the source's number or the event's slug, with suggestions from the API as one types
 * (public/js/admin-choose.js) and the chosen record named below it (views/partials/forms/choose.hbs).
 */
export interface Chooser {
  name: string;
  inputId: string;
  label: string;
  hint: string | false;
  error: string | false;
  /** The empty choice of the drop-down. */
  blank: string;
  /** The drop-down's options; null for the text field. */
  options: { value: string; label: string; selected: boolean }[] | null;
  value: string;
  /** The text field: the API it asks, the key its value is, what it says of the chosen record. */
  search: { api: string; key: 'id' | 'slug'; hint: string; current: string | null } | null;
}

type Field = Pick<Chooser, 'name' | 'label'> & Partial<Pick<Chooser, 'inputId' | 'hint' | 'error' | 'blank'>>;

function chooser<T>(field: Field, list: Listed<T>, value: string, key: (r: T) => string, label: (r: T) => string, search: Omit<NonNullable<Chooser['search']>, 'current'>, except?: (r: T) => boolean): Chooser {
  const base = { inputId: `field-${field.name}`, hint: false as const, error: false as const, blank: '(none)', ...field, value };
  if ('all' in list) return { ...base, options: list.all.filter((r) => !except?.(r)).map((r) => ({ value: key(r), label: label(r), selected: key(r) === value })), search: null };
  const chosen = list.chosen.find((r) => key(r) === value);
  return { ...base, options: null, search: { ...search, current: chosen ? label(chosen) : null } };
}

const SOURCE_SEARCH = { api: '/api/v1/sources', key: 'id', hint: 'Type words of its title or publisher for suggestions, or its number.' } as const;
const EVENT_SEARCH = { api: '/api/v1/events', key: 'slug', hint: 'Type words of its title for suggestions, or its slug.' } as const;

export function sourceChooser(field: Field, sources: Choices['sources'], value: string, exceptId?: number): Chooser {
  return chooser(field, sources, value, (s) => String(s.id), (s) => `${sourceLabel(s)} (no. ${s.id})`, SOURCE_SEARCH, (s) => s.id === exceptId);
}

function eventChooser(field: Field, events: Choices['events'], value: string): Chooser {
  return chooser(field, events, value, (e) => e.slug, (e) => `${e.title} (${e.dateText})`, EVENT_SEARCH);
}

/** Pairs of repeated fields, plus some empty rows so a form without JavaScript can add more. */
function pairedRows(a: unknown, b: unknown, blanks: number): [string, string][] {
  const xs = asList(a);
  const ys = asList(b);
  const filled: [string, string][] = [];
  for (let i = 0; i < Math.max(xs.length, ys.length); i++) {
    const x = xs[i] ?? '';
    const y = ys[i] ?? '';
    if (x.trim() || y.trim()) filled.push([x, y]);
  }
  return [...filled, ...Array.from({ length: blanks }, (): [string, string] => ['', ''])];
}

export const blank: Record<string, FormValues> = {
  organization: {},
  subject: { kind: 'other' },
  source: { language: 'en' },
  event: { kind: 'release', confidence: 'confirmed' },
  milestone: { kind: 'dated' },
};

export const valuesOf = {
  organization: (r: OrganizationRow): FormValues => ({ name: r.name, slug: r.slug, website: r.website ?? '', description: r.description, aliases: r.aliases }),
  subject: (r: SubjectRow): FormValues => ({
    name: r.name,
    slug: r.slug,
    kind: r.kind,
    description: r.description,
    aliases: r.aliases,
    organizations: r.organizations.map((o) => o.organization.slug),
  }),
  source: (r: SourceRow): FormValues => ({
    publisher: r.publisher,
    title: r.title,
    url: r.url ?? '',
    publishedOn: day(r.publishedOn),
    language: r.language,
    isPrimary: r.isPrimary ? 'on' : '',
    cites: r.citesId ? String(r.citesId) : '',
    discrepancyClaim: r.discrepancies.map((d) => d.claim),
    discrepancyCorrection: r.discrepancies.map((d) => d.correction),
  }),
  event: (r: EventRow): FormValues => ({
    title: r.title,
    slug: r.slug,
    summary: r.summary,
    kind: r.kind,
    confidence: r.confidence,
    date: r.dateText,
    organizations: r.organizations.map((o) => o.organization.slug),
    subjects: r.subjects.map((s) => s.subject.slug),
    tags: r.tags.map((t) => t.tag.name).join(', '),
    sourceId: r.sources.map((s) => String(s.sourceId)),
    sourceQuote: r.sources.map((s) => s.quote ?? ''),
  }),
  milestone: (r: MilestoneRow): FormValues => ({
    title: r.title,
    slug: r.slug,
    claim: r.claim,
    kind: r.kind,
    source: r.sourceId ? String(r.sourceId) : '',
    claimedOn: day(r.claimedOn),
    quote: r.quote ?? '',
    expectedText: r.expectedText ?? '',
    relativeTo: day(r.relativeTo),
    likelihood: r.likelihoodText ?? '',
    afterEvent: r.afterEvent?.slug ?? '',
    afterText: r.afterText ?? '',
    organizations: r.organizations.map((o) => o.organization.slug),
    subjects: r.subjects.map((s) => s.subject.slug),
  }),
};

/** The lists each form shows (only those are read), with its current values. */
export const choiceNeeds: Record<EntityType, (v: FormValues) => Parameters<typeof choices>[1]> = {
  organization: () => ({}),
  subject: (v) => ({ organizations: asList(v.organizations) }),
  source: (v) => ({ sources: [asText(v.cites)] }),
  event: (v) => ({ organizations: asList(v.organizations), subjects: asList(v.subjects), sources: asList(v.sourceId) }),
  milestone: (v) => ({ organizations: asList(v.organizations), subjects: asList(v.subjects), sources: [asText(v.source)], events: [asText(v.afterEvent)] }),
};

type Errors = Record<string, string | undefined>;
const errorOf = (e: Errors, field: string): string | false => e[field] || false;

/** What each form's template needs beyond the values: its choices, with the current ones marked. */
export const formChoices = {
  organization: () => ({}),
  subject: (v: FormValues, c: Choices) => ({
    kindOptions: options(SUBJECT_KINDS),
    organizationChoices: checkboxes('organizations', c.organizations, v.organizations),
  }),
  source: (v: FormValues, c: Choices, e: Errors, id?: number) => ({
    cites: sourceChooser({ name: 'cites', label: 'Cites', hint: 'The source this one relays, if any.', error: errorOf(e, 'cites') }, c.sources, asText(v.cites), id),
    primaryChecked: asText(v.isPrimary) !== '' && asText(v.isPrimary) !== 'false',
    discrepancyRows: pairedRows(v.discrepancyClaim, v.discrepancyCorrection, BLANK_DISCREPANCY_ROWS).map(([claim, correction], i) => ({
      claim,
      correction,
      claimId: `field-discrepancyClaim-${i + 1}`,
      claimLabel: `What the source says (${i + 1})`,
      correctionId: `field-discrepancyCorrection-${i + 1}`,
      correctionLabel: `What is true (${i + 1})`,
    })),
  }),
  event: (v: FormValues, c: Choices) => ({
    kindOptions: options(EVENT_KINDS),
    confidenceOptions: options(CONFIDENCES),
    organizationChoices: checkboxes('organizations', c.organizations, v.organizations),
    subjectChoices: checkboxes('subjects', c.subjects, v.subjects),
    sourceRows: pairedRows(v.sourceId, v.sourceQuote, BLANK_SOURCE_ROWS).map(([id, quote], i) => ({
      quote,
      source: sourceChooser({ name: 'sourceId', inputId: `field-sourceId-${i + 1}`, label: `Source ${i + 1}` }, c.sources, id),
      quoteId: `field-sourceQuote-${i + 1}`,
      quoteLabel: `Quote from source ${i + 1} (optional)`,
    })),
    datePreview: previewOf(tryParseFuzzyDate(asText(v.date))),
  }),
  milestone: (v: FormValues, c: Choices, e: Errors) => ({
    kindOptions: options(MILESTONE_KINDS),
    source: sourceChooser({ name: 'source', label: 'Claimed by (source)', error: errorOf(e, 'source') }, c.sources, asText(v.source)),
    datePreview: claimPreviewOf(asText(v.expectedText), asText(v.relativeTo) || asText(v.claimedOn)),
    afterEvent: eventChooser(
      { name: 'afterEvent', label: 'Relative to (event)', hint: 'For relative claims: the event this one must come after.', error: errorOf(e, 'afterEvent') },
      c.events,
      asText(v.afterEvent),
    ),
    organizationChoices: checkboxes('organizations', c.organizations, v.organizations),
    subjectChoices: checkboxes('subjects', c.subjects, v.subjects),
  }),
};

/** The claim-date preview (any shape, read against the day said), shared by the JSON endpoint and the form. */
export function claimPreviewOf(text: string, said: string) {
  const relativeTo = /^\d{4}-\d{2}-\d{2}$/.test(said) ? new Date(`${said}T00:00:00.000Z`) : null;
  const r = tryParseClaimDate(text, { relativeTo: relativeTo && !Number.isNaN(relativeTo.getTime()) ? relativeTo : null });
  if (!r.ok) return { ok: false as const, error: r.error, needsSaidDate: r.needsSaidDate };
  const v = r.value;
  return {
    ok: true as const,
    label: v.label,
    shape: v.shape,
    start: v.start?.toISOString() ?? null,
    end: v.end?.toISOString() ?? null,
    precision: v.precision,
    likelihood: likelihoodText(v.likelihood),
    hedge: v.hedge,
  };
}

/** The date preview's answer, shared by the JSON endpoint and the form's first render. */
export function previewOf(result: { ok: true; value: { start: Date; end: Date; precision: string } } | { ok: false; error: string }) {
  if (!result.ok) return { ok: false as const, error: result.error };
  const { start, end, precision } = result.value;
  return { ok: true as const, label: formatFuzzyDate({ start, end, precision }), start: start.toISOString(), end: end.toISOString(), precision };
}
