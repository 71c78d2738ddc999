// One page function per public page: what the request asks for in, { status, view, model } out.
import { NotFoundError } from '../../platform/errors.ts';
import { redirectFor } from '../content/index.ts';
import type { Db } from '../../platform/db.ts';
import type { Page } from '../../platform/http/page.ts';
import { clip } from '../../platform/text/clip.ts';
import { parseInput } from '../../platform/validation.ts';
import * as pages from './timeline.pages.ts';
import { timelineQuerySchema } from './timeline.schema.ts';
import { cachedFacets, groupByYearAndMonth, listTimeline, resolveFilter, type FacetCache } from './timeline.service.ts';

export const PAGE_SIZE = 50;

/** The query as typed, for refilling the text fields (strings only; repeated parameters are in `queryPairs`). */
function typedQuery(raw: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) if (typeof v === 'string' && v.length <= 200) out[k] = v;
  return out;
}

/** Every parameter as typed, repeated ones kept (`organization=a&organization=b`), for links. */
function queryPairs(raw: Record<string, unknown>): [string, string][] {
  const out: [string, string][] = [];
  for (const [k, v] of Object.entries(raw)) {
    for (const x of Array.isArray(v) ? v.slice(0, 100) : [v]) if (typeof x === 'string' && x.length <= 200) out.push([k, x]);
  }
  return out;
}

function feedQuery(pairs: [string, string][]): string {
  const kept = pairs.filter(([k]) => k === 'organization' || k === 'subject');
  const single = kept.filter(([k]) => k === 'organization').length <= 1 && kept.filter(([k]) => k === 'subject').length <= 1;
  return single ? new URLSearchParams(kept).toString() : '';
}

const MULTI = ['organization', 'subject', 'kind', 'confidence', 'status', 'tag'] as const;

/** The values chosen for each several-valued filter. */
function chosen(pairs: [string, string][]): Record<string, Set<string>> {
  const out: Record<string, Set<string>> = {};
  for (const name of MULTI) out[name] = new Set(pairs.filter(([k]) => k === name).map(([, v]) => v));
  return out;
}

const EMBED_SIZE = 20;

/** The iframe to paste into another page; without a public URL the address is relative and the page's script makes it absolute. */
export function embedSnippet(publicUrl: string | undefined, filtersQuery: string): { src: string; html: string } {
  const src = `${publicUrl ?? ''}/embed${filtersQuery ? `?${filtersQuery}` : ''}`;
  return { src, html: `<iframe src="${src}" title="AI industry timeline" width="600" height="480" loading="lazy" style="border:1px solid #ccc;max-width:100%"></iframe>` };
}

export async function homePage(db: Db, raw: Record<string, unknown>, publicUrl?: string, facetCache?: FacetCache): Promise<Page> {
  const query = typedQuery(raw);
  const pairs = queryPairs(raw);
  const options = await pages.filterOptions(db);
  // Parameters that arrange the list rather than filter it.
  const filters = pairs.filter(([k]) => k !== 'order' && k !== 'cursor' && k !== 'sort');
  const filtered = filters.length > 0;
  // A search alone keeps the filter bar closed: the results come first, the search box above says what was searched.
  const filterOpen = filters.some(([k]) => k !== 'q');
  const search = {
    q: pairs.find(([k]) => k === 'q')?.[1] ?? '',
    // The other filters ride along, so a new search keeps them.
    kept: pairs.filter(([k]) => k !== 'q' && k !== 'cursor').map(([name, value]) => ({ name, value })),
  };
  const parsed = parseInput(timelineQuerySchema, raw);
  const filter = parsed.ok ? await resolveFilter(db, parsed.value) : parsed;
  // Counts beside each filter value, for the query as it stands (none when it does not parse), and
  // the page itself, read together (on PostgreSQL, on two connections at once).
  const [facets, page] =
    parsed.ok && filter.ok ? await Promise.all([cachedFacets(db, parsed.value, filter.value, facetCache), listTimeline(db, parsed.value, PAGE_SIZE, filter.value)]) : [null, null];
  const view = {
    query,
    options,
    filtered,
    filterOpen,
    search,
    filterGroups: pages.filterGroups(options, chosen(pairs), facets),
    activeFilters: pages.activeFilters(pairs, options),
  };
  if (!parsed.ok || !filter.ok || !page) {
    return { status: 400, view: 'timeline/index', model: { ...view, errors: filter.ok ? {} : filter.errors, years: [] } };
  }
  const filtersQuery = new URLSearchParams(pairs.filter(([k]) => k !== 'cursor')).toString();
  return {
    view: 'timeline/index',
    model: {
      ...view,
      years: groupByYearAndMonth(page.entries),
      count: page.entries.length,
      nextQuery: page.nextCursor ? new URLSearchParams([...pairs.filter(([k]) => k !== 'cursor'), ['cursor', page.nextCursor]]).toString() : null,
      isContinuation: Boolean(parsed.value.cursor),
      firstPageQuery: filtersQuery,
      apiQuery: filtersQuery,
      embedSnippet: embedSnippet(publicUrl, filtersQuery),
      // The feeds take one organization and one subject: with several, the link follows everything.
      feedQuery: feedQuery(pairs),
      jsonUrl: `/api/v1/timeline${filtersQuery ? `?${filtersQuery}` : ''}`,
    },
  };
}

