// Loads the seed (prisma/seed/data.ts) into the database as an import of a known file: the seed
// data becomes the import format (src/features/content/transfer) and goes through importData,
// so a seed gets the same checks, the same one-step write and the same audit history as any
// import. Records are matched by their natural keys (slugs; sources by publisher + title), so
// on a database that holds an earlier seed the records are updated in place, never duplicated;
// sources the seed has dropped (`retiredSources`) are then deleted if nothing refers to them.
// Running it twice changes nothing the second time (the import finds every row unchanged).

import { seedData, type MilestoneSeed, type SeedData } from '../../../prisma/seed/data.ts';
import type { Db } from '../../platform/db.ts';
import { ConflictError } from '../../platform/errors.ts';
import { parseFuzzyDate, tryParseClaimDate, type FuzzyDate, type Precision } from '../dates/index.ts';
import { deleteSource, importData, milestonePlacement, type ImportReport, type WriteContext } from '../content/index.ts';
import { scoreResolution, statusAt } from '../milestones/index.ts';
import { countContent, findSourceIds } from './seed.repo.ts';

export type SeedReport = {
  organizations: number;
  subjects: number;
  sources: number;
  events: number;
  milestones: number;
};

/** True when the database holds no organization and no event (a fresh install). */
export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const { organizations, events } = await countContent(db);
  return organizations === 0 && events === 0;
}

export async function seedDatabase(db: Db, data: SeedData = seedData, now: Date = new Date()): Promise<SeedReport> {
  validateSeed(data);
  const ctx: WriteContext = { db, now, userId: null };
  const result = await importData(ctx, JSON.stringify(seedFile(data, now)), { format: 'json', dryRun: false });
  if (!result.ok) throw new Error(`The seed was refused by the import:\n- ${describeErrors(result)}`);
  for (const retired of data.retiredSources ?? []) {
    for (const id of await findSourceIds(db, retired.publisher, retired.title)) {
      try {
        await deleteSource(ctx, id);
      } catch (err) {
        // Someone's own records cite it: it stays, and so does their link.
        if (!(err instanceof ConflictError)) throw err;
      }
    }
  }
  return countContent(db);
}

function describeErrors(result: ImportReport): string {
  return result.errors.map((e) => `${e.entity} ${e.row} ${e.field}: ${e.message}`).join('\n- ');
}

/** The seed data in the import format, with each claim's status, due date and gap worked out at `now`. */
export function seedFile(data: SeedData, now: Date) {
  const eventDates = new Map(data.events.map((e) => [e.slug, parseFuzzyDate(e.dateText)]));
  return {
    organizations: data.organizations.map((o) => ({ slug: o.slug, name: o.name, website: o.website, description: o.description, aliases: o.aliases ?? [] })),
    subjects: data.subjects.map((s) => ({ slug: s.slug, name: s.name, kind: s.kind, description: s.description, organizations: s.organizations })),
    tags: data.tags.map((t) => ({ slug: t.slug, name: t.name })),
    sources: data.sources.map((s) => ({
      key: s.key,
      publisher: s.publisher,
      title: s.title,
      url: s.url,
      publishedOn: s.publishedOn,
      language: s.language,
      isPrimary: s.isPrimary,
      cites: s.citesKey ?? null,
      discrepancies: s.discrepancies ?? [],
    })),
    events: data.events.map((e) => ({
      slug: e.slug,
      title: e.title,
      summary: e.summary,
      kind: e.kind,
      confidence: e.confidence,
      date: e.dateText,
      organizations: e.organizations,
      subjects: e.subjects,
      tags: e.tags,
      sources: e.sources.map((s) => ({ source: s.sourceKey, quote: s.quote ?? null })),
    })),
    milestones: data.milestones.map((m) => {
      const derived = deriveMilestone(m, eventDates, now);
      return {
        slug: m.slug,
        title: m.title,
        claim: m.claim,
        kind: m.kind,
        source: m.sourceKey,
        claimedOn: m.claimedOn,
        quote: m.quote,
        expectedText: m.kind === 'dated' ? m.expectedText : null,
        relativeTo: m.kind === 'dated' ? m.claimedOn : null,
        likelihood: null,
        afterEvent: m.kind === 'relative' ? m.afterEventSlug : null,
        afterText: m.kind === 'relative' ? m.afterText : null,
        status: derived.status,
        dueAt: derived.dueAt?.toISOString() ?? null,
        outcome: m.outcome ?? null,
        gapDays: derived.gapDays,
        settledBy: m.settledByEventSlug ?? null,
        resolutionNote: m.resolutionNote ?? null,
        resolvedAt: m.resolvedAt ? `${m.resolvedAt}T00:00:00.000Z` : null,
        revises: null,
        organizations: m.organizations,
        subjects: m.subjects,
        transitions: [],
      };
    }),
  };
}

