// The public milestone pages: one page function each, { status, view, model } out.
import type { Db } from '../../platform/db.ts';
import type { Page } from '../../platform/http/page.ts';
import { allMilestones, milestonePage, type MilestoneVM } from '../timeline/index.ts';
import { splitUpcoming } from './rules.ts';
import { ValidationError } from '../../platform/errors.ts';
import { clip } from '../../platform/text/clip.ts';
import { SCORECARD_SORTS, scorecardsPage, type ScorecardSort } from './scorecards.service.ts';

export interface MilestoneSections {
  due: MilestoneVM[];
  overdue: MilestoneVM[];
  /** Upcoming claims whose window opens within 90 days of now. */
  upcomingSoon: MilestoneVM[];
  /** Upcoming claims further away, or with no date yet (relative and attribute claims). */
  upcomingLater: MilestoneVM[];
  resolved: MilestoneVM[];
}

export async function milestoneSections(db: Db, now: Date): Promise<MilestoneSections> {
  const rows = await allMilestones(db);
  const { soon, later } = splitUpcoming(
    rows.filter((m) => m.status === 'upcoming'),
    now,
  );
  return {
    due: rows.filter((m) => m.status === 'due'),
    overdue: rows.filter((m) => m.status === 'overdue'),
    upcomingSoon: soon,
    upcomingLater: later,
    resolved: rows.filter((m) => m.status === 'resolved').reverse(),
  };
}

export async function milestonesView(db: Db, now: Date): Promise<Page> {
  return {
    view: 'milestones/index',
    model: {
      title: 'Milestones',
      description: 'Claims about the AI industry’s future, due now, overdue, upcoming and resolved, each scored against what happened.',
      sections: await milestoneSections(db, now),
    },
  };
}

/** What a shared claim says: its outcome (or its status and when it is expected), then the claim. */
function claimDescription(m: MilestoneVM): string {
  const verdict = m.outcomeLabel
    ? `Outcome: ${m.outcomeLabel}${m.gapLabel ? `, ${m.gapLabel}` : ''}.`
    : `${m.statusLabel}${m.expected ? `, expected ${m.expected.label}` : m.afterText ? `, expected ${m.afterText}` : ''}.`;
  return `${verdict} ${clip(m.claim, 160)}`;
}

export async function milestoneView(db: Db, slug: string): Promise<Page> {
  const vm = await milestonePage(db, slug);
  return { view: 'milestones/show', model: { title: vm.milestone.title, description: claimDescription(vm.milestone), ogType: 'article', ...vm } };
}

const SORT_COLUMNS: { sort: ScorecardSort; label: string; order: string }[] = [
  { sort: 'claims', label: 'Claims', order: 'most first' },
  { sort: 'met-rate', label: 'Met in window', order: 'highest first' },
  { sort: 'true-rate', label: 'Came true', order: 'highest first' },
  { sort: 'missed', label: 'Missed', order: 'most first' },
  { sort: 'gap', label: 'Median gap', order: 'earliest first' },
];

/** /scorecards, sorted on the server by `sort` (name by default), so sorting works without JavaScript. */
export async function scorecardsView(db: Db, rawSort: unknown): Promise<Page> {
  const sort = rawSort ?? 'name';
  if (typeof sort !== 'string' || !(SCORECARD_SORTS as readonly string[]).includes(sort)) {
    throw new ValidationError(`Sort the scorecards by one of: ${SCORECARD_SORTS.join(', ')}.`, { sort: 'Unknown sort.' });
  }
  const columns = SORT_COLUMNS.map((c) => ({ ...c, current: c.sort === sort, href: `/scorecards?sort=${c.sort}` }));
  return {
    view: 'scorecards/index',
    model: {
      title: 'Scorecards',
      description: 'How claims about the AI industry turned out, by source and by organization: share met in window, came true, missed, median gap.',
      columns,
      ...(await scorecardsPage(db, sort as ScorecardSort)),
    },
  };
}
