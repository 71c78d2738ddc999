// Loads the seed (prisma/seed/data.ts) into the database. Idempotent: rows are matched by
// their natural keys (slugs; sources by publisher + title; discrepancies by source + claim),
// updated in place, and join rows are replaced to match the data. Running it twice leaves the
// same rows with the same values (only `updatedAt` moves).
//
// No interactive transactions: SQLite's driver adapter queues them. Each record's writes are
// sequential awaits or one array-form $transaction.

import { seedData, type MilestoneSeed, type SeedData } from '../../../prisma/seed/data.ts';
import type { Db } from '../../platform/db.ts';
import { parseFuzzyDate, type FuzzyDate } from '../dates/index.ts';
import { eventSearchText, milestonePlacement, milestoneSearchText } from '../content/index.ts';
import { scoreResolution, statusAt } from '../milestones/index.ts';

export type SeedReport = {
  organizations: number;
  subjects: number;
  sources: number;
  events: number;
  milestones: number;
};


/** True when the database holds no organization and no event (a fresh install). */
export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const [organizations, events] = await Promise.all([db.organization.count(), db.event.count()]);
  return organizations === 0 && events === 0;
}

export async function seedDatabase(db: Db, data: SeedData = seedData, now: Date = new Date()): Promise<SeedReport> {
  validateSeed(data);

  // Organizations
  const orgIds = new Map<string, number>();
  const orgNames = new Map<string, string>();
  for (const o of data.organizations) {
    const fields = { name: o.name, website: o.website, description: o.description };
    const row = await db.organization.upsert({ where: { slug: o.slug }, create: { slug: o.slug, ...fields }, update: fields });
    orgIds.set(o.slug, row.id);
    orgNames.set(o.slug, o.name);
  }

  // Subjects
  const subjectIds = new Map<string, number>();
  const subjectNames = new Map<string, string>();
  for (const s of data.subjects) {
    const fields = { name: s.name, kind: s.kind, description: s.description };
    const row = await db.subject.upsert({ where: { slug: s.slug }, create: { slug: s.slug, ...fields }, update: fields });
    subjectIds.set(s.slug, row.id);
    subjectNames.set(s.slug, s.name);
    await db.$transaction([
      db.subjectOrganization.deleteMany({ where: { subjectId: row.id } }),
      db.subjectOrganization.createMany({
        data: unique(s.organizations).map((slug) => ({ subjectId: row.id, organizationId: need(orgIds, slug) })),
      }),
    ]);
  }

  // Tags
  const tagIds = new Map<string, number>();
  const tagNames = new Map<string, string>();
  for (const t of data.tags) {
    const row = await db.tag.upsert({ where: { slug: t.slug }, create: { slug: t.slug, name: t.name }, update: { name: t.name } });
    tagIds.set(t.slug, row.id);
    tagNames.set(t.slug, t.name);
  }

  // Sources: first the rows, then the links between them, then their discrepancies.
  const sourceIds = new Map<string, number>();
  for (const s of data.sources) {
    const fields = {
      url: s.url,
      publishedOn: s.publishedOn === null ? null : utcDay(s.publishedOn),
      language: s.language,
      isPrimary: s.isPrimary,
    };
    const existing = await db.source.findFirst({ where: { publisher: s.publisher, title: s.title }, orderBy: { id: 'asc' } });
    const row = existing
      ? await db.source.update({ where: { id: existing.id }, data: fields })
      : await db.source.create({ data: { publisher: s.publisher, title: s.title, ...fields } });
    sourceIds.set(s.key, row.id);
  }
  for (const s of data.sources) {
    const id = need(sourceIds, s.key);
    await db.source.update({ where: { id }, data: { citesId: s.citesKey ? need(sourceIds, s.citesKey) : null } });
    for (const d of s.discrepancies ?? []) {
      const existing = await db.discrepancy.findFirst({ where: { sourceId: id, claim: d.claim }, orderBy: { id: 'asc' } });
      if (existing) {
        if (existing.correction !== d.correction) {
          await db.discrepancy.update({ where: { id: existing.id }, data: { correction: d.correction } });
        }
      } else {
        await db.discrepancy.create({ data: { sourceId: id, claim: d.claim, correction: d.correction } });
      }
    }
  }

  // Events
  const eventIds = new Map<string, number>();
  const eventDates = new Map<string, FuzzyDate>();
  for (const e of data.events) {
    const date = parseFuzzyDate(e.dateText);
    const searchText = eventSearchText(
      e.title,
      e.summary,
      e.organizations.map((slug) => need(orgNames, slug)),
      e.subjects.map((slug) => need(subjectNames, slug)),
      e.tags.map((slug) => need(tagNames, slug)),
    );
    const fields = {
      title: e.title,
      summary: e.summary,
      kind: e.kind,
      confidence: e.confidence,
      dateStart: date.start,
      dateEnd: date.end,
      datePrecision: date.precision,
      dateText: date.text,
      searchText,
    };
    const row = await db.event.upsert({ where: { slug: e.slug }, create: { slug: e.slug, ...fields }, update: fields });
    eventIds.set(e.slug, row.id);
    eventDates.set(e.slug, date);
    const eventId = row.id;
    await db.$transaction([
      db.eventOrganization.deleteMany({ where: { eventId } }),
      db.eventSubject.deleteMany({ where: { eventId } }),
      db.eventSource.deleteMany({ where: { eventId } }),
      db.eventTag.deleteMany({ where: { eventId } }),
      db.eventOrganization.createMany({
        data: unique(e.organizations).map((slug) => ({ eventId, organizationId: need(orgIds, slug) })),
      }),
      db.eventSubject.createMany({ data: unique(e.subjects).map((slug) => ({ eventId, subjectId: need(subjectIds, slug) })) }),
      db.eventSource.createMany({
        data: e.sources.map((s, position) => ({
          eventId,
          sourceId: need(sourceIds, s.sourceKey),
          quote: s.quote ?? null,
          position,
        })),
      }),
      db.eventTag.createMany({ data: unique(e.tags).map((slug) => ({ eventId, tagId: need(tagIds, slug) })) }),
    ]);
  }

  // Milestones
  for (const m of data.milestones) {
    const derived = deriveMilestone(m, eventDates, now);
    const searchText = milestoneSearchText(
      {
        title: m.title,
        claim: m.claim,
        quote: m.quote,
        expectedText: m.kind === 'dated' ? m.expectedText : null,
        afterText: m.kind === 'relative' ? m.afterText : null,
      },
      m.organizations.map((slug) => need(orgNames, slug)),
      m.subjects.map((slug) => need(subjectNames, slug)),
    );
    const fields = {
      title: m.title,
      claim: m.claim,
      kind: m.kind,
      sourceId: need(sourceIds, m.sourceKey),
      claimedOn: utcDay(m.claimedOn),
      quote: m.quote,
      expectedText: m.kind === 'dated' ? m.expectedText : null,
      windowStart: derived.window?.start ?? null,
      windowEnd: derived.window?.end ?? null,
      windowPrecision: derived.window?.precision ?? null,
      afterEventId: m.kind === 'relative' ? need(eventIds, m.afterEventSlug) : null,
      afterText: m.kind === 'relative' ? m.afterText : null,
      status: derived.status,
      dueAt: derived.dueAt,
      outcome: m.outcome ?? null,
      gapDays: derived.gapDays,
      settledByEventId: m.settledByEventSlug ? need(eventIds, m.settledByEventSlug) : null,
      resolutionNote: m.resolutionNote ?? null,
      resolvedAt: m.resolvedAt ? utcDay(m.resolvedAt) : null,
      sortStart: derived.sortStart,
      sortEnd: derived.sortEnd,
      searchText,
    };
    const row = await db.milestone.upsert({ where: { slug: m.slug }, create: { slug: m.slug, ...fields }, update: fields });
    const milestoneId = row.id;
    await db.$transaction([
      db.milestoneOrganization.deleteMany({ where: { milestoneId } }),
      db.milestoneSubject.deleteMany({ where: { milestoneId } }),
      db.milestoneOrganization.createMany({
        data: unique(m.organizations).map((slug) => ({ milestoneId, organizationId: need(orgIds, slug) })),
      }),
      db.milestoneSubject.createMany({
        data: unique(m.subjects).map((slug) => ({ milestoneId, subjectId: need(subjectIds, slug) })),
      }),
    ]);
  }

  const [organizations, subjects, sources, events, milestones] = await Promise.all([
    db.organization.count(),
    db.subject.count(),
    db.source.count(),
    db.event.count(),
    db.milestone.count(),
  ]);
  return { organizations, subjects, sources, events, milestones };
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
export function deriveMilestone(m: MilestoneSeed, eventDates: ReadonlyMap<string, FuzzyDate>, now: Date): DerivedMilestone {
  const window = m.kind === 'dated' ? parseFuzzyDate(m.expectedText) : null;
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
  const date = (where: string, text: string): void => {
    try {
      parseFuzzyDate(text);
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
    if (m.kind === 'dated') date(where, m.expectedText);
    if (m.kind === 'relative') refs(where, 'event', events, [m.afterEventSlug]);
    if (m.settledByEventSlug !== undefined) refs(where, 'event', events, [m.settledByEventSlug]);
    if ((m.outcome === 'early' || m.outcome === 'late') && m.settledByEventSlug === undefined) {
      problems.push(`${where}: outcome "${m.outcome}" needs a settling event`);
    }
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

function need<V>(map: ReadonlyMap<string, V>, key: string): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`seed: unknown reference "${key}"`);
  return value;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
