// Resolving and rescheduling claims, and the queue of claims awaiting a verdict.
import type { Db } from '../../platform/db.ts';
import { bumpContentVersion } from '../../platform/content-version.ts';
import { ConflictError, ValidationError } from '../../platform/errors.ts';
import { FORM_ERROR } from '../../platform/validation.ts';
import type { FuzzyDate } from '../dates/index.ts';
import { buildSearchText } from '../search/index.ts';
import { diff, writeAudit } from './audit.repo.ts';
import { claimVM, eventOptionVM, OUTCOME_LABELS, type ClaimVM, type EventOptionVM } from './milestones.mappers.ts';
import * as repo from './resolution.repo.ts';
import { DAY_MS, gapText, scoreClaim, scoreRelative, type Outcome } from './rules.ts';

const HAPPENED: readonly Outcome[] = ['met', 'early', 'late'];
const NEEDS_NOTE: readonly Outcome[] = ['partly_met', 'missed', 'withdrawn', 'unverifiable'];
const SUGGESTIONS = 5;
const NEAR_DAYS = 365;

/** The claim's id and title, for a handler holding its slug (NotFound otherwise). */
export async function claimBySlug(db: Db, slug: string): Promise<{ id: number; title: string }> {
  const m = await repo.getClaimBySlug(db, slug);
  return { id: m.id, title: m.title };
}

/** Where to look for the event that settled a claim: around its window, or after what it awaited. */
function searchRange(m: repo.ClaimRow): { from: Date; to: Date; center: { start: Date; end: Date } } {
  const near = NEAR_DAYS * DAY_MS;
  if (m.windowStart && m.windowEnd) {
    return {
      from: new Date(m.windowStart.getTime() - near),
      to: new Date(m.windowEnd.getTime() + near),
      center: { start: m.windowStart, end: m.windowEnd },
    };
  }
  const start = m.afterEvent?.dateStart ?? m.claimedOn ?? m.sortStart;
  return { from: start, to: new Date(start.getTime() + 2 * near), center: { start, end: start } };
}

function distance(e: repo.EventRow, c: { start: Date; end: Date }): number {
  if (e.dateStart < c.start) return c.start.getTime() - e.dateStart.getTime();
  if (e.dateStart >= c.end) return e.dateStart.getTime() - c.end.getTime();
  return 0;
}

/** Events about the same organizations or subjects, nearest to the window first. */
export async function suggestSettlingEvents(db: Db, m: repo.ClaimRow, take = SUGGESTIONS): Promise<repo.EventRow[]> {
  const organizationIds = m.organizations.map((o) => o.organizationId);
  const subjectIds = m.subjects.map((s) => s.subjectId);
  if (organizationIds.length === 0 && subjectIds.length === 0) return [];
  const range = searchRange(m);
  const rows = await repo.listEventsBetween(db, range, { organizationIds, subjectIds }, 200);
  return rows
    .map((e) => ({ e, d: distance(e, range.center) }))
    .sort((a, b) => a.d - b.d || a.e.dateStart.getTime() - b.e.dateStart.getTime() || a.e.id - b.e.id)
    .slice(0, take)
    .map((x) => x.e);
}

export interface QueueItemVM extends ClaimVM {
  suggestions: EventOptionVM[];
}

/** Due and overdue claims, oldest first, each with suggested settling events. */
export async function resolutionQueue(db: Db): Promise<QueueItemVM[]> {
  const rows = await repo.listAwaitingResolution(db);
  return Promise.all(
    rows.map(async (m) => ({ ...claimVM(m), suggestions: (await suggestSettlingEvents(db, m)).map(eventOptionVM) })),
  );
}

