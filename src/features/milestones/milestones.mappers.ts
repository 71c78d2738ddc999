// Rows -> plain view models for the admin pages, feeds and scorecards.
import { OUTCOME_LABELS, STATUS_LABELS } from '../../domain/vocabulary.ts';
import { dayLabel, formatFuzzyDate } from '../dates/index.ts';
import type { ClaimRow, EventRow } from './resolution.repo.ts';
import { gapText } from './rules.ts';

export { STATUS_LABELS, OUTCOME_LABELS, dayLabel };

/** What the claim expects, in words: "début 2024 (early 2024)", "after Google's Gemini", "no date". */
export function expectedLabel(m: {
  windowStart: Date | null;
  windowEnd: Date | null;
  windowPrecision: string | null;
  expectedText: string | null;
  afterText: string | null;
}): string {
  if (m.windowStart && m.windowEnd && m.windowPrecision) {
    const label = formatFuzzyDate({ start: m.windowStart, end: m.windowEnd, precision: m.windowPrecision });
    return m.expectedText && m.expectedText !== label ? `${m.expectedText} (${label})` : label;
  }
  if (m.afterText) return m.afterText;
  return 'no date';
}

export interface EventOptionVM {
  id: number;
  slug: string;
  title: string;
  url: string;
  dateLabel: string;
}

export function eventOptionVM(e: EventRow): EventOptionVM {
  return {
    id: e.id,
    slug: e.slug,
    title: e.title,
    url: `/events/${e.slug}`,
    dateLabel: formatFuzzyDate({ start: e.dateStart, end: e.dateEnd, precision: e.datePrecision }),
  };
}

export interface ClaimVM {
  id: number;
  slug: string;
  title: string;
  url: string;
  status: string;
  statusLabel: string;
  outcome: string | null;
  outcomeLabel: string | null;
  gapLabel: string | null;
  expectedLabel: string;
  dueAtLabel: string | null;
  organizations: string[];
  source: string | null;
  revisedBy: { slug: string; title: string; url: string } | null;
}

export function claimVM(m: ClaimRow): ClaimVM {
  return {
    id: m.id,
    slug: m.slug,
    title: m.title,
    url: `/milestones/${m.slug}`,
    status: m.status,
    statusLabel: STATUS_LABELS[m.status] ?? m.status,
    outcome: m.outcome,
    outcomeLabel: m.outcome ? (OUTCOME_LABELS[m.outcome] ?? m.outcome) : null,
    gapLabel: m.outcome === 'early' || m.outcome === 'late' ? gapText(m.gapDays) : null,
    expectedLabel: expectedLabel(m),
    dueAtLabel: dayLabel(m.dueAt),
    organizations: m.organizations.map((o) => o.organization.name),
    source: m.source ? `${m.source.publisher}: ${m.source.title}` : null,
    revisedBy: m.revisedBy ? { ...m.revisedBy, url: `/milestones/${m.revisedBy.slug}` } : null,
  };
}
