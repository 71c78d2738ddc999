// Prisma rows -> view models.
import { KIND_LABELS, OUTCOME_LABELS, SCORING_RULES, STATUS_LABELS, type Shape } from '../../domain/vocabulary.ts';
import { claimWindowLabel, dayLabel, formatFuzzyDate, likelihoodText } from '../dates/index.ts';
import type { ClaimReadingVM, DateVM, EventVM, LinkVM, MilestoneVM, SourceRefVM } from './timeline.view-models.ts';
import type { EventDetailRow, EventListRow, MilestoneRow } from './timeline.repo.ts';

export function dateVM(start: Date, end: Date, precision: string, text: string): DateVM {
  return {
    start: start.toISOString(),
    end: end.toISOString(),
    precision,
    label: formatFuzzyDate({ start, end, precision }),
    text,
  };
}

function link(base: string, x: { slug: string; name: string }): LinkVM {
  return { slug: x.slug, name: x.name, url: `/${base}/${x.slug}` };
}

export function sourceRefVM(
  s: { id: number; publisher: string; title: string; url: string | null; isPrimary: boolean; language: string; publishedOn: Date | null },
  quote: string | null = null,
): SourceRefVM {
  return {
    id: s.id,
    publisher: s.publisher,
    title: s.title,
    url: s.url,
    pageUrl: `/sources/${s.id}`,
    isPrimary: s.isPrimary,
    language: s.language,
    publishedOn: s.publishedOn ? s.publishedOn.toISOString() : null,
    publishedLabel: dayLabel(s.publishedOn),
    quote,
  };
}

export function eventVM(row: EventListRow | EventDetailRow): EventVM {
  return {
    type: 'event',
    id: row.id,
    slug: row.slug,
    url: `/events/${row.slug}`,
    title: row.title,
    summary: row.summary,
    kind: row.kind,
    kindLabel: KIND_LABELS[row.kind] ?? row.kind,
    confidence: row.confidence,
    date: dateVM(row.dateStart, row.dateEnd, row.datePrecision, row.dateText),
    organizations: row.organizations.map((o) => link('organizations', o.organization)),
    subjects: row.subjects.map((s) => link('subjects', s.subject)),
    tags: row.tags.map((t) => ({ slug: t.tag.slug, name: t.tag.name })),
    sources: 'sources' in row ? row.sources.map((s) => sourceRefVM(s.source, s.quote)) : [],
  };
}

export function gapLabel(outcome: string | null, gapDays: number | null): string | null {
  if (gapDays === null || gapDays === 0 || (outcome !== 'early' && outcome !== 'late')) return null;
  const n = Math.abs(gapDays);
  return `${outcome} by ${n} day${n === 1 ? '' : 's'}`;
}

export function claimReadingVM(row: {
  kind: string;
  expectedText: string | null;
  expectedShape: string;
  windowStart: Date | null;
  windowEnd: Date | null;
  windowPrecision: string | null;
  relativeTo: Date | null;
  likelihoodLow: number | null;
  likelihoodHigh: number | null;
  likelihoodText: string | null;
}): ClaimReadingVM | null {
  if (row.kind === 'attribute') return null;
  const shape = (row.kind === 'relative' && !row.windowStart && !row.windowEnd ? 'offset' : row.expectedShape) as Shape;
  const likelihood =
    row.likelihoodLow !== null && row.likelihoodHigh !== null
      ? { text: row.likelihoodText ?? '', figure: likelihoodText({ low: row.likelihoodLow, high: row.likelihoodHigh })! }
      : null;
  return {
    shape,
    text: row.expectedText,
    label: claimWindowLabel({ shape, start: row.windowStart, end: row.windowEnd, precision: row.windowPrecision }),
    start: row.windowStart?.toISOString() ?? null,
    end: row.windowEnd?.toISOString() ?? null,
    relativeTo: row.relativeTo?.toISOString() ?? null,
    rule: SCORING_RULES[shape] ?? SCORING_RULES.window,
    likelihood,
  };
}

export function milestoneVM(row: MilestoneRow): MilestoneVM {
  const expected =
    row.windowStart && row.windowEnd && row.windowPrecision
      ? dateVM(row.windowStart, row.windowEnd, row.windowPrecision, row.expectedText ?? '')
      : null;
  const placement =
    expected ?? dateVM(row.sortStart, row.sortEnd, 'day', row.claimedOn ? row.claimedOn.toISOString().slice(0, 10) : '');
  return {
    type: 'milestone',
    id: row.id,
    slug: row.slug,
    url: `/milestones/${row.slug}`,
    title: row.title,
    claim: row.claim,
    kind: row.kind,
    expected,
    reading: claimReadingVM(row),
    placement,
    afterText: row.afterText,
    afterEvent: row.afterEvent ? { ...row.afterEvent, url: `/events/${row.afterEvent.slug}` } : null,
    status: row.status,
    statusLabel: STATUS_LABELS[row.status] ?? row.status,
    outcome: row.outcome,
    outcomeLabel: row.outcome ? (OUTCOME_LABELS[row.outcome] ?? row.outcome) : null,
    gapDays: row.gapDays,
    gapLabel: gapLabel(row.outcome, row.gapDays),
    resolutionNote: row.resolutionNote,
    resolvedAt: row.resolvedAt ? row.resolvedAt.toISOString() : null,
    settledBy: row.settledBy
      ? {
          slug: row.settledBy.slug,
          title: row.settledBy.title,
          url: `/events/${row.settledBy.slug}`,
          date: dateVM(row.settledBy.dateStart, row.settledBy.dateEnd, row.settledBy.datePrecision, row.settledBy.dateText),
        }
      : null,
    source: row.source ? sourceRefVM(row.source) : null,
    claimedOn: row.claimedOn ? row.claimedOn.toISOString() : null,
    claimedOnLabel: dayLabel(row.claimedOn),
    quote: row.quote,
    organizations: row.organizations.map((o) => link('organizations', o.organization)),
    subjects: row.subjects.map((s) => link('subjects', s.subject)),
  };
}
