import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../../test/helpers/db.ts';
import { seedData } from '../../../prisma/seed/data.ts';
import type { Db } from '../../platform/db.ts';
import { parseFuzzyDate } from '../dates/index.ts';
import { isDatabaseEmpty, seedDatabase, type SeedReport } from './index.ts';

const NOW = new Date('2025-01-15T00:00:00.000Z');
const FRENCH_ARTICLE_TITLE = 'Meta ambitionne de surpasser ChatGPT 4 avec son prochain modèle d’IA';

/** Every table the seed writes, without ids and timestamps, in a stable order. */
async function snapshot(db: Db): Promise<Record<string, unknown>> {
  const strip = <T extends object>(rows: T[]): unknown[] =>
    rows.map((row) => {
      const { createdAt: _c, updatedAt: _u, ...rest } = row as T & { createdAt?: unknown; updatedAt?: unknown };
      return rest;
    });
  return {
    organizations: strip(await db.organization.findMany({ orderBy: { id: 'asc' } })),
    subjects: strip(await db.subject.findMany({ orderBy: { id: 'asc' } })),
    subjectOrganizations: await db.subjectOrganization.findMany({ orderBy: [{ subjectId: 'asc' }, { organizationId: 'asc' }] }),
    tags: await db.tag.findMany({ orderBy: { id: 'asc' } }),
    sources: strip(await db.source.findMany({ orderBy: { id: 'asc' } })),
    discrepancies: strip(await db.discrepancy.findMany({ orderBy: { id: 'asc' } })),
    events: strip(await db.event.findMany({ orderBy: { id: 'asc' } })),
    eventOrganizations: await db.eventOrganization.findMany({ orderBy: [{ eventId: 'asc' }, { organizationId: 'asc' }] }),
    eventSubjects: await db.eventSubject.findMany({ orderBy: [{ eventId: 'asc' }, { subjectId: 'asc' }] }),
    eventSources: await db.eventSource.findMany({ orderBy: [{ eventId: 'asc' }, { sourceId: 'asc' }] }),
    eventTags: await db.eventTag.findMany({ orderBy: [{ eventId: 'asc' }, { tagId: 'asc' }] }),
    milestones: strip(await db.milestone.findMany({ orderBy: { id: 'asc' } })),
    milestoneOrganizations: await db.milestoneOrganization.findMany({
      orderBy: [{ milestoneId: 'asc' }, { organizationId: 'asc' }],
    }),
    milestoneSubjects: await db.milestoneSubject.findMany({ orderBy: [{ milestoneId: 'asc' }, { subjectId: 'asc' }] }),
  };
}

