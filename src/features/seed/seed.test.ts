import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../../test/helpers/db.ts';
import { seedBeforeIssue13 } from '../../../test/fixtures/seed-before-issue-13.ts';
import { seedData } from '../../../prisma/seed/data.ts';
import type { Db } from '../../platform/db.ts';
import { exportAll } from '../content/index.ts';
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

  it('when the seed has run, then every event exists at its checked date and precision', async () => {
    // The events table of ../shared/seed/facts.md as corrected by the seed-truth issue, and the records it added.
    const expected: [slug: string, text: string, start: string, precision: string][] = [
      ['nvidia-h100-announced', '2022-03-22', '2022-03-22', 'day'],
      ['midjourney-open-beta', '2022-07-12', '2022-07-12', 'day'],
      ['nvidia-h100-full-production', '2022-09-20', '2022-09-20', 'day'],
      ['chatgpt-launch', '2022-11-30', '2022-11-30', 'day'],
      ['bard-announced', '2023-02-06', '2023-02-06', 'day'],
      ['gpt-4-release', '2023-03-14', '2023-03-14', 'day'],
      ['bard-opens-us-uk', '2023-03-21', '2023-03-21', 'day'],
      ['adobe-firefly-beta', '2023-03-21', '2023-03-21', 'day'],
      ['gemini-announced-io-2023', '2023-05-10', '2023-05-10', 'day'],
      ['meta-cm3leon-announced', '2023-07-14', '2023-07-14', 'day'],
      ['llama-2-release', '2023-07-18', '2023-07-18', 'day'],
      ['audiocraft-release', '2023-08-02', '2023-08-02', 'day'],
      ['falcon-180b-release', '2023-09-06', '2023-09-06', 'day'],
      ['wsj-meta-next-model-report', '2023-09-10', '2023-09-10', 'day'],
      ['adobe-firefly-general-availability', '2023-09-13', '2023-09-13', 'day'],
      ['meta-ai-assistant-launch', '2023-09-27', '2023-09-27', 'day'],
      ['omdia-meta-h100-estimate', 'late November 2023', '2023-11-21', 'month-part'],
      ['gemini-launch', '2023-12-06', '2023-12-06', 'day'],
      ['llama-3-training-confirmed', '2024-01-18', '2024-01-18', 'day'],
      ['meta-h100-fleet-plan', '2024-01-18', '2024-01-18', 'day'],
      ['bard-renamed-gemini', '2024-02-08', '2024-02-08', 'day'],
      ['gemini-1-5-announced', '2024-02-15', '2024-02-15', 'day'],
      ['meta-24k-gpu-clusters', '2024-03-12', '2024-03-12', 'day'],
      ['llama-3-release', '2024-04-18', '2024-04-18', 'day'],
      ['gpt-4o-release', '2024-05-13', '2024-05-13', 'day'],
      ['llama-3-1-405b-release', '2024-07-23', '2024-07-23', 'day'],
      ['meta-ai-characters-retired', 'late July 2024', '2024-07-21', 'month-part'],
      ['llama-4-training-cluster', '2024-10-30', '2024-10-30', 'day'],
      ['llama-4-release', '2025-04-05', '2025-04-05', 'day'],
    ];
    const rows = await t.db.event.findMany();
    expect(rows.map((r) => r.slug).sort()).toEqual(expected.map(([slug]) => slug).sort());
    for (const [slug, text, start, precision] of expected) {
      const row = rows.find((r) => r.slug === slug)!;
      expect({ slug, start: row.dateStart.toISOString(), precision: row.datePrecision, text: row.dateText }).toEqual({
        slug,
        start: `${start}T00:00:00.000Z`,
        precision,
        text,
      });
      if (precision === 'day') expect(row.dateEnd.getTime() - row.dateStart.getTime(), slug).toBe(86_400_000);
    }
  });

  it('when the seed has run, then Gemini is announced at I/O on 2023-05-10 and launched as Gemini 1.0 on 2023-12-06', async () => {
    const announced = await t.db.event.findUniqueOrThrow({
      where: { slug: 'gemini-announced-io-2023' },
      include: { sources: { include: { source: true } } },
    });
    expect(announced.kind).toBe('announcement');
    expect(announced.dateStart.toISOString()).toBe('2023-05-10T00:00:00.000Z');
    expect(announced.sources[0]?.source.url).toBe('https://blog.google/technology/ai/google-io-2023-keynote-sundar-pichai/');
    expect(announced.sources[0]?.quote).toBe('still in training');

    const launched = await t.db.event.findUniqueOrThrow({ where: { slug: 'gemini-launch' } });
    expect(launched.kind).toBe('release');
    expect(launched.title).toBe('Google launches Gemini 1.0');
    expect(launched.title).not.toMatch(/announce/i);
    expect(launched.dateStart.toISOString()).toBe('2023-12-06T00:00:00.000Z');
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
    expect(text).toMatch(/2023-05-10/);
    expect(text).toMatch(/2023-12-06/);
    expect(text).toMatch(/147 days/);
    expect(text).toMatch(/twice/);
    expect(text).toMatch(/several times/);
  });

  it('when the seed has run, then the Gemini "mai 2024" milestone is resolved early by 147 days, settled by the Gemini launch', async () => {
    const m = await t.db.milestone.findUniqueOrThrow({ where: { slug: 'google-gemini-may-2024' }, include: { settledBy: true } });
    expect(m.expectedText).toBe('qu’on attend en mai 2024');
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
    expect(m.expectedText).toBe('à partir de début 2024');
    expect(m.windowStart?.toISOString()).toBe('2024-01-01T00:00:00.000Z');
    expect(m.windowEnd?.toISOString()).toBe('2024-05-01T00:00:00.000Z');
    expect(m.sortStart.toISOString()).toBe('2024-01-01T00:00:00.000Z');
    expect(m.sortEnd.toISOString()).toBe('2024-05-01T00:00:00.000Z');
    expect(m.status).toBe('resolved');
    expect(m.outcome).toBe('met');
    expect(m.gapDays).toBeNull();
    expect(m.settledBy?.slug).toBe('llama-3-training-confirmed');
    expect(m.source?.title).toBe(FRENCH_ARTICLE_TITLE);
    expect(m.quote).toBe('à partir de début 2024');
    expect(m.claimedOn?.toISOString()).toBe('2023-09-11T00:00:00.000Z');
    expect(m.resolvedAt?.toISOString()).toBe('2024-07-31T00:00:00.000Z');
  });

  it('when the seed has run, then the release claim keeps the article’s own words and “next year” is read against the article’s date', async () => {
    const m = await t.db.milestone.findUniqueOrThrow({ where: { slug: 'meta-next-model-release-2024' } });
    expect(m.expectedText).toBe('dans le courant de l’année prochaine');
    expect(m.quote).toBe('dans le courant de l’année prochaine');
    expect(m.relativeTo?.toISOString()).toBe('2023-09-11T00:00:00.000Z');
    expect(m.expectedShape).toBe('window');
    expect([m.windowStart?.toISOString(), m.windowEnd?.toISOString()]).toEqual(['2024-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z']);
    expect(m.outcome).toBe('met');
  });

  it('when the seed has run, then relative and attribute milestones sit on the claim day and have no due date', async () => {
    const after = await t.db.milestone.findUniqueOrThrow({ where: { slug: 'meta-next-model-after-gemini' }, include: { afterEvent: true } });
    expect(after.kind).toBe('relative');
    expect(after.afterEvent?.slug).toBe('gemini-launch');
    expect(after.afterText).toBe("after Google's Gemini");
    expect(after.expectedText).toBeNull();
    expect(after.windowStart).toBeNull();
    expect(after.sortStart.toISOString()).toBe('2023-09-11T00:00:00.000Z');
    expect(after.sortEnd.toISOString()).toBe('2023-09-12T00:00:00.000Z');
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

  it('when the seed has run, then every event has at least one source with an address', async () => {
    const rows = await t.db.event.findMany({ include: { sources: { include: { source: true } } } });
    expect(rows.length).toBeGreaterThan(0);
    for (const e of rows) expect(e.sources.filter((s) => s.source.url !== null).length, e.slug).toBeGreaterThanOrEqual(1);
  });

  it('when the seed has run, then only the WSJ report and the French article lack an address', async () => {
    const rows = await t.db.source.findMany({ where: { url: null }, orderBy: { publisher: 'asc' } });
    expect(rows.map((r) => r.publisher)).toEqual(['French tech news site (name not recorded)', 'The Wall Street Journal']);
  });

  it('when the seed has run, then every stored URL is http(s)', async () => {
    const urls = [
      ...(await t.db.source.findMany()).map((s) => s.url),
      ...(await t.db.organization.findMany()).map((o) => o.website),
    ].filter((u): u is string => u !== null);
    expect(urls.length).toBeGreaterThan(0);
    for (const u of urls) expect(['http:', 'https:'], u).toContain(new URL(u).protocol);
  });

  it('when the seed has run, then each claim quotes its own source in that source\'s language and none is credited to the WSJ itself', async () => {
    const rows = await t.db.milestone.findMany({ include: { source: { include: { cites: true } } } });
    const french = /\b(de|dans|en|un|à)\b/;
    for (const m of rows) {
      expect(m.source?.publisher, m.slug).not.toBe('The Wall Street Journal');
      expect(m.source?.cites?.publisher, m.slug).toBe('The Wall Street Journal');
      expect(french.test(m.quote ?? ''), `${m.slug}: "${m.quote}" on a ${m.source?.language} source`).toBe(m.source?.language === 'fr');
    }
    const power = rows.find((m) => m.slug === 'meta-next-model-several-times-llama-2')!;
    expect(power.source?.publisher).toBe('Mint (livemint.com)');
    expect(power.quote).toContain('several times more powerful');
    expect(rows.some((m) => m.quote?.includes('deux fois'))).toBe(false);
  });

  it('when the seed has run, then the "30 personalities" claim belongs to the French article, is partly met and is settled by the retirement of the AI characters', async () => {
    const m = await t.db.milestone.findUniqueOrThrow({
      where: { slug: 'meta-instagram-chatbot-30-personalities' },
      include: { source: true, settledBy: { include: { sources: { include: { source: true } } } } },
    });
    expect(m.source?.title).toBe(FRENCH_ARTICLE_TITLE);
    expect(m.claim).toMatch(/June 2023/);
    expect(m.outcome).toBe('partly_met');
    expect(m.windowStart?.toISOString()).toBe('2023-01-01T00:00:00.000Z');
    expect(m.windowEnd?.toISOString()).toBe('2024-01-01T00:00:00.000Z');
    expect(m.resolutionNote).toMatch(/28/);
    expect(m.resolutionNote).toMatch(/30/);
    expect(m.settledBy?.slug).toBe('meta-ai-characters-retired');
    expect(m.settledBy?.kind).toBe('retirement');
    expect(m.settledBy?.summary).toMatch(/29 July 2024/);
    expect(m.settledBy?.summary).toMatch(/January 2025/);
    expect(m.settledBy?.sources.map((s) => s.source.url)).toContain('https://about.fb.com/news/2024/07/create-your-own-custom-ai-with-ai-studio/');
  });

  it('when the seed has run, then the infrastructure claim is met with the model cards\' third-party cloud caveat', async () => {
    const m = await t.db.milestone.findUniqueOrThrow({ where: { slug: 'meta-next-model-own-infrastructure' }, include: { settledBy: true } });
    expect(m.outcome).toBe('met');
    expect(m.settledBy?.slug).toBe('meta-24k-gpu-clusters');
    expect(m.resolutionNote).toMatch(/third-party cloud compute/);
    expect(m.resolutionNote).toMatch(/caveat/);
    const cards = await t.db.source.findMany({ where: { title: { contains: 'model card' } } });
    expect(cards.map((c) => c.url).sort()).toEqual([
      'https://github.com/meta-llama/llama/blob/main/MODEL_CARD.md',
      'https://github.com/meta-llama/llama3/blob/main/MODEL_CARD.md',
    ]);
  });

  it('when the seed has run, then primary sources are the makers\' own releases and the WSJ report concerns Meta, OpenAI, Nvidia and Google', async () => {
    const event = (slug: string) =>
      t.db.event.findUniqueOrThrow({
        where: { slug },
        include: { sources: { include: { source: true }, orderBy: { position: 'asc' } }, organizations: { include: { organization: true } } },
      });
    const production = await event('nvidia-h100-full-production');
    expect(production.sources.map((s) => [s.source.publisher, s.source.isPrimary, s.source.url])).toEqual([
      ['Nvidia', true, 'https://nvidianews.nvidia.com/news/nvidia-hopper-in-full-production'],
    ]);
    const falcon = await event('falcon-180b-release');
    expect(falcon.sources.map((s) => [s.source.publisher, s.source.isPrimary])).toEqual([
      ['Technology Innovation Institute', true],
      ['Hugging Face', false],
    ]);
    const wsj = await event('wsj-meta-next-model-report');
    expect(wsj.organizations.map((o) => o.organization.slug).sort()).toEqual(['google', 'meta', 'nvidia', 'openai']);
    expect(wsj.sources.map((s) => s.source.publisher)).not.toContain('The Jerusalem Post');
    const training = await event('llama-3-training-confirmed');
    expect(training.sources.map((s) => [s.source.publisher, s.source.publishedOn?.toISOString()])).toEqual([
      ['Axios', '2024-01-18T00:00:00.000Z'],
    ]);
  });

  it('when the seed has run, then the records added up to Llama 4 carry their primary sources', async () => {
    const primaries: [slug: string, url: string][] = [
      ['gemini-1-5-announced', 'https://blog.google/technology/ai/google-gemini-next-generation-model-february-2024/'],
      ['gpt-4o-release', 'https://openai.com/index/hello-gpt-4o/'],
      ['meta-h100-fleet-plan', 'https://engineering.fb.com/2024/03/12/data-center-engineering/building-metas-genai-infrastructure/'],
      ['meta-24k-gpu-clusters', 'https://engineering.fb.com/2024/03/12/data-center-engineering/building-metas-genai-infrastructure/'],
      ['llama-4-training-cluster', 'https://s21.q4cdn.com/399680738/files/doc_financials/2024/q3/META-Q3-2024-Earnings-Call-Transcript.pdf'],
      ['llama-4-release', 'https://ai.meta.com/blog/llama-4-multimodal-intelligence/'],
    ];
    for (const [slug, url] of primaries) {
      const e = await t.db.event.findUniqueOrThrow({ where: { slug }, include: { sources: { include: { source: true } } } });
      expect(e.sources.filter((s) => s.source.isPrimary).map((s) => s.source.url), slug).toContain(url);
    }
    const estimate = await t.db.event.findUniqueOrThrow({ where: { slug: 'omdia-meta-h100-estimate' } });
    expect(estimate.confidence).toBe('reported');
    expect(estimate.summary).toMatch(/150,000/);
  });

  it('when the seed has run, then its writes are in the change history like any import\'s', async () => {
    const entries = await t.db.auditLog.findMany({ where: { entityType: 'event' } });
    expect(entries.length).toBe(seedData.events.length);
    expect(entries.every((e) => e.action === 'create' && e.userId === null)).toBe(true);
  });

  it('when the seed runs a second time, then the counts and every value but updatedAt stay the same', async () => {
    const before = await snapshot(t.db);
    const history = await t.db.auditLog.count();
    const again = await seedDatabase(t.db, seedData, NOW);
    expect(again).toEqual(report);
    expect(await snapshot(t.db)).toEqual(before);
    expect(await t.db.auditLog.count()).toBe(history);
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

describe('seedDatabase on a database holding the seed before the corrections', () => {
  /** Everything by natural keys (slugs, sources by publisher and title), without ids, row order or export time. */
  const content = async (db: Db) => {
    const { exportedAt: _at, format: _f, version: _v, ...lists } = await exportAll(db, NOW);
    const key = (r: Record<string, unknown>) => String(r.slug ?? `${r.publisher} | ${r.title}`);
    return Object.fromEntries(
      Object.entries(lists).map(([entity, rows]) => [entity, [...(rows as Record<string, unknown>[])].sort((a, b) => key(a).localeCompare(key(b)))]),
    );
  };

  it('when the current seed runs over the old one, then the records are updated in place and match a fresh seed exactly', async () => {
    const fresh = await createTestDb();
    const old = await createTestDb();
    try {
      const freshReport = await seedDatabase(fresh.db, seedData, NOW);
      const oldReport = await seedDatabase(old.db, seedBeforeIssue13, NOW);
      const oldGemini = await old.db.event.findUniqueOrThrow({ where: { slug: 'gemini-launch' } });
      expect(oldGemini.title).toBe('Google announces and launches Gemini');
      expect(oldReport.sources).toBe(seedBeforeIssue13.sources.length);

      const upgraded = await seedDatabase(old.db, seedData, NOW);
      expect(upgraded).toEqual(freshReport);
      expect(upgraded).toEqual({
        organizations: seedData.organizations.length,
        subjects: seedData.subjects.length,
        sources: seedData.sources.length,
        events: seedData.events.length,
        milestones: seedData.milestones.length,
      });
      expect(await content(old.db)).toEqual(await content(fresh.db));

      // The same rows, changed where they were: the Gemini launch keeps its id under its new title.
      const gemini = await old.db.event.findUniqueOrThrow({ where: { slug: 'gemini-launch' } });
      expect(gemini.id).toBe(oldGemini.id);
      expect(gemini.title).toBe('Google launches Gemini 1.0');
      const personalities = await old.db.milestone.findUniqueOrThrow({ where: { slug: 'meta-instagram-chatbot-30-personalities' }, include: { source: true } });
      expect(personalities.source?.title).toBe(FRENCH_ARTICLE_TITLE);
      expect(await old.db.source.count({ where: { publisher: { in: ['The Jerusalem Post', 'AnandTech'] } } })).toBe(0);
      expect(await old.db.discrepancy.count()).toBe(await fresh.db.discrepancy.count());
      const retitled = await old.db.auditLog.findFirstOrThrow({ where: { entityType: 'event', entityId: gemini.id, action: 'update' } });
      expect(JSON.parse(retitled.changes).title).toEqual({ before: 'Google announces and launches Gemini', after: 'Google launches Gemini 1.0' });
      // A claim that keeps its source is not recorded as changing it, whatever key the seed file uses for it.
      const may = await old.db.milestone.findUniqueOrThrow({ where: { slug: 'google-gemini-may-2024' } });
      const mayChanges = JSON.parse((await old.db.auditLog.findFirstOrThrow({ where: { entityType: 'milestone', entityId: may.id, action: 'update' } })).changes);
      expect(mayChanges.expectedText).toEqual({ before: 'mai 2024', after: 'qu’on attend en mai 2024' });
      expect(mayChanges.source).toBeUndefined();

      const history = await old.db.auditLog.count();
      await seedDatabase(old.db, seedData, NOW);
      expect(await content(old.db)).toEqual(await content(fresh.db));
      expect(await old.db.auditLog.count()).toBe(history);
    } finally {
      await fresh.close();
      await old.close();
    }
  });

  it('when an editor cites a source the seed has retired, then the seed keeps that source and the link', async () => {
    const t = await createTestDb();
    try {
      await seedDatabase(t.db, seedBeforeIssue13, NOW);
      const jpost = await t.db.source.findFirstOrThrow({ where: { publisher: 'The Jerusalem Post' } });
      const own = await t.db.event.create({
        data: {
          slug: 'editor-own-event',
          title: 'An event an editor added',
          kind: 'report',
          dateStart: new Date('2023-09-11T00:00:00Z'),
          dateEnd: new Date('2023-09-12T00:00:00Z'),
          datePrecision: 'day',
          dateText: '2023-09-11',
          sources: { create: [{ sourceId: jpost.id }] },
        },
      });
      await seedDatabase(t.db, seedData, NOW);
      expect(await t.db.source.findUnique({ where: { id: jpost.id } })).not.toBeNull();
      expect(await t.db.eventSource.count({ where: { eventId: own.id, sourceId: jpost.id } })).toBe(1);
      expect(await t.db.source.count({ where: { publisher: 'AnandTech' } })).toBe(0);
    } finally {
      await t.close();
    }
  });
});