/** What the resolve form offers: the claim, suggested events, then other events near the window. */
export async function resolveFormData(db: Db, slug: string) {
  const m = await repo.getClaimBySlug(db, slug);
  const suggested = await suggestSettlingEvents(db, m);
  const near = await repo.listEventsBetween(db, searchRange(m), null, 100);
  const seen = new Set(suggested.map((e) => e.id));
  const current = m.settledByEventId && !seen.has(m.settledByEventId) ? await repo.findEvent(db, m.settledByEventId) : null;
  const others = [...(current ? [current] : []), ...near.filter((e) => !seen.has(e.id) && e.id !== current?.id)];
  return {
    claim: claimVM(m),
    resolved: m.status === 'resolved',
    current: { outcome: m.outcome, settledByEventId: m.settledByEventId, note: m.resolutionNote },
    suggested: suggested.map(eventOptionVM),
    others: others.map(eventOptionVM),
  };
}

export interface ResolveInput {
  milestoneId: number;
  outcome: Outcome;
  settledByEventId?: number | null;
  note?: string;
  /** Replace an existing resolution; without it a resolved claim is refused. */
  replace?: boolean;
}

export interface ResolveResult {
  slug: string;
  outcome: Outcome;
  gapDays: number | null;
  /** Set when the settling event is about another organization. */
  warning: string | null;
  /** "Met", "Early (early by 147 days)" */
  summary: string;
}

/**
 * Resolves a claim. Met, early and late are one choice, "it happened": the settling event's date
 * decides which, and the gap. Partly met needs an event and a note; missed, withdrawn and
 * unverifiable need a note. An event about another organization is allowed with a note, and the
 * warning is kept in the note.
 */
export async function resolveMilestone(db: Db, input: ResolveInput, now: Date, userId: number | null): Promise<ResolveResult> {
  const m = await repo.getClaim(db, input.milestoneId);
  const note = (input.note ?? '').trim();
  const errors: Record<string, string> = {};

  if (m.status === 'resolved' && !input.replace) {
    errors.replace = `This claim is already resolved (${OUTCOME_LABELS[m.outcome ?? ''] ?? m.outcome}). Tick the box to replace that verdict.`;
  }
  const event = input.settledByEventId ? await repo.findEvent(db, input.settledByEventId) : null;
  if (input.settledByEventId && !event) errors.settledByEventId = 'That event does not exist (any more). Choose another.';
  const happened = HAPPENED.includes(input.outcome);
  if (!input.settledByEventId && (happened || input.outcome === 'partly_met')) {
    errors.settledByEventId = happened
      ? 'Choose the event that settled the claim: met, early or late is worked out from its date.'
      : 'Choose the event that partly settled the claim.';
  }
  if (NEEDS_NOTE.includes(input.outcome) && !note) {
    errors.note = `Say why the claim is ${OUTCOME_LABELS[input.outcome]!.toLowerCase()}.`;
  }

  let warning: string | null = null;
  if (event && m.organizations.length > 0) {
    const claimOrgs = new Set(m.organizations.map((o) => o.organizationId));
    if (!event.organizations.some((o) => claimOrgs.has(o.organizationId))) {
      const theirs = event.organizations.map((o) => o.organization.name).join(', ') || 'no organization';
      const ours = m.organizations.map((o) => o.organization.name).join(', ');
      warning = `The settling event "${event.title}" is about ${theirs}, not ${ours}.`;
      if (!note) errors.note ??= `${warning} Say in the note why it settles the claim.`;
    }
  }
  if (Object.keys(errors).length > 0) throw new ValidationError('The resolution is incomplete.', errors);

  let outcome = input.outcome;
  let gapDays: number | null = null;
  if (happened && event) {
    const e = { start: event.dateStart, end: event.dateEnd };
    // Scored by the shape of the expected date (docs/decisions/0018); a plain window scores as before.
    const score =
      (m.windowStart || m.windowEnd ? scoreClaim(m.expectedShape, { start: m.windowStart, end: m.windowEnd }, e) : null) ??
      (m.afterEvent ? scoreRelative(m.afterEvent.dateStart, e) : { outcome: 'met' as const, gapDays: 0 });
    outcome = score.outcome;
    gapDays = score.outcome === 'met' ? null : score.gapDays;
  }

  const data = {
    outcome,
    gapDays,
    settledByEventId: event?.id ?? null,
    resolutionNote: [note, warning ? `Warning: ${warning}` : ''].filter(Boolean).join('\n\n') || null,
    resolvedAt: now,
    resolvedById: userId,
  };
  if (!(await repo.markResolved(db, m.id, Boolean(input.replace), data))) {
    throw new ConflictError('Someone resolved this claim meanwhile. Reload the page to see their verdict.');
  }
  await writeAudit(db, {
    at: now,
    userId,
    action: 'update',
    entityType: 'milestone',
    entityId: m.id,
    entityLabel: m.title,
    changes: diff(
      { status: m.status, outcome: m.outcome, gapDays: m.gapDays, settledByEventId: m.settledByEventId, resolutionNote: m.resolutionNote },
      { status: 'resolved', outcome, gapDays, settledByEventId: data.settledByEventId, resolutionNote: data.resolutionNote },
    ),
  });
  await bumpContentVersion(db);
  const gap = outcome === 'early' || outcome === 'late' ? gapText(gapDays) : null;
  return { slug: m.slug, outcome, gapDays, warning, summary: `${OUTCOME_LABELS[outcome]}${gap ? ` (${gap})` : ''}` };
}

