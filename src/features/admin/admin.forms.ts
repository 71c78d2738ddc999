// Form values <-> records, and the choices each form offers, with their selected state.
import { CONFIDENCES, EVENT_KINDS, MILESTONE_KINDS, SUBJECT_KINDS } from '../../domain/vocabulary.ts';
import { formatFuzzyDate, likelihoodText, tryParseClaimDate, tryParseFuzzyDate } from '../dates/index.ts';
import {
  sourceLabel,
  type EventRow,
  type MilestoneRow,
  type OrganizationRow,
  type SourceRow,
  type SubjectRow,
} from '../content/index.ts';
import type { Choices } from './admin.repo.ts';

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

function checkboxes(items: { slug: string; name: string }[], chosen: unknown) {
  const set = new Set(asList(chosen));
  return items.map((i) => ({ value: i.slug, label: i.name, checked: set.has(i.slug) }));
}

function sourceOptions(sources: Choices['sources'], selected: string, exceptId?: number) {
  return sources
    .filter((s) => s.id !== exceptId)
    .map((s) => ({ value: String(s.id), label: sourceLabel(s), selected: String(s.id) === selected }));
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

/** What each form's template needs beyond the values: its choices, with the current ones marked. */
export const formChoices = {
  organization: () => ({}),
  subject: (v: FormValues, c: Choices) => ({
    kindOptions: options(SUBJECT_KINDS),
    organizationChoices: checkboxes(c.organizations, v.organizations),
  }),
  source: (v: FormValues, c: Choices, id?: number) => ({
    citesOptions: sourceOptions(c.sources, asText(v.cites), id),
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
    organizationChoices: checkboxes(c.organizations, v.organizations),
    subjectChoices: checkboxes(c.subjects, v.subjects),
    sourceRows: pairedRows(v.sourceId, v.sourceQuote, BLANK_SOURCE_ROWS).map(([id, quote], i) => ({
      quote,
      sourceOptions: sourceOptions(c.sources, id),
      sourceFieldId: `field-sourceId-${i + 1}`,
      sourceLabel: `Source ${i + 1}`,
      quoteId: `field-sourceQuote-${i + 1}`,
      quoteLabel: `Quote from source ${i + 1} (optional)`,
    })),
    datePreview: previewOf(tryParseFuzzyDate(asText(v.date))),
  }),
  milestone: (v: FormValues, c: Choices) => ({
    kindOptions: options(MILESTONE_KINDS),
    sourceOptions: sourceOptions(c.sources, asText(v.source)),
    datePreview: claimPreviewOf(asText(v.expectedText), asText(v.relativeTo) || asText(v.claimedOn)),
    eventOptions: c.events.map((e) => ({ value: e.slug, label: `${e.title} (${e.dateText})`, selected: e.slug === asText(v.afterEvent) })),
    organizationChoices: checkboxes(c.organizations, v.organizations),
    subjectChoices: checkboxes(c.subjects, v.subjects),
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
