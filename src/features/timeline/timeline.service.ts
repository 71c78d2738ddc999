import type { Db } from '../../platform/db.ts';
import { ValidationError, type FieldErrors } from '../../platform/errors.ts';
import type { ParseResult } from '../../platform/validation.ts';
import { normalizeForSearch } from '../search/index.ts';
import { formatFuzzyDate } from '../dates/index.ts';
import * as repo from './timeline.repo.ts';
import { eventVM, milestoneVM } from './timeline.mappers.ts';
import { encodeCursor, type Cursor, type CursorKey, type TimelineQuery } from './timeline.schema.ts';
import type { EntryVM, YearGroupVM } from './timeline.view-models.ts';

export interface TimelinePage {
  entries: EntryVM[];
  nextCursor: string | null;
}

/** Resolves slugs to ids; an unknown slug is a mistake the reader should hear about (errors by field). */
export async function resolveFilter(db: Db, q: TimelineQuery): Promise<ParseResult<repo.StreamFilter>> {
  const f: repo.StreamFilter = {
    kind: q.kind,
    confidence: q.confidence,
    status: q.status,
    from: q.from?.start,
    to: q.to?.end,
  };
  const errors: FieldErrors = {};
  if (q.organization) {
    const id = await repo.findOrganizationId(db, q.organization);
    if (id === null) errors.organization = `There is no organization "${q.organization}".`;
    else f.organizationId = id;
  }
  if (q.subject) {
    const id = await repo.findSubjectId(db, q.subject);
    if (id === null) errors.subject = `There is no subject "${q.subject}".`;
    else f.subjectId = id;
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  const search = q.q ? normalizeForSearch(q.q) : '';
  if (search) f.search = search;
  return { ok: true, value: f };
}

function unwrap(r: ParseResult<repo.StreamFilter>): repo.StreamFilter {
  if (!r.ok) throw new ValidationError('Some filters name things Timeline does not know.', r.errors);
  return r.value;
}

function key(start: Date, end: Date, title: string, id: number): CursorKey {
  return [start.toISOString(), end.toISOString(), title, id];
}

/** Which streams a query can draw from: event-only filters exclude milestones and the reverse. */
export function streamsFor(q: TimelineQuery): { events: boolean; milestones: boolean } {
  const type = q.type ?? 'all';
  return {
    events: type !== 'milestones' && !q.status,
    milestones: type !== 'events' && !q.kind && !q.confidence,
  };
}

/**
 * One page of the merged chronology. Events and milestones are two keyset-paginated streams;
 * a merge by picking the earlier head always takes a prefix of each, so the cursor keeps one
 * key per stream and no entry is skipped or repeated whatever the collation.
 */
export async function listTimeline(
  db: Db,
  q: TimelineQuery,
  limit: number,
  resolved?: repo.StreamFilter,
  opts: { sources?: boolean } = {},
): Promise<TimelinePage> {
  const filter = resolved ?? unwrap(await resolveFilter(db, q));
  const direction = q.order === 'oldest' ? 'asc' : 'desc';
  const cursor: Cursor = q.cursor ?? { e: null, m: null };
  const want = streamsFor(q);
  const take = limit + 1;

  const [events, milestones] = await Promise.all([
    want.events && !cursor.eDone ? repo.listEvents(db, filter, { after: cursor.e, direction, take }) : [],
    want.milestones && !cursor.mDone ? repo.listMilestones(db, filter, { after: cursor.m, direction, take }) : [],
  ]);

  // The API's lists carry each event's sources: one more statement for the whole page.
  const listed = opts.sources ? await repo.withSources(db, events.slice(0, limit)) : events;
  if (opts.sources) events.splice(0, listed.length, ...listed);
  const sign = direction === 'asc' ? 1 : -1;
  const entries: EntryVM[] = [];
  let i = 0;
  let j = 0;
  let lastE = cursor.e;
  let lastM = cursor.m;
  while (entries.length < limit && (i < events.length || j < milestones.length)) {
    const e = events[i];
    const m = milestones[j];
    const takeEvent =
      e !== undefined &&
      (m === undefined ||
        sign * compareKeys(key(e.dateStart, e.dateEnd, e.title, e.id), key(m.sortStart, m.sortEnd, m.title, m.id)) <= 0);
    if (takeEvent) {
      entries.push(eventVM(e));
      lastE = key(e.dateStart, e.dateEnd, e.title, e.id);
      i++;
    } else if (m) {
      entries.push(milestoneVM(m));
      lastM = key(m.sortStart, m.sortEnd, m.title, m.id);
      j++;
    }
  }
  const moreEvents = i < events.length;
  const moreMilestones = j < milestones.length;
  const nextCursor =
    moreEvents || moreMilestones
      ? encodeCursor({ e: lastE, m: lastM, eDone: !moreEvents || undefined, mDone: !moreMilestones || undefined })
      : null;
  return { entries, nextCursor };
}

function compareKeys(a: CursorKey, b: CursorKey): number {
  for (let k = 0; k < 4; k++) {
    const x = a[k]!;
    const y = b[k]!;
    if (x < y) return -1;
    if (x > y) return 1;
  }
  return 0;
}

const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' });

function placementOf(e: EntryVM) {
  return e.type === 'event' ? e.date : e.placement;
}

/**
 * Groups consecutive entries under their year, then under their month when the entry's window
 * lies within one month, or under the entry's own label ("early 2024", "2024") when it is wider:
 * a year-precision entry sits in its year, never on 1 January.
 */
export function groupByYearAndMonth(entries: EntryVM[]): YearGroupVM[] {
  const years: YearGroupVM[] = [];
  for (const entry of entries) {
    const d = placementOf(entry);
    const start = new Date(d.start);
    const lastDay = new Date(new Date(d.end).getTime() - 1);
    const year = start.getUTCFullYear();
    const sameMonth = start.getUTCFullYear() === lastDay.getUTCFullYear() && start.getUTCMonth() === lastDay.getUTCMonth();
    const wide = formatFuzzyDate({ start, end: new Date(d.end), precision: d.precision });
    // A year-long window under its own year heading reads "2024 › 2024": say what it means instead.
    const label = sameMonth ? `${monthFormat.format(start)} ${year}` : wide === String(year) ? `Sometime in ${year}` : wide;
    let y = years.at(-1);
    if (!y || y.year !== year) {
      y = { year, groups: [] };
      years.push(y);
    }
    let g = y.groups.at(-1);
    if (!g || g.label !== label) {
      g = { label, entries: [] };
      y.groups.push(g);
    }
    g.entries.push(entry);
  }
  return years;
}