/** A compact list for an iframe on another site: the home page's filters, `limit` entries (20 by default). */
export async function embedPage(db: Db, raw: Record<string, unknown>): Promise<Page> {
  const pairs = queryPairs(raw);
  const active = pages.activeFilters(pairs, await pages.filterOptions(db));
  const filters = new URLSearchParams(pairs.filter(([k]) => k !== 'cursor' && k !== 'limit')).toString();
  const names = active.map((f) => f.value).join(', ');
  const view = {
    layout: 'embed',
    title: names || 'AI industry timeline',
    heading: names ? `Timeline: ${names}` : 'AI industry timeline',
    fullUrl: `/${filters ? `?${filters}` : ''}`,
    siteUrl: '/',
  };
  const parsed = parseInput(timelineQuerySchema, raw);
  const filter = parsed.ok ? await resolveFilter(db, parsed.value) : parsed;
  if (!parsed.ok || !filter.ok) return { status: 400, view: 'timeline/embed', model: { ...view, errors: filter.ok ? {} : filter.errors } };
  const page = await listTimeline(db, parsed.value, parsed.value.limit ?? EMBED_SIZE, filter.value);
  return { view: 'timeline/embed', model: { ...view, entries: page.entries, more: Boolean(page.nextCursor) } };
}

export async function eventView(db: Db, slug: string): Promise<Page> {
  const vm = await pages.eventPage(db, slug);
  return { view: 'timeline/event', model: { title: vm.event.title, description: clip(vm.event.summary), ogType: 'article', ...vm } };
}

export async function organizationsView(db: Db): Promise<Page> {
  return {
    view: 'timeline/organizations',
    model: {
      title: 'Organizations',
      description: 'The companies and labs on the AI industry timeline, with their events and the claims made about them.',
      organizations: await pages.organizationsPage(db),
    },
  };
}

/** The first page of entries with one filter, and the link to the rest on the home page. */
async function entriesWith(db: Db, name: 'organization' | 'subject', slug: string) {
  const page = await listTimeline(db, timelineQuerySchema.parse({ [name]: slug }), PAGE_SIZE);
  return { years: groupByYearAndMonth(page.entries), moreQuery: page.nextCursor ? `${name}=${encodeURIComponent(slug)}` : null };
}

/** A merged record's old slug: a permanent redirect to the record it was merged into (decision 0034). */
async function orRedirect<T>(db: Db, kind: 'organization' | 'subject', slug: string, load: () => Promise<T>): Promise<T | Page> {
  try {
    return await load();
  } catch (err) {
    if (!(err instanceof NotFoundError)) throw err;
    const to = await redirectFor(db, kind, slug);
    if (!to) throw err;
    return { status: 301, redirect: `/${kind === 'organization' ? 'organizations' : 'subjects'}/${encodeURIComponent(to)}`, view: '', model: {} };
  }
}
const isPage = (v: unknown): v is Page => typeof v === 'object' && v !== null && 'redirect' in v;

export async function organizationView(db: Db, scoring: pages.Scoring, slug: string): Promise<Page> {
  const vm = await orRedirect(db, 'organization', slug, () => pages.organizationPage(db, scoring, slug));
  if (isPage(vm)) return vm;
  return {
    view: 'timeline/organization',
    model: {
      title: vm.organization.name,
      description: clip(vm.organization.description || `${vm.organization.name} on the AI industry timeline: events, claims and their scorecard.`),
      jsonUrl: `/api/v1/timeline?organization=${encodeURIComponent(slug)}`,
      ...vm,
      ...(await entriesWith(db, 'organization', slug)),
    },
  };
}

export async function subjectsView(db: Db): Promise<Page> {
  return {
    view: 'timeline/subjects',
    model: { title: 'Subjects', description: 'Models, products and hardware on the AI industry timeline.', subjects: await pages.subjectsPage(db) },
  };
}

export async function subjectView(db: Db, slug: string): Promise<Page> {
  const vm = await orRedirect(db, 'subject', slug, () => pages.subjectPage(db, slug));
  if (isPage(vm)) return vm;
  return {
    view: 'timeline/subject',
    model: {
      title: vm.subject.name,
      description: clip(vm.subject.description || `${vm.subject.name} on the AI industry timeline.`),
      jsonUrl: `/api/v1/timeline?subject=${encodeURIComponent(slug)}`,
      ...vm,
      ...(await entriesWith(db, 'subject', slug)),
    },
  };
}

export async function sourceView(db: Db, scoring: pages.Scoring, id: string): Promise<Page> {
  const vm = await pages.sourcePage(db, scoring, pages.sourceIdFromParam(id));
  return {
    view: 'timeline/source',
    model: {
      title: vm.source.title,
      description: clip(`A source on the AI industry timeline: ${vm.source.publisher}, “${vm.source.title}”, with the events and claims resting on it and its record.`),
      ...vm,
    },
  };
}
