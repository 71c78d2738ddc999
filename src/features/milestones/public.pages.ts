// The public milestone pages: one page function each, { status, view, model } out.
import type { Db } from '../../platform/db.ts';
import type { Page } from '../../platform/http/page.ts';
import { allMilestones, milestonePage, type MilestoneVM } from '../timeline/index.ts';
import { splitUpcoming } from './rules.ts';
import { scorecardsPage } from './scorecards.service.ts';

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
  return { view: 'milestones/index', model: { title: 'Milestones', sections: await milestoneSections(db, now) } };
}

export async function milestoneView(db: Db, slug: string): Promise<Page> {
  const vm = await milestonePage(db, slug);
  return { view: 'milestones/show', model: { title: vm.milestone.title, ...vm } };
}

export async function scorecardsView(db: Db): Promise<Page> {
  return { view: 'scorecards/index', model: { title: 'Scorecards', ...(await scorecardsPage(db)) } };
}
