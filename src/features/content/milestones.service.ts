import type { FieldErrors } from '../../platform/errors.ts';
import type { Snapshot, WriteContext } from './audit.ts';
import { createAllAudited, createAudited, deleteAudited, invalid, updateAudited, type CreateSpec } from './commit.ts';
import { searchName } from './aliases.ts';
import * as repo from './content.repo.ts';
import type { MilestoneInput } from './content.schema.ts';
import { dayText, resolveNamed, slugsOf, sourceRef } from './resolve.ts';
import { milestoneSearchText } from './search-fields.ts';

const DAY_MS = 86_400_000;

/** Where a claim sits on the timeline: its window when dated, else the day it was claimed. */
export function milestonePlacement(window: { start: Date; end: Date } | null, claimedOn: Date | null): { sortStart: Date; sortEnd: Date } {
  if (window) return { sortStart: window.start, sortEnd: window.end };
  if (!claimedOn) throw new Error('a claim without a window needs the date it was made');
  return { sortStart: claimedOn, sortEnd: new Date(claimedOn.getTime() + DAY_MS) };
}

export interface MilestoneFields {
  slug: string;
  title: string;
  claim: string;
  kind: string;
  sourceId: number | null;
  claimedOn: Date | null;
  quote: string | null;
  expectedText: string | null;
  afterEvent: string | null;
  afterText: string | null;
  relativeTo: Date | null;
  likelihoodText: string | null;
  organizations: string[];
  subjects: string[];
}

export function milestoneSnapshot(m: MilestoneFields): Snapshot {
  return {
    slug: m.slug,
    title: m.title,
    claim: m.claim,
    kind: m.kind,
    source: sourceRef(m.sourceId),
    claimedOn: dayText(m.claimedOn),
    quote: m.quote,
    expectedText: m.expectedText,
    afterEvent: m.afterEvent,
    afterText: m.afterText,
    relativeTo: dayText(m.relativeTo),
    likelihood: m.likelihoodText,
    organizations: [...m.organizations].sort(),
    subjects: [...m.subjects].sort(),
  };
}

export function milestoneRowFields(row: repo.MilestoneRow): MilestoneFields {
  return {
    ...row,
    afterEvent: row.afterEvent?.slug ?? null,
    organizations: slugsOf(row.organizations.map((o) => o.organization)),
    subjects: slugsOf(row.subjects.map((s) => s.subject)),
  };
}

async function resolve(ctx: WriteContext, input: MilestoneInput) {
  const errors: FieldErrors = {};
  const [named, known, afterEventId] = await Promise.all([
    resolveNamed(ctx.db, input, errors),
    repo.existingSourceIds(ctx.db, input.sourceId === null ? [] : [input.sourceId]),
    input.afterEvent ? repo.eventIdBySlug(ctx.db, input.afterEvent) : null,
  ]);
  if (input.sourceId !== null && !known.has(input.sourceId)) errors.source = 'The chosen source no longer exists.';
  if (input.afterEvent && afterEventId === null) errors.afterEvent = `There is no event “${input.afterEvent}”.`;
  if (Object.keys(errors).length) invalid(errors);
  return {
    organizationIds: named.organizations.map((o) => o.id),
    subjectIds: named.subjects.map((s) => s.id),
    afterEventId,
    searchText: milestoneSearchText(
      { ...input, expectedText: input.expected?.text ?? null },
      named.organizations.map(searchName),
      named.subjects.map(searchName),
    ),
  };
}

/** The span that places a claim on the timeline: its window, or the first day of an open-ended one. */
export function placementWindow(e: { start: Date | null; end: Date | null } | null): { start: Date; end: Date } | null {
  if (!e) return null;
  if (e.start && e.end) return { start: e.start, end: e.end };
  if (e.start) return { start: e.start, end: new Date(e.start.getTime() + DAY_MS) };
  if (e.end) return { start: new Date(e.end.getTime() - DAY_MS), end: e.end };
  return null;
}

function scalars(input: MilestoneInput, r: { afterEventId: number | null; searchText: string }) {
  const window = input.expected;
  return {
    title: input.title,
    claim: input.claim,
    kind: input.kind,
    sourceId: input.sourceId,
    claimedOn: input.claimedOn,
    quote: input.quote,
    expectedText: window?.text ?? null,
    windowStart: window?.start ?? null,
    windowEnd: window?.end ?? null,
    windowPrecision: window?.precision ?? null,
    expectedShape: window?.shape ?? 'window',
    relativeTo: window?.relativeTo ?? null,
    likelihoodLow: input.likelihood?.low ?? null,
    likelihoodHigh: input.likelihood?.high ?? null,
    likelihoodText: input.likelihood?.text ?? null,
    afterEventId: r.afterEventId,
    afterText: input.afterText,
    ...milestonePlacement(placementWindow(window), input.claimedOn),
    searchText: r.searchText,
  };
}

const fieldsOf = (input: MilestoneInput, slug: string): MilestoneFields => ({
  ...input,
  slug,
  expectedText: input.expected?.text ?? null,
  relativeTo: input.expected?.relativeTo ?? null,
  likelihoodText: input.likelihood?.text ?? null,
});

async function createSpec(ctx: WriteContext, input: MilestoneInput): Promise<CreateSpec> {
  const r = await resolve(ctx, input);
  return {
    type: 'milestone',
    slug: { model: 'milestone', given: input.slug, from: input.title },
    // A new claim starts upcoming; the flagging job moves it along.
    create: (slug, db) => repo.createMilestone(db, { slug, status: 'upcoming', ...scalars(input, r) }),
    links: (id, db) => repo.milestoneLinkOps(db, id, r.organizationIds, r.subjectIds, false),
    label: input.title,
    snapshot: (slug) => milestoneSnapshot(fieldsOf(input, slug)),
  };
}

export async function createMilestone(ctx: WriteContext, input: MilestoneInput) {
  return createAudited(ctx, await createSpec(ctx, input));
}

/** Several claims saved together: all checked first, then all written in one transaction, or none. */
export async function createMilestones(ctx: WriteContext, inputs: MilestoneInput[]) {
  const specs: CreateSpec[] = [];
  for (const input of inputs) specs.push(await createSpec(ctx, input));
  return createAllAudited(ctx, specs);
}

export async function updateMilestone(ctx: WriteContext, id: number, input: MilestoneInput) {
  const row = await repo.getMilestone(ctx.db, id);
  const r = await resolve(ctx, input);
  const slug = input.slug ?? row.slug;
  return updateAudited(ctx, {
    type: 'milestone',
    id,
    label: input.title,
    before: milestoneSnapshot(milestoneRowFields(row)),
    after: milestoneSnapshot(fieldsOf(input, slug)),
    slugModel: 'milestone',
    ops: [repo.updateMilestone(ctx.db, id, { slug, ...scalars(input, r) }), ...repo.milestoneLinkOps(ctx.db, id, r.organizationIds, r.subjectIds, true)],
  });
}

export async function deleteMilestone(ctx: WriteContext, id: number) {
  const row = await repo.getMilestone(ctx.db, id);
  await deleteAudited(ctx, { type: 'milestone', id, label: row.title, before: milestoneSnapshot(milestoneRowFields(row)) });
  return row;
}
