// Atom feeds (new events; milestone flags) with `feed`, and the iCalendar of due windows with
// ical-generator. Every date in them comes from the data (the clock only dates a feed with no
// entry at all), so the same content gives the same bytes and the render cache's ETag holds.
import { Feed } from 'feed';
import ical from 'ical-generator';
import type { Db } from '../../platform/db.ts';
import { formatFuzzyDate } from '../dates/index.ts';
import { NotFoundError } from '../../platform/errors.ts';
import * as repo from './feeds.repo.ts';
import type { FeedFilter } from './feeds.repo.ts';
import { expectedLabel, OUTCOME_LABELS, STATUS_LABELS } from './milestones.mappers.ts';

export type { FeedFilter };

/** " about Meta", " about Meta and Llama 3", or "" — and 404 for a slug Timeline does not know. */
async function scope(db: Db, f: FeedFilter): Promise<{ words: string; query: string }> {
  const names = await repo.filterNames(db, f);
  if (names.organization === null) throw new NotFoundError(`No organization "${f.organization}".`);
  if (names.subject === null) throw new NotFoundError(`No subject "${f.subject}".`);
  const parts = [names.organization, names.subject].filter((n): n is string => Boolean(n));
  const q = new URLSearchParams();
  if (f.organization) q.set('organization', f.organization);
  if (f.subject) q.set('subject', f.subject);
  const query = q.toString();
  return { words: parts.length ? ` about ${parts.join(' and ')}` : '', query: query ? `?${query}` : '' };
}
const ENTRIES = 50;

function latest(dates: Date[]): Date | null {
  return dates.reduce<Date | null>((a, b) => (a === null || b > a ? b : a), null);
}

/**
 * The `feed` library writes every entry's title and summary as `type="html"`: text typed by an
 * editor is escaped first, so a feed reader shows `<img …>` as those characters, never as markup.
 */
