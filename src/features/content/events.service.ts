import type { FieldErrors } from '../../platform/errors.ts';
import type { Snapshot, WriteContext } from './audit.ts';
import { createAudited, deleteAudited, invalid, updateAudited } from './commit.ts';
import { searchName } from './aliases.ts';
import * as repo from './content.repo.ts';
import type { EventInput } from './content.schema.ts';
import { resolveNamed, slugsOf, sourceRef } from './resolve.ts';
import { eventSearchText } from './search-fields.ts';

export interface EventFields {
  slug: string;
  title: string;
  summary: string;
  kind: string;
  confidence: string;
  dateText: string;
  organizations: string[];
  subjects: string[];
  tags: string[];
  sources: { sourceId: number; quote: string | null }[];
}

export function eventSnapshot(e: EventFields): Snapshot {
  return {
    slug: e.slug,
    title: e.title,
    summary: e.summary,
    kind: e.kind,
    confidence: e.confidence,
    date: e.dateText,
    organizations: [...e.organizations].sort(),
    subjects: [...e.subjects].sort(),
    tags: [...e.tags].sort(),
    sources: e.sources.map((s) => `${sourceRef(s.sourceId)}${s.quote ? `: “${s.quote}”` : ''}`),
  };
}

export function eventRowFields(row: repo.EventRow): EventFields {
  return {
    ...row,
    organizations: slugsOf(row.organizations.map((o) => o.organization)),
    subjects: slugsOf(row.subjects.map((s) => s.subject)),
    tags: slugsOf(row.tags.map((t) => t.tag)),
    sources: row.sources.map((s) => ({ sourceId: s.sourceId, quote: s.quote })),
  };
}

async function resolve(ctx: WriteContext, input: EventInput) {
  const errors: FieldErrors = {};
  const ids = input.sources.map((s) => s.sourceId);
  const [named, known, tagNames] = await Promise.all([
    resolveNamed(ctx.db, input, errors),
    repo.existingSourceIds(ctx.db, ids),
    repo.tagNames(ctx.db, input.tags.map((t) => t.slug)),
  ]);
  if (ids.some((id) => !known.has(id))) errors.sources = 'A chosen source no longer exists: choose it again.';
  if (Object.keys(errors).length) invalid(errors);
  // An existing tag keeps its name.
  const tags = input.tags.map((t) => ({ slug: t.slug, name: tagNames.get(t.slug) ?? t.name }));
  const links: repo.EventLinks = {
    organizationIds: named.organizations.map((o) => o.id),
    subjectIds: named.subjects.map((s) => s.id),
    sources: input.sources,
    tags,
  };
  const searchText = eventSearchText(
    input.title,
    input.summary,
    named.organizations.map(searchName),
    named.subjects.map(searchName),
    tags.map((t) => t.name),
  );
  return { links, searchText };
}

function scalars(input: EventInput, searchText: string) {
  const { date } = input;
  return {
    title: input.title,
    summary: input.summary,
    kind: input.kind,
    confidence: input.confidence,
    dateStart: date.start,
    dateEnd: date.end,
    datePrecision: date.precision,
    dateText: date.text,
    searchText,
  };
}

const fieldsOf = (input: EventInput, slug: string): EventFields => ({
  ...input,
  slug,
  dateText: input.date.text,
  tags: input.tags.map((t) => t.slug),
});

export async function createEvent(ctx: WriteContext, input: EventInput) {
  const { links, searchText } = await resolve(ctx, input);
  return createAudited(ctx, {
    type: 'event',
    slug: { model: 'event', given: input.slug, from: input.title },
    create: (slug, db) => repo.createEvent(db, { slug, ...scalars(input, searchText) }),
    links: (id, db) => repo.eventLinkOps(db, id, links, false),
    label: input.title,
    snapshot: (slug) => eventSnapshot(fieldsOf(input, slug)),
  });
}

export async function updateEvent(ctx: WriteContext, id: number, input: EventInput) {
  const row = await repo.getEvent(ctx.db, id);
  const { links, searchText } = await resolve(ctx, input);
  const slug = input.slug ?? row.slug;
  return updateAudited(ctx, {
    type: 'event',
    id,
    label: input.title,
    before: eventSnapshot(eventRowFields(row)),
    after: eventSnapshot(fieldsOf(input, slug)),
    slugModel: 'event',
    ops: [repo.updateEvent(ctx.db, id, { slug, ...scalars(input, searchText) }), ...repo.eventLinkOps(ctx.db, id, links, true)],
  });
}

export async function deleteEvent(ctx: WriteContext, id: number) {
  const row = await repo.getEvent(ctx.db, id);
  await deleteAudited(ctx, { type: 'event', id, label: row.title, before: eventSnapshot(eventRowFields(row)) });
  return row;
}
