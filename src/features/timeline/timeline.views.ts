// One page function per public page: what the request asks for in, { status, view, model } out.
import type { Db } from '../../platform/db.ts';
import type { Page } from '../../platform/http/page.ts';
import { parseInput } from '../../platform/validation.ts';
import * as pages from './timeline.pages.ts';
import { timelineQuerySchema } from './timeline.schema.ts';
import { groupByYearAndMonth, listTimeline, resolveFilter } from './timeline.service.ts';

export const PAGE_SIZE = 50;

/** The query as typed, for refilling the filter form (strings only; arrays are dropped). */
function typedQuery(raw: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) if (typeof v === 'string' && v.length <= 200) out[k] = v;
  return out;
}

export async function homePage(db: Db, raw: Record<string, unknown>): Promise<Page> {
  const query = typedQuery(raw);
  const view = { title: 'Timeline', query, options: await pages.filterOptions(db), filtered: Object.keys(query).some((k) => k !== 'order') };
  const parsed = parseInput(timelineQuerySchema, raw);
  const filter = parsed.ok ? await resolveFilter(db, parsed.value) : parsed;
  if (!parsed.ok || !filter.ok) {
    return { status: 400, view: 'timeline/index', model: { ...view, errors: filter.ok ? {} : filter.errors, years: [] } };
  }
  const page = await listTimeline(db, parsed.value, PAGE_SIZE, filter.value);
  const filtersQuery = new URLSearchParams(Object.entries(query).filter(([k]) => k !== 'cursor')).toString();
  return {
    view: 'timeline/index',
    model: {
      ...view,
      years: groupByYearAndMonth(page.entries),
      count: page.entries.length,
      nextQuery: page.nextCursor ? new URLSearchParams({ ...query, cursor: page.nextCursor }).toString() : null,
      isContinuation: Boolean(parsed.value.cursor),
      firstPageQuery: filtersQuery,
      apiQuery: filtersQuery,
    },
  };
}

export async function eventView(db: Db, slug: string): Promise<Page> {
  const vm = await pages.eventPage(db, slug);
  return { view: 'timeline/event', model: { title: vm.event.title, ...vm } };
}

export async function organizationsView(db: Db): Promise<Page> {
  return { view: 'timeline/organizations', model: { title: 'Organizations', organizations: await pages.organizationsPage(db) } };
}

/** The first page of entries with one filter, and the link to the rest on the home page. */
async function entriesWith(db: Db, name: 'organization' | 'subject', slug: string) {
  const page = await listTimeline(db, timelineQuerySchema.parse({ [name]: slug }), PAGE_SIZE);
  return { years: groupByYearAndMonth(page.entries), moreQuery: page.nextCursor ? `${name}=${encodeURIComponent(slug)}` : null };
}

export async function organizationView(db: Db, scoring: pages.Scoring, slug: string): Promise<Page> {
  const vm = await pages.organizationPage(db, scoring, slug);
  return { view: 'timeline/organization', model: { title: vm.organization.name, ...vm, ...(await entriesWith(db, 'organization', slug)) } };
}

export async function subjectsView(db: Db): Promise<Page> {
  return { view: 'timeline/subjects', model: { title: 'Subjects', subjects: await pages.subjectsPage(db) } };
}

export async function subjectView(db: Db, slug: string): Promise<Page> {
  const vm = await pages.subjectPage(db, slug);
  return { view: 'timeline/subject', model: { title: vm.subject.name, ...vm, ...(await entriesWith(db, 'subject', slug)) } };
}

export async function sourceView(db: Db, scoring: pages.Scoring, id: string): Promise<Page> {
  const vm = await pages.sourcePage(db, scoring, pages.sourceIdFromParam(id));
  return { view: 'timeline/source', model: { title: vm.source.title, ...vm } };
}