describe('seedDatabase', () => {
  let t: TestDb;
  let report: SeedReport;

  beforeAll(async () => {
    t = await createTestDb();
    report = await seedDatabase(t.db, seedData, NOW);
  });

  afterAll(async () => {
    await t.close();
  });

  it('when the seed has run, then the report counts every record of the seed data', () => {
    expect(report).toEqual({
      organizations: seedData.organizations.length,
      subjects: seedData.subjects.length,
      sources: seedData.sources.length,
      events: seedData.events.length,
      milestones: seedData.milestones.length,
    });
  });

  it('when the seed has run, then every event of facts.md exists at its date and precision', async () => {
    // The events table of ../shared/seed/facts.md: slug, day.
    const expected: [slug: string, day: string][] = [
      ['nvidia-h100-announced', '2022-03-22'],
      ['midjourney-open-beta', '2022-07-12'],
      ['nvidia-h100-full-production', '2022-09-20'],
      ['chatgpt-launch', '2022-11-30'],
      ['bard-announced', '2023-02-06'],
      ['gpt-4-release', '2023-03-14'],
      ['bard-opens-us-uk', '2023-03-21'],
      ['adobe-firefly-beta', '2023-03-21'],
      ['meta-cm3leon-announced', '2023-07-14'],
      ['llama-2-release', '2023-07-18'],
      ['audiocraft-release', '2023-08-02'],
      ['falcon-180b-release', '2023-09-06'],
      ['wsj-meta-next-model-report', '2023-09-10'],
      ['adobe-firefly-general-availability', '2023-09-13'],
      ['meta-ai-assistant-launch', '2023-09-27'],
      ['gemini-launch', '2023-12-06'],
      ['llama-3-training-confirmed', '2024-01-18'],
      ['bard-renamed-gemini', '2024-02-08'],
      ['llama-3-release', '2024-04-18'],
      ['llama-3-1-405b-release', '2024-07-23'],
    ];
    const rows = await t.db.event.findMany();
    expect(rows.map((r) => r.slug).sort()).toEqual(expected.map(([slug]) => slug).sort());
    for (const [slug, day] of expected) {
      const row = rows.find((r) => r.slug === slug)!;
      expect({ slug, start: row.dateStart.toISOString(), precision: row.datePrecision, text: row.dateText }).toEqual({
        slug,
        start: `${day}T00:00:00.000Z`,
        precision: 'day',
        text: day,
      });
      expect(row.dateEnd.getTime() - row.dateStart.getTime()).toBe(86_400_000);
    }

    const llama2 = rows.find((r) => r.slug === 'llama-2-release')!;
    expect(llama2.dateStart.toISOString()).toBe('2023-07-18T00:00:00.000Z');
    expect(llama2.datePrecision).toBe('day');
    const gemini = rows.find((r) => r.slug === 'gemini-launch')!;
    expect(gemini.dateStart.toISOString()).toBe('2023-12-06T00:00:00.000Z');
    expect(gemini.dateEnd.toISOString()).toBe('2023-12-07T00:00:00.000Z');
  });

  it('when the seed has run, then each event links its organizations, subjects, tags and a searchable text', async () => {
    const llama2 = await t.db.event.findUniqueOrThrow({
      where: { slug: 'llama-2-release' },
      include: {
        organizations: { include: { organization: true } },
        subjects: { include: { subject: true } },
        tags: { include: { tag: true } },
      },
    });
    expect(llama2.organizations.map((o) => o.organization.slug).sort()).toEqual(['meta', 'microsoft']);
    expect(llama2.subjects.map((s) => s.subject.slug).sort()).toEqual(['azure', 'llama-2']);
    expect(llama2.tags.map((x) => x.tag.slug).sort()).toEqual(['llm', 'open-weights', 'partnership']);
    expect(llama2.searchText).toContain('microsoft');
    expect(llama2.searchText).toContain('open weights');
    expect(llama2.searchText).toBe(llama2.searchText.toLowerCase());
  });

  it('when the seed has run, then the French article cites the WSJ report and carries three discrepancies', async () => {
    const article = await t.db.source.findFirstOrThrow({
      where: { title: FRENCH_ARTICLE_TITLE },
      include: { cites: true, discrepancies: true },
    });
    expect(article.language).toBe('fr');
    expect(article.isPrimary).toBe(false);
    expect(article.cites?.publisher).toBe('The Wall Street Journal');
    expect(article.cites?.publishedOn?.toISOString()).toBe('2023-09-10T00:00:00.000Z');
    expect(article.cites?.isPrimary).toBe(true);
    expect(article.discrepancies).toHaveLength(3);
    const text = article.discrepancies.map((d) => `${d.claim} ${d.correction}`).join('\n');
    expect(text).toMatch(/Azure/);
    expect(text).toMatch(/Research SuperCluster/);
    expect(text).toMatch(/May 2024/);
    expect(text).toMatch(/2023-12-06/);
    expect(text).toMatch(/twice/);
    expect(text).toMatch(/several times/);
  });

  it('when the seed has run, then the Gemini "mai 2024" milestone is resolved early by 147 days, settled by the Gemini launch', async () => {
    const m = await t.db.milestone.findUniqueOrThrow({ where: { slug: 'google-gemini-may-2024' }, include: { settledBy: true } });
    expect(m.expectedText).toBe('mai 2024');
    expect(m.windowStart?.toISOString()).toBe('2024-05-01T00:00:00.000Z');
    expect(m.windowEnd?.toISOString()).toBe('2024-06-01T00:00:00.000Z');
    expect(m.windowPrecision).toBe('month');
    expect(m.status).toBe('resolved');
    expect(m.outcome).toBe('early');
    expect(m.gapDays).toBe(-147);
    expect(m.settledBy?.slug).toBe('gemini-launch');
    expect(m.dueAt?.toISOString()).toBe('2024-05-01T00:00:00.000Z');
  });

  it('when the seed has run, then the training-start milestone has window [2024-01-01, 2024-05-01) and is met', async () => {
    const m = await t.db.milestone.findUniqueOrThrow({
      where: { slug: 'meta-next-model-training-early-2024' },
      include: { settledBy: true, source: true },
    });
    expect(m.expectedText).toBe('début 2024');
    expect(m.windowStart?.toISOString()).toBe('2024-01-01T00:00:00.000Z');
    expect(m.windowEnd?.toISOString()).toBe('2024-05-01T00:00:00.000Z');
    expect(m.sortStart.toISOString()).toBe('2024-01-01T00:00:00.000Z');
    expect(m.sortEnd.toISOString()).toBe('2024-05-01T00:00:00.000Z');
    expect(m.status).toBe('resolved');
    expect(m.outcome).toBe('met');
    expect(m.gapDays).toBeNull();
    expect(m.settledBy?.slug).toBe('llama-3-training-confirmed');
    expect(m.source?.publisher).toBe('The Wall Street Journal');
    expect(m.claimedOn?.toISOString()).toBe('2023-09-10T00:00:00.000Z');
    expect(m.resolvedAt?.toISOString()).toBe('2024-07-31T00:00:00.000Z');
  });

  it('when the seed has run, then relative and attribute milestones sit on the claim day and have no due date', async () => {
    const after = await t.db.milestone.findUniqueOrThrow({ where: { slug: 'meta-next-model-after-gemini' }, include: { afterEvent: true } });
    expect(after.kind).toBe('relative');
    expect(after.afterEvent?.slug).toBe('gemini-launch');
    expect(after.afterText).toBe("after Google's Gemini");
    expect(after.expectedText).toBeNull();
    expect(after.windowStart).toBeNull();
    expect(after.sortStart.toISOString()).toBe('2023-09-10T00:00:00.000Z');
    expect(after.sortEnd.toISOString()).toBe('2023-09-11T00:00:00.000Z');
    expect(after.dueAt).toBeNull();
    expect(after.outcome).toBe('met');

    const power = await t.db.milestone.findUniqueOrThrow({ where: { slug: 'meta-next-model-several-times-llama-2' } });
    expect(power.kind).toBe('attribute');
    expect(power.outcome).toBe('partly_met');
    expect(power.resolutionNote).toMatch(/several times/);
  });

  it('when the seed has run, then every milestone of the claims table is resolved with a note', async () => {
    const rows = await t.db.milestone.findMany();
    expect(rows).toHaveLength(8);
    for (const m of rows) {
      expect(m.status, m.slug).toBe('resolved');
      expect(m.outcome, m.slug).not.toBeNull();
      expect(m.settledByEventId, m.slug).not.toBeNull();
      expect(m.resolutionNote?.length ?? 0, m.slug).toBeGreaterThan(20);
      expect(m.searchText.length, m.slug).toBeGreaterThan(0);
    }
  });

  it('when the seed has run, then every event has at least one source', async () => {
    const rows = await t.db.event.findMany({ include: { _count: { select: { sources: true } } } });
    expect(rows.length).toBeGreaterThan(0);
    for (const e of rows) expect(e._count.sources, e.slug).toBeGreaterThanOrEqual(1);
  });

  it('when the seed has run, then every stored URL is http(s)', async () => {
    const urls = [
      ...(await t.db.source.findMany()).map((s) => s.url),
      ...(await t.db.organization.findMany()).map((o) => o.website),
    ].filter((u): u is string => u !== null);
    expect(urls.length).toBeGreaterThan(0);
    for (const u of urls) expect(['http:', 'https:'], u).toContain(new URL(u).protocol);
  });

  it('when the seed runs a second time, then the counts and every value but updatedAt stay the same', async () => {
    const before = await snapshot(t.db);
    const again = await seedDatabase(t.db, seedData, NOW);
    expect(again).toEqual(report);
    expect(await snapshot(t.db)).toEqual(before);
  });

  it('when the database has been seeded, then it is no longer empty', async () => {
    expect(await isDatabaseEmpty(t.db)).toBe(false);
  });
});