// ---------------------------------------------------------------------------
// Derived milestone fields

export type MilestoneStatus = 'upcoming' | 'due' | 'overdue' | 'resolved';

export interface DerivedMilestone {
  /** The due window, for dated milestones. */
  window: FuzzyDate | null;
  status: MilestoneStatus;
  dueAt: Date | null;
  gapDays: number | null;
  sortStart: Date;
  sortEnd: Date;
}

/**
 * Window, status, due date, gap and sort position of a seeded milestone.
 * `eventDates` holds the dates of the events known so far, by slug.
 */
/**
 * A seeded claim's window: its words as the source wrote them ("qu’on attend en mai 2024"), read
 * by the claim grammar against the day the claim was made, as the form and the import read them.
 * Seeded claims are windows; any other reading is a mistake in the seed.
 */
export function seedWindow(expectedText: string, claimedOn: string): FuzzyDate {
  const r = tryParseClaimDate(expectedText, { relativeTo: utcDay(claimedOn) });
  if (!r.ok) throw new Error(r.error);
  const { start, end, precision } = r.value;
  if (!start || !end) throw new Error(`"${expectedText}" is not a closed window (it reads as a ${r.value.shape})`);
  return { start, end, precision: precision as Precision, text: expectedText };
}

export function deriveMilestone(m: MilestoneSeed, eventDates: ReadonlyMap<string, FuzzyDate>, now: Date): DerivedMilestone {
  const window = m.kind === 'dated' ? seedWindow(m.expectedText, m.claimedOn) : null;
  const claimedOn = utcDay(m.claimedOn);
  const { sortStart, sortEnd } = milestonePlacement(window, claimedOn);

  const status: MilestoneStatus = statusAt(
    {
      outcome: m.outcome ?? null,
      windowStart: window?.start ?? null,
      windowEnd: window?.end ?? null,
      afterEventStart: m.kind === 'relative' ? (eventDates.get(m.afterEventSlug)?.start ?? null) : null,
    },
    now,
  );
  const dueAt = window && status !== 'upcoming' ? window.start : null;

  const settled = m.settledByEventSlug ? eventDates.get(m.settledByEventSlug) : undefined;
  const gapDays =
    window && settled && (m.outcome === 'early' || m.outcome === 'late') ? scoreResolution(window, settled).gapDays : null;

  return { window, status, dueAt, gapDays, sortStart, sortEnd };
}

// ---------------------------------------------------------------------------
// Validation and helpers

