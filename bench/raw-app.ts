// The home page of the timeline, rendered by the app's own view engine (its templates, helpers,
// settings and view cache) from the app's mappers, but with the rows read by raw better-sqlite3
// statements instead of Prisma: the floor the app's uncached render is measured against.
// Newest-first, events only, no filters (enough for the bench).
import type Database from 'better-sqlite3';
import express, { type Express, type Request } from 'express';
import { groupByYearAndMonth, type Facets } from '../src/features/timeline/index.ts';
import { filterGroups } from '../src/features/timeline/timeline.pages.ts';
import { embedSnippet } from '../src/features/timeline/timeline.views.ts';
import { canonicalLocals } from '../src/platform/http/canonical.ts';
import { CONFIDENCES, EVENT_KINDS, KIND_LABELS, MILESTONE_STATUSES, STATUS_LABELS } from '../src/domain/vocabulary.ts';
import { eventVM } from '../src/features/timeline/timeline.mappers.ts';
import type { EventListRow } from '../src/features/timeline/timeline.repo.ts';
import {
  encodeCursor,
  timelineQuerySchema,
  type CursorKey,
} from '../src/features/timeline/timeline.schema.ts';
import { sqlDate } from './build-db.ts';

const PAGE_SIZE = 50;
type Row = Record<string, unknown>;

/** Prisma hands back Date objects for DateTime columns; so does this. */
function withDates<T extends Row>(row: T, fields: readonly string[]): T {
  for (const f of fields) if (typeof row[f] === 'string') (row as Row)[f] = new Date(row[f] as string);
  return row;
}
const STAMPS = ['createdAt', 'updatedAt'] as const;

export function statements(db: Database.Database) {
  const order = 'ORDER BY "dateStart" DESC, "dateEnd" DESC, "title" DESC, "id" DESC LIMIT @take';
  const related = (join: string, table: string, key: string) =>
    db.prepare(
      `SELECT j."eventId" AS "_eventId", j."${key}" AS "_key", t.* FROM "${join}" j JOIN "${table}" t ON t.id = j."${key}"
       WHERE j."eventId" IN (SELECT value FROM json_each(?)) ORDER BY t."sortName", t.name, t.id`,
    );
  const facet = (name: string, table: string) =>
    db.prepare(`SELECT t.slug AS value, c.n AS count FROM "FacetCount" c JOIN ${table} t ON t.id = c.value WHERE c.facet = '${name}' AND c.stream = 'e' AND c.n > 0`);
  return {
    organizations: db.prepare('SELECT slug, name FROM "Organization" ORDER BY "sortName", name, id'),
    subjects: db.prepare('SELECT slug, name FROM "Subject" ORDER BY "sortName", name, id'),
    tags: db.prepare('SELECT slug, name FROM "Tag" ORDER BY "sortName", name, id'),
    // Facets of the unfiltered timeline, as the app reads them: the counts the database keeps by
    // triggers ("FacetCount", decision 38), named (events only: no milestones here).
    facetOrganizations: facet('organization', '"Organization"'),
    facetSubjects: facet('subject', '"Subject"'),
    facetTags: facet('tag', '"Tag"'),
    facetKinds: db.prepare(`SELECT value, n AS count FROM "FacetCount" WHERE facet = 'kind' AND stream = 'e' AND n > 0`),
    facetConfidences: db.prepare(`SELECT value, n AS count FROM "FacetCount" WHERE facet = 'confidence' AND stream = 'e' AND n > 0`),
    firstEvents: db.prepare(`SELECT * FROM "Event" ${order}`),
    eventsAfter: db.prepare(
      `SELECT * FROM "Event" WHERE "dateStart" <= @s AND ("dateStart" < @s OR ("dateStart" = @s AND "dateEnd" < @e)
         OR ("dateStart" = @s AND "dateEnd" = @e AND "title" < @t) OR ("dateStart" = @s AND "dateEnd" = @e AND "title" = @t AND "id" < @id))
       ${order}`,
    ),
    firstMilestones: db.prepare('SELECT * FROM "Milestone" ORDER BY "sortStart" DESC, "sortEnd" DESC, "title" DESC, "id" DESC LIMIT ?'),
    eventOrganizations: related('EventOrganization', 'Organization', 'organizationId'),
    eventSubjects: related('EventSubject', 'Subject', 'subjectId'),
    eventTags: related('EventTag', 'Tag', 'tagId'),
  };
}

export type Statements = ReturnType<typeof statements>;

/** Attaches join rows as Prisma's include does: `{ eventId, organizationId, organization: {...} }`. */
function attach(rows: Row[], byId: Map<number, Row>, many: string, one: string) {
  for (const row of byId.values()) row[many] = [];
  for (const { _eventId, _key, ...target } of rows) {
    (byId.get(_eventId as number)![many] as Row[]).push({ eventId: _eventId, [`${one}Id`]: _key, [one]: withDates(target, STAMPS) });
  }
}