describe('isDatabaseEmpty', () => {
  it('when the database is fresh, then it is empty', async () => {
    const t = await createTestDb();
    try {
      expect(await isDatabaseEmpty(t.db)).toBe(true);
    } finally {
      await t.close();
    }
  });
});

describe('seedDatabase with other data', () => {
  it('when a milestone has no outcome, then its status follows the clock', async () => {
    const t = await createTestDb();
    try {
      const [dated, relative, attribute] = seedData.milestones.filter((m) => m.slug === 'google-gemini-may-2024' || m.slug === 'meta-next-model-after-gemini' || m.slug === 'meta-next-model-open');
      const open = (m: (typeof seedData.milestones)[number]) => ({
        ...m,
        outcome: undefined,
        settledByEventSlug: undefined,
        resolutionNote: undefined,
        resolvedAt: undefined,
      });
      const data = { ...seedData, milestones: [dated!, relative!, attribute!].map(open) };
      const status = async (now: string) => {
        await seedDatabase(t.db, data, new Date(now));
        const rows = await t.db.milestone.findMany({ orderBy: { slug: 'asc' } });
        return Object.fromEntries(rows.map((r) => [r.slug, [r.status, r.dueAt?.toISOString() ?? null, r.gapDays]]));
      };
      const may = parseFuzzyDate('mai 2024');
      expect(await status('2024-04-30T23:59:59Z')).toEqual({
        'google-gemini-may-2024': ['upcoming', null, null],
        'meta-next-model-after-gemini': ['due', null, null],
        'meta-next-model-open': ['upcoming', null, null],
      });
      expect((await status('2024-05-01T00:00:00Z'))['google-gemini-may-2024']).toEqual(['due', may.start.toISOString(), null]);
      expect((await status('2024-06-01T00:00:00Z'))['google-gemini-may-2024']).toEqual([
        'overdue',
        may.start.toISOString(),
        null,
      ]);
    } finally {
      await t.close();
    }
  });

  it('when the data references an unknown slug, then seeding fails before writing anything', async () => {
    const t = await createTestDb();
    try {
      const [first, ...rest] = seedData.events;
      const data = { ...seedData, events: [{ ...first!, organizations: ['nobody'] }, ...rest] };
      await expect(seedDatabase(t.db, data)).rejects.toThrow(/unknown organization "nobody"/);
      expect(await isDatabaseEmpty(t.db)).toBe(true);
    } finally {
      await t.close();
    }
  });
});