/** Throws one error listing every broken reference, duplicate key, bad URL or bad date. */
export function validateSeed(data: SeedData): void {
  const problems: string[] = [];
  const keys = (label: string, values: string[]): Set<string> => {
    const seen = new Set<string>();
    for (const v of values) {
      if (seen.has(v)) problems.push(`duplicate ${label} "${v}"`);
      seen.add(v);
    }
    return seen;
  };
  const orgs = keys('organization slug', data.organizations.map((o) => o.slug));
  const subjects = keys('subject slug', data.subjects.map((s) => s.slug));
  const tags = keys('tag slug', data.tags.map((t) => t.slug));
  const sources = keys('source key', data.sources.map((s) => s.key));
  keys('source publisher + title', data.sources.map((s) => `${s.publisher} | ${s.title}`));
  const events = keys('event slug', data.events.map((e) => e.slug));
  keys('milestone slug', data.milestones.map((m) => m.slug));

  const refs = (where: string, label: string, known: Set<string>, values: readonly string[]): void => {
    for (const v of values) if (!known.has(v)) problems.push(`${where}: unknown ${label} "${v}"`);
  };
  const date = (where: string, text: string, claimedOn?: string): void => {
    try {
      if (claimedOn === undefined) parseFuzzyDate(text);
      else seedWindow(text, claimedOn);
    } catch (err) {
      problems.push(`${where}: ${(err as Error).message}`);
    }
  };
  const day = (where: string, text: string): void => {
    if (!isUtcDay(text)) problems.push(`${where}: "${text}" is not a YYYY-MM-DD date`);
  };
  const httpUrl = (where: string, url: string | null): void => {
    if (url !== null && !isHttpUrl(url)) problems.push(`${where}: "${url}" is not an http(s) URL`);
  };

  for (const o of data.organizations) httpUrl(`organization ${o.slug}`, o.website);
  for (const s of data.subjects) refs(`subject ${s.slug}`, 'organization', orgs, s.organizations);
  for (const s of data.sources) {
    httpUrl(`source ${s.key}`, s.url);
    if (s.publishedOn !== null) day(`source ${s.key}`, s.publishedOn);
    if (s.citesKey !== undefined) refs(`source ${s.key}`, 'source', sources, [s.citesKey]);
    if (s.citesKey === s.key) problems.push(`source ${s.key} cites itself`);
  }
  for (const e of data.events) {
    const where = `event ${e.slug}`;
    date(where, e.dateText);
    refs(where, 'organization', orgs, e.organizations);
    refs(where, 'subject', subjects, e.subjects);
    refs(where, 'tag', tags, e.tags);
    refs(where, 'source', sources, e.sources.map((s) => s.sourceKey));
    if (e.sources.length === 0) problems.push(`${where} has no source`);
    keys(`source of ${where}`, e.sources.map((s) => s.sourceKey));
  }
  for (const m of data.milestones) {
    const where = `milestone ${m.slug}`;
    refs(where, 'organization', orgs, m.organizations);
    refs(where, 'subject', subjects, m.subjects);
    refs(where, 'source', sources, [m.sourceKey]);
    day(where, m.claimedOn);
    if (m.resolvedAt !== undefined) day(where, m.resolvedAt);
    if (m.kind === 'dated' && isUtcDay(m.claimedOn)) date(where, m.expectedText, m.claimedOn);
    if (m.kind === 'relative') refs(where, 'event', events, [m.afterEventSlug]);
    if (m.settledByEventSlug !== undefined) refs(where, 'event', events, [m.settledByEventSlug]);
    if ((m.outcome === 'early' || m.outcome === 'late') && m.settledByEventSlug === undefined) {
      problems.push(`${where}: outcome "${m.outcome}" needs a settling event`);
    }
  }
  const kept = new Set(data.sources.map((s) => `${s.publisher} | ${s.title}`));
  for (const r of data.retiredSources ?? []) {
    if (kept.has(`${r.publisher} | ${r.title}`)) problems.push(`retired source "${r.publisher} | ${r.title}" is still in the sources`);
  }
  if (problems.length > 0) throw new Error(`Invalid seed data:\n- ${problems.join('\n- ')}`);
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function isUtcDay(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === text;
}

/** 'YYYY-MM-DD' as UTC midnight. */
function utcDay(text: string): Date {
  if (!isUtcDay(text)) throw new Error(`"${text}" is not a YYYY-MM-DD date`);
  return new Date(`${text}T00:00:00.000Z`);
}