/** One page of events in the app's order, shaped as Prisma's `eventListInclude` rows. */
export function listEvents(s: Statements, after: CursorKey | null, take: number): EventListRow[] {
  const rows = (
    after
      ? s.eventsAfter.all({ s: sqlDate(new Date(after[0])), e: sqlDate(new Date(after[1])), t: after[2], id: after[3], take })
      : s.firstEvents.all({ take })
  ) as Row[];
  const ids = rows.map((r) => r.id as number);
  const byId = new Map(rows.map((r) => [r.id as number, withDates(r, ['dateStart', 'dateEnd', ...STAMPS])]));
  const json = JSON.stringify(ids);
  attach(s.eventOrganizations.all(json) as Row[], byId, 'organizations', 'organization');
  attach(s.eventSubjects.all(json) as Row[], byId, 'subjects', 'subject');
  attach(s.eventTags.all(json) as Row[], byId, 'tags', 'tag');
  return rows as unknown as EventListRow[];
}

function filterOptions(s: Statements) {
  return {
    organizations: s.organizations.all(),
    subjects: s.subjects.all(),
    tags: s.tags.all(),
    kinds: EVENT_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] })),
    confidences: CONFIDENCES.map((c) => ({ value: c, label: c[0]!.toUpperCase() + c.slice(1) })),
    statuses: MILESTONE_STATUSES.map((st) => ({ value: st, label: STATUS_LABELS[st] })),
  };
}

function rawQuery(req: Request): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.query)) if (typeof v === 'string' && v.length <= 200) out[k] = v;
  return out;
}

function render(views: Express, view: string, locals: object): Promise<string> {
  return new Promise((resolve, reject) => views.render(view, locals, (err, html) => (err ? reject(err) : resolve(html))));
}

export interface RawAppOptions {
  /** An app made by createApp, used only to render (its engine, settings and view cache). */
  views: Express;
  /** The app's `res.locals.production`. */
  production: boolean;
  /** The app's PUBLIC_URL, for the same share tags. */
  publicUrl?: string | undefined;
}

export function createRawApp(db: Database.Database, { views, production, publicUrl }: RawAppOptions): Express {
  const s = statements(db);
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(canonicalLocals(publicUrl));

  app.get('/', async (req, res) => {
    const parsed = timelineQuerySchema.safeParse(req.query);
    const { cursor, ...filters } = parsed.success ? parsed.data : {};
    if (!parsed.success || Object.values(filters).some((v) => v !== undefined && !(Array.isArray(v) && v.length === 0))) {
      res.status(400).type('text/plain').send('The raw server renders the unfiltered, newest-first timeline only.');
      return;
    }
    const c = cursor ?? { e: null, m: null };
    if (!c.mDone && s.firstMilestones.all(PAGE_SIZE + 1).length) throw new Error('The raw server renders databases without milestones only.');
    const rows = c.eDone ? [] : listEvents(s, c.e, PAGE_SIZE + 1);
    const page = rows.slice(0, PAGE_SIZE);
    const last = page.at(-1);
    const nextCursor =
      rows.length > PAGE_SIZE && last
        ? encodeCursor({ e: [last.dateStart.toISOString(), last.dateEnd.toISOString(), last.title, last.id], m: c.m, mDone: true })
        : null;
    const query = rawQuery(req);
    const options = filterOptions(s);
    const entries = page.map(eventVM);
    const filtersQuery = new URLSearchParams(Object.entries(query).filter(([k]) => k !== 'cursor')).toString();
    const html = await render(views, 'timeline/index', {
      ...res.locals,
      currentPath: req.path,
      production,
      query,
      activeFilters: [],
      options,
      filterGroups: filterGroups(options as Parameters<typeof filterGroups>[0], {}, {
        organization: s.facetOrganizations.all() as Facets['organization'],
        subject: s.facetSubjects.all() as Facets['subject'],
        kind: s.facetKinds.all() as Facets['kind'],
        confidence: s.facetConfidences.all() as Facets['confidence'],
        status: [],
        tag: s.facetTags.all() as Facets['tag'],
      }),
      filtered: Object.keys(query).some((k) => k !== 'order' && k !== 'cursor'),
      years: groupByYearAndMonth(entries),
      count: entries.length,
      nextQuery: nextCursor ? new URLSearchParams({ ...query, cursor: nextCursor }).toString() : null,
      isContinuation: Boolean(cursor),
      firstPageQuery: filtersQuery,
      apiQuery: filtersQuery,
      embedSnippet: embedSnippet(publicUrl, filtersQuery),
      feedQuery: '',
      jsonUrl: `/api/v1/timeline${filtersQuery ? `?${filtersQuery}` : ''}`,
    });
    res.type('html').send(html);
  });
  return app;
}