export function htmlText(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The last day inside a window whose end is exclusive: a May 2024 window closes on 31 May. */
function lastDayOf(windowEnd: Date): string {
  return new Date(windowEnd.getTime() - 1).toISOString().slice(0, 10);
}

/** New events, most recently added first. `origin` is the site's address, e.g. https://timeline.example. */
export async function eventsAtom(db: Db, origin: string, now: Date, filter: FeedFilter = {}): Promise<string> {
  const { words, query } = await scope(db, filter);
  const rows = await repo.latestEvents(db, ENTRIES, filter);
  const feed = new Feed({
    id: `${origin}/${query}`,
    title: `Timeline: new events${words}`,
    description: `Events${words} added to Timeline, the sourced record of the AI industry.`,
    link: `${origin}/${query}`,
    feedLinks: { atom: `${origin}/feed.atom${query}` },
    updated: latest(rows.map((r) => r.updatedAt)) ?? now,
    generator: false,
    copyright: 'Timeline contributors',
  });
  for (const e of rows) {
    const when = formatFuzzyDate({ start: e.dateStart, end: e.dateEnd, precision: e.datePrecision });
    const who = e.organizations.map((o) => o.organization.name).join(', ');
    feed.addItem({
      id: `${origin}/events/${e.slug}`,
      link: `${origin}/events/${e.slug}`,
      title: htmlText(e.title),
      date: e.updatedAt,
      published: e.createdAt,
      description: htmlText([`${when}${who ? ` · ${who}` : ''}.`, e.summary].filter(Boolean).join(' ')),
    });
  }
  return feed.atom1();
}

const FLAG_TITLES: Record<string, string> = { due: 'Due now', overdue: 'Overdue' };

type TransitionRow = Awaited<ReturnType<typeof repo.latestTransitions>>[number];

/**
 * What one entry says. A claim whose window had already closed when it was first checked gets a
 * due and an overdue transition at the same instant: both stay recorded, the feed shows one
 * entry saying it was found overdue.
 */
function flagText(t: TransitionRow, foundOverdue: boolean): { title: string; description: string } {
  const m = t.milestone;
  const expected = `Expected ${expectedLabel(m)}`;
  const closed = m.windowEnd ? lastDayOf(m.windowEnd) : null;
  let what: string;
  if (foundOverdue) {
    const opened = m.windowStart ? m.windowStart.toISOString().slice(0, 10) : null;
    what = opened && closed ? `its window ran from ${opened} to ${closed} and had closed when it was checked` : 'its window had closed when it was checked';
  } else if (t.toStatus === 'overdue') {
    what = closed ? `its window closed on ${closed}` : 'its window closed';
  } else {
    what = m.windowStart ? `its window opened on ${m.windowStart.toISOString().slice(0, 10)}` : `the event it waited for happened on ${t.dueAt.toISOString().slice(0, 10)}`;
  }
  const label = foundOverdue ? 'Overdue (window already closed)' : (FLAG_TITLES[t.toStatus] ?? t.toStatus);
  return { title: `${label}: ${m.title}`, description: `${expected}; ${what}. ${m.claim}`.trim() };
}

/** Each transition the job recorded (came due, became overdue), newest first. */
export async function flagsAtom(db: Db, origin: string, now: Date, filter: FeedFilter = {}): Promise<string> {
  const { words, query } = await scope(db, filter);
  const rows = await repo.latestTransitions(db, ENTRIES, filter);
  const sameRun = (a: TransitionRow, b: TransitionRow) => a.milestoneId === b.milestoneId && a.flaggedAt.getTime() === b.flaggedAt.getTime();
  const overdueAtOnce = (t: TransitionRow) => t.toStatus === 'overdue' && rows.some((o) => o.toStatus === 'due' && sameRun(o, t));
  const shown = rows.filter((t) => !(t.toStatus === 'due' && rows.some((o) => o.toStatus === 'overdue' && sameRun(o, t))));
  const feed = new Feed({
    id: `${origin}/milestones${query}`,
    title: `Timeline: milestone flags${words}`,
    description: `Claims${words} as they come due and become overdue.`,
    link: `${origin}/milestones`,
    feedLinks: { atom: `${origin}/milestones/feed.atom${query}` },
    updated: latest(rows.map((r) => r.flaggedAt)) ?? (await repo.newestClaimChange(db)) ?? now,
    generator: false,
    copyright: 'Timeline contributors',
  });
  for (const t of shown) {
    const page = `${origin}/milestones/${t.milestone.slug}`;
    const { title, description } = flagText(t, overdueAtOnce(t));
    feed.addItem({ id: `${page}#transition-${t.id}`, link: page, title: htmlText(title), date: t.flaggedAt, description: htmlText(description) });
  }
  return feed.atom1();
}

/** One all-day event per dated claim, spanning its due window. */
export async function dueWindowsIcs(db: Db, origin: string, filter: FeedFilter = {}): Promise<string> {
  const { words } = await scope(db, filter);
  const rows = await repo.datedMilestones(db, filter);
  const cal = ical({
    name: `Timeline: due windows${words}`,
    description: 'When claims about the AI industry are due, from Timeline.',
    prodId: { company: 'Timeline', product: 'Timeline', language: 'EN' },
    url: `${origin}/milestones`,
  });
  for (const m of rows) {
    const status = m.outcome ? `resolved: ${OUTCOME_LABELS[m.outcome] ?? m.outcome}` : (STATUS_LABELS[m.status] ?? m.status);
    const source = m.source ? `${m.source.publisher}, "${m.source.title}"` : 'not recorded';
    cal.createEvent({
      id: `milestone-${m.id}@timeline`,
      start: m.windowStart!,
      end: m.windowEnd!,
      allDay: true,
      stamp: m.updatedAt,
      summary: m.title,
      url: `${origin}/milestones/${m.slug}`,
      description: [`Expected ${expectedLabel(m)}.`, m.claim, `Source: ${source}.`, `Status: ${status}.`].filter(Boolean).join('\n'),
    });
  }
  // RFC 5545 ends every content line, the last one included, with CRLF.
  const text = cal.toString();
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}