export async function rescheduleFormData(db: Db, slug: string) {
  const m = await repo.getClaimBySlug(db, slug);
  const sources = await repo.listSources(db);
  return {
    claim: claimVM(m),
    defaults: { title: m.title, claim: m.claim },
    sources: sources.map((s) => ({ value: String(s.id), label: `${s.publisher}: ${s.title}` })),
  };
}

export interface RescheduleInput {
  milestoneId: number;
  title: string;
  claim: string;
  expected: FuzzyDate;
  sourceId: number;
  claimedOn: Date;
  quote: string;
}

async function revisionSlug(db: Db, slug: string): Promise<string> {
  const base = `${slug.replace(/-revised(-\d+)?$/, '')}-revised`;
  const taken = await repo.slugsStartingWith(db, base);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/**
 * Records that a later source moved the expected date: a new claim revising the old one. The old
 * claim keeps its window, status and history, and is still scored against its own window.
 */
export async function rescheduleMilestone(db: Db, input: RescheduleInput, now: Date, userId: number | null) {
  const old = await repo.getClaim(db, input.milestoneId);
  if (old.revisedBy) {
    throw new ValidationError('Already revised.', {
      [FORM_ERROR]: `This claim was already revised by "${old.revisedBy.title}": reschedule that one instead.`,
    });
  }
  if (!(await repo.sourceExists(db, input.sourceId))) {
    throw new ValidationError('Unknown source.', { sourceId: 'Choose a source from the list.' });
  }
  const w = input.expected;
  const searchText = buildSearchText([
    input.title,
    input.claim,
    input.quote,
    w.text,
    ...old.organizations.map((o) => o.organization.name),
    ...old.subjects.map((s) => s.subject.name),
  ]);
  const created = await repo.createRevision(db, {
    slug: await revisionSlug(db, old.slug),
    title: input.title,
    claim: input.claim,
    kind: 'dated',
    sourceId: input.sourceId,
    claimedOn: input.claimedOn,
    quote: input.quote || null,
    expectedText: w.text,
    windowStart: w.start,
    windowEnd: w.end,
    windowPrecision: w.precision,
    status: 'upcoming',
    revisesId: old.id,
    sortStart: w.start,
    sortEnd: w.end,
    searchText,
    createdAt: now,
    organizations: { create: old.organizations.map((o) => ({ organizationId: o.organizationId })) },
    subjects: { create: old.subjects.map((s) => ({ subjectId: s.subjectId })) },
  });
  await writeAudit(db, {
    at: now,
    userId,
    action: 'create',
    entityType: 'milestone',
    entityId: created.id,
    entityLabel: created.title,
    changes: diff({}, { revisesId: old.id, expectedText: w.text, sourceId: input.sourceId, claimedOn: input.claimedOn }),
  });
  await bumpContentVersion(db);
  return created;
}
