import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import { databaseHeld, importData, importWithFacts, type ExportBundle } from '../../src/features/content/index.ts';
import type { Db } from '../../src/platform/db.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { signIn } from '../helpers/admin-session.ts';
import { named } from '../helpers/factories.ts';
import { KeyStore } from '../../src/platform/spill.ts';

let seeded: TestApp;
let bundle: ExportBundle;

beforeAll(async () => {
  seeded = await createTestApp({ seed: true });
  const { agent } = await signIn(seeded.app, seeded.db, 'editor');
  const res = await agent.get('/admin/data/export.json').expect(200);
  expect(res.headers['content-disposition']).toMatch(/attachment; filename="?timeline-2026-01-15\.json"?/);
  bundle = JSON.parse(res.text) as ExportBundle;
});
afterAll(async () => seeded.close());

/** Everything the public API shows: every page of the timeline, every detail page, the lists. */
async function publicView(app: App) {
  const get = async (url: string) => (await request(app).get(url).expect(200)).body;
  const entries: { type: string; slug: string }[] = [];
  let next: string | null = '/api/v1/timeline?limit=100&order=oldest';
  while (next) {
    const page: { data: { type: string; slug: string }[]; page: { next: string | null } } = await get(next);
    entries.push(...page.data);
    next = page.page.next;
  }
  const details = [];
  // updatedAt is when each row was written, which an import rightly sets anew; the rest must match.
  for (const e of entries) {
    const { data } = await get(`/api/v1/${e.type === 'event' ? 'events' : 'milestones'}/${e.slug}`);
    details.push({ ...data, updatedAt: undefined });
  }
  const sources = (await get('/api/v1/sources?limit=100')).data as { id: number }[];
  const sourcePages = [];
  for (const s of sources) sourcePages.push(await get(`/api/v1/sources/${s.id}`));
  return {
    entries,
    details,
    organizations: await get('/api/v1/organizations?limit=100'),
    subjects: await get('/api/v1/subjects?limit=100'),
    sources,
    sourcePages,
  };
}

const count = async (db: Db) => ({
  organizations: await db.organization.count(),
  subjects: await db.subject.count(),
  sources: await db.source.count(),
  events: await db.event.count(),
  milestones: await db.milestone.count(),
  tags: await db.tag.count(),
  auditLog: await db.auditLog.count(),
});

describe('export then import into an empty database', () => {
  it('when the seeded export is imported into an empty database, then the public timeline is identical', async () => {
    const empty = await createTestApp();
    try {
      const { agent, token } = await signIn(empty.app, empty.db, 'admin');
      const dry = await agent
        .post('/admin/data/import')
        .type('form')
        .send({ _csrf: token, format: 'json', entity: '', content: JSON.stringify(bundle), mode: 'dry-run' })
        .expect(200);
      expect(dry.text).toContain('Dry run: every row is valid');
      expect((await count(empty.db)).events).toBe(0);

      await agent
        .post('/admin/data/import')
        .type('form')
        .send({ _csrf: token, format: 'json', entity: '', content: JSON.stringify(bundle), mode: 'import' })
        .expect(303)
        .expect('Location', '/admin/data');

      expect(await publicView(empty.app)).toEqual(await publicView(seeded.app));
      const again = await agent.get('/admin/data/export.json').expect(200);
      expect({ ...JSON.parse(again.text), exportedAt: null }).toEqual({ ...bundle, exportedAt: null });
    } finally {
      await empty.close();
    }
  });

  it('when the same export is imported again, then every row is unchanged and nothing is written', async () => {
    const before = await count(seeded.db);
    const report = await importWithFacts({ db: seeded.db, now: seeded.clock(), userId: null }, JSON.stringify(bundle), { format: 'json', dryRun: false });
    expect(report.ok).toBe(true);
    expect(report.counts.create + report.counts.update).toBe(0);
    expect(report.applied).toBe(false);
    expect(await count(seeded.db)).toEqual(before);
  });

  it('when every entity is exported as CSV and imported in order into an empty database, then the timeline is identical', async () => {
    const { agent } = await signIn(seeded.app, seeded.db, 'editor');
    const empty = await createTestApp();
    try {
      const ctx = { db: empty.db, now: empty.clock(), userId: null };
      for (const entity of ['organizations', 'subjects', 'tags', 'sources', 'events', 'milestones'] as const) {
        const csv = await agent.get(`/admin/data/export/${entity}.csv`).expect(200).expect('Content-Type', /text\/csv/);
        const report = await importData(ctx, csv.text, { format: 'csv', entity, dryRun: false });
        expect(report.errors).toEqual([]);
        expect(report.applied).toBe(true);
      }
      expect(await publicView(empty.app)).toEqual(await publicView(seeded.app));
    } finally {
      await empty.close();
    }
  });
});

describe('an import read in segments, twice (decision 44)', () => {
  const ctx = (t: TestApp) => ({ db: t.db, now: t.clock(), userId: null });
  const records = () => bundle as unknown as Record<string, Record<string, unknown>[]>;

  it('when the lists come in reverse order and are read two rows at a time, then the public timeline is the same as the seeded one and importing it again changes nothing', async () => {
    // Milestones first: every list refers to lists that come later in the file (read once per list).
    const reversed = Object.fromEntries(Object.entries(bundle).reverse());
    const empty = await createTestApp();
    try {
      const r = await importWithFacts(ctx(empty), JSON.stringify(reversed), { format: 'json', dryRun: false, segmentRows: 2 });
      expect(r.errors).toEqual([]);
      expect(r.applied).toBe(true);
      expect(await publicView(empty.app)).toEqual(await publicView(seeded.app));
      const again = await importWithFacts(ctx(empty), JSON.stringify(bundle), { format: 'json', dryRun: false, segmentRows: 2 });
      expect(again.counts).toEqual({ create: 0, update: 0, unchanged: again.actions.length });
      expect(again.applied).toBe(false);
    } finally {
      await empty.close();
    }
  });

  it('when every key the import keeps has moved out of the heap (decision 53), then the public timeline is the same and importing it again changes nothing', async () => {
    const empty = await createTestApp();
    // A bound of 2: every map, set and list of the check and the writer moves to the store.
    const store = new KeyStore(2);
    const storeAgain = new KeyStore(2);
    try {
      const r = await importWithFacts(ctx(empty), JSON.stringify(bundle), { format: 'json', dryRun: false, segmentRows: 3, store });
      expect(r.errors).toEqual([]);
      expect(store.spilled).toBe(true);
      expect(await publicView(empty.app)).toEqual(await publicView(seeded.app));
      const again = await importWithFacts(ctx(empty), JSON.stringify(bundle), { format: 'json', dryRun: false, store: storeAgain });
      expect(again.counts).toEqual({ create: 0, update: 0, unchanged: again.actions.length });
      expect(again.applied).toBe(false);
    } finally {
      store.close();
      storeAgain.close();
      await empty.close();
    }
  });

  it('when a source cites a source and a claim revises a claim of a later segment, then both links are set', async () => {
    const b = records();
    const claim = { ...b.milestones![0]!, transitions: [] };
    const file = {
      ...bundle,
      sources: [
        ...b.sources!,
        { ...b.sources![0]!, key: 'cites-later', title: 'Cites a later one', cites: 'cited-later', discrepancies: [] },
        { ...b.sources![0]!, key: 'cited-later', title: 'Cited by an earlier one', cites: null, discrepancies: [] },
      ],
      milestones: [...b.milestones!, { ...claim, slug: 'revises-later', revises: 'revised-later' }, { ...claim, slug: 'revised-later', revises: null }],
    };
    const empty = await createTestApp();
    try {
      const r = await importWithFacts(ctx(empty), JSON.stringify(file), { format: 'json', dryRun: false, segmentRows: 1 });
      expect(r.errors).toEqual([]);
      const citing = await empty.db.source.findFirstOrThrow({ where: { title: 'Cites a later one' }, include: { cites: true } });
      expect(citing.cites?.title).toBe('Cited by an earlier one');
      const revising = await empty.db.milestone.findUniqueOrThrow({ where: { slug: 'revises-later' }, include: { revises: true } });
      expect(revising.revises?.slug).toBe('revised-later');
    } finally {
      await empty.close();
    }
  });

  it('when problems sit in different segments, then the dry run names each with its row, a reference forward that resolves is not one, and the counts cover every row', async () => {
    const b = records();
    const event = b.events![0]!;
    const file = {
      sources: [
        { ...b.sources![0]!, key: 'forward', title: 'Cites the next one', cites: 'next', discrepancies: [] },
        { ...b.sources![0]!, key: 'next', title: 'Cited', cites: null, discrepancies: [] },
        { ...b.sources![0]!, key: 'dangling', title: 'Cites nothing held', cites: 'no-such-source', discrepancies: [] },
      ],
      events: [
        { ...event, slug: 'fine-1' },
        { ...event, slug: 'bad-date', date: '2023-13-01' },
        { ...event, slug: 'fine-2' },
        { ...event, slug: 'fine-3' },
        { ...event, slug: 'fine-1' },
        { ...event, slug: 'bad-org', organizations: ['nobody'] },
      ],
    };
    const before = await count(seeded.db);
    const r = await importData(ctx(seeded), JSON.stringify(file), { format: 'json', dryRun: true, segmentRows: 2 });
    expect(r.errors.map((e) => [e.entity, e.row, e.field])).toEqual([
      ['sources', 3, 'cites'],
      ['events', 2, 'date'],
      ['events', 5, 'slug'],
      ['events', 6, 'organizations'],
    ]);
    expect(r.errors[0]!.message).toBe('Unknown source: “no-such-source”.');
    expect(r.counts).toEqual({ create: 8, update: 0, unchanged: 0 });
    expect(await count(seeded.db)).toEqual(before);
  });

  it('when the file changes between the check and the write, then nothing is written and the import says so', async () => {
    const empty = await createTestApp();
    try {
      const changed = structuredClone(records());
      changed.events!.at(-1)!.title = 'Changed while it was imported';
      const texts = [JSON.stringify(bundle), JSON.stringify(changed)];
      let opened = 0;
      const r = await importData(ctx(empty), { reopen: () => [texts[Math.min(opened++, 1)]!] }, { format: 'json', dryRun: false, segmentRows: 5 });
      expect(opened).toBe(2);
      expect(r.applied).toBe(false);
      expect(r.errors).toEqual([{ entity: 'file', row: 0, field: 'file', message: 'The file changed while it was imported, so nothing was written. Import it again.' }]);
      expect(await count(empty.db)).toMatchObject({ organizations: 0, events: 0, auditLog: 0 });
    } finally {
      await empty.close();
    }
  });
});

describe('import checks every row first', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: true });
  });
  afterAll(async () => t.close());

  const source = { key: 'new-source', publisher: 'Example News', title: 'A report', url: 'https://example.com/a', publishedOn: '2024-01-02', language: 'en', isPrimary: false, cites: null, discrepancies: [] };
  const event = (over: Record<string, unknown> = {}) => ({
    slug: 'imported-event',
    title: 'Imported <b>event</b>',
    summary: '<script>alert(1)</script>',
    kind: 'release',
    confidence: 'confirmed',
    date: 'Q2 2024',
    organizations: ['meta'],
    subjects: [],
    tags: [],
    sources: [{ source: 'new-source', quote: null }],
    ...over,
  });

  it('when rows have errors, then the dry run lists each with its row and field, and the import writes nothing', async () => {
    const file = JSON.stringify({
      format: 'timeline-export',
      version: 1,
      organizations: [{ slug: 'acme', name: 'Acme', website: 'ftp://acme.example', description: '' }],
      sources: [source],
      events: [
        event(),
        event({ slug: 'bad-date', date: '2024-02-30' }),
        event({ slug: 'bad-org', organizations: ['nobody'] }),
        event({ slug: 'imported-event' }),
        event({ slug: 'long', title: 'x'.repeat(301) }),
      ],
    });
    const before = await count(t.db);
    const { agent, token } = await signIn(t.app, t.db, 'admin');
    for (const mode of ['dry-run', 'import']) {
      const res = await agent.post('/admin/data/import').type('form').send({ _csrf: token, format: 'json', content: file, mode }).expect(422);
      expect(res.text).toContain('Nothing was imported: 5 problems to fix first.');
      expect(res.text).toMatch(/organizations<\/td><td>1<\/td><td>website<\/td><td>Only http:\/\/ and https:\/\/ addresses are accepted\./);
      expect(res.text).toMatch(/events<\/td><td>2<\/td><td>date<\/td><td>&quot;2024-02-30&quot; is not a valid date: February 2024 has only 29 days/);
      expect(res.text).toMatch(/events<\/td><td>3<\/td><td>organizations<\/td><td>Unknown organization: “nobody”\./);
      expect(res.text).toMatch(/events<\/td><td>5<\/td><td>title<\/td><td>Title is too long: at most 300 characters\./);
      expect(res.text).toMatch(/events<\/td><td>4<\/td><td>slug<\/td><td>“imported-event” appears twice in the file\./);
    }
    expect(await count(t.db)).toEqual(before);
  });

  it('when the file is valid, then the dry run says what would be created and updated, and the import does it with audit entries', async () => {
    const file = JSON.stringify({
      organizations: [{ slug: 'meta', name: 'Meta Platforms', website: 'https://about.meta.com/', description: 'Renamed by import.' }],
      sources: [source],
      events: [event()],
    });
    const ctx = { db: t.db, now: t.clock(), userId: null };
    const dry = await importData(ctx, file, { format: 'json', dryRun: true });
    expect(dry.ok).toBe(true);
    expect(dry.actions).toEqual([
      { entity: 'organizations', row: 1, key: 'meta', action: 'update' },
      { entity: 'sources', row: 1, key: 'new-source', action: 'create' },
      { entity: 'events', row: 1, key: 'imported-event', action: 'create' },
    ]);
    expect(await t.db.event.count({ where: { slug: 'imported-event' } })).toBe(0);

    const done = await importData(ctx, file, { format: 'json', dryRun: false });
    expect(done.applied).toBe(true);
    const row = await t.db.event.findUniqueOrThrow({ where: { slug: 'imported-event' } });
    expect(row.summary).toBe('<script>alert(1)</script>');
    expect(row.searchText).toContain('meta platforms');
    const page = await request(t.app).get('/events/imported-event').expect(200);
    expect(page.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page.text).not.toContain('<script>alert(1)</script>');
    // Events of Meta left out of the file are found under the new name too.
    const found = await request(t.app).get('/api/v1/events?q=meta%20platforms&limit=100').expect(200);
    expect(found.body.data.length).toBeGreaterThan(3);
    const audit = await t.db.auditLog.findMany({ where: { entityType: 'organization' }, orderBy: { id: 'asc' } });
    expect(JSON.parse(audit.at(-1)!.changes)).toEqual({
      name: { before: 'Meta', after: 'Meta Platforms' },
      description: { before: expect.any(String), after: 'Renamed by import.' },
    });
  });

  it('when a dry run would create more records than the page lists, then it lists the first 500 changes and says how many more, and unchanged ones are only counted', async () => {
    const many = { ...source, key: 'many-source', title: 'Many events' };
    const events = Array.from({ length: 620 }, (_, i) => event({ slug: `many-${i}`, title: `Many ${i}`, sources: [{ source: 'many-source', quote: null }] }));
    const file = JSON.stringify({ sources: [many], events });
    const { agent, token } = await signIn(t.app, t.db, 'admin');
    const res = await agent.post('/admin/data/import').type('form').send({ _csrf: token, format: 'json', content: file, mode: 'dry-run' }).expect(200);
    expect(res.text).toContain('621 to create, 0 to update, 0 unchanged');
    expect(res.text.match(/<td>create<\/td>/g)).toHaveLength(500);
    expect(res.text).toContain('And 121 more records to create or update, not listed here (the first 500 are).');
    expect(await t.db.event.count({ where: { slug: { startsWith: 'many-' } } })).toBe(0);
  });

  it('when the database refuses a row only at write time, then the rows created before are removed and nothing stays', async () => {
    const a = await t.db.milestone.findFirstOrThrow({ where: { revisedBy: null }, orderBy: { id: 'asc' } });
    const b = await t.db.milestone.findFirstOrThrow({ where: { id: { not: a.id } }, orderBy: { id: 'desc' } });
    await t.db.milestone.update({ where: { id: b.id }, data: { revisesId: a.id } });
    const before = await count(t.db);
    const file = JSON.stringify({
      organizations: [{ slug: 'brand-new-org', name: 'Brand new', website: null, description: '' }],
      milestones: [
        {
          slug: 'second-revision',
          title: 'A second revision of the same claim',
          claim: '',
          kind: 'dated',
          source: null,
          claimedOn: '2024-01-01',
          quote: null,
          expectedText: 'late 2024',
          afterEvent: null,
          afterText: null,
          status: 'upcoming',
          dueAt: null,
          outcome: null,
          gapDays: null,
          settledBy: null,
          resolutionNote: null,
          resolvedAt: null,
          revises: a.slug,
          organizations: ['brand-new-org'],
          subjects: [],
          transitions: [],
        },
      ],
    });
    const dry = await importData({ db: t.db, now: t.clock(), userId: null }, file, { format: 'json', dryRun: true });
    expect(dry.ok).toBe(true);
    const res = await importData({ db: t.db, now: t.clock(), userId: null }, file, { format: 'json', dryRun: false });
    expect(res).toMatchObject({ ok: false, applied: false });
    expect(res.errors[0]!.message).toMatch(/^The database refused the import \(a unique value is already taken\), so nothing was written\./);
    expect(await count(t.db)).toEqual(before);
    expect(await t.db.organization.count({ where: { slug: 'brand-new-org' } })).toBe(0);
  });

  it('when a new record’s slug is taken between the check and the write, then the import says so and writes nothing', async () => {
    const ctx = { db: t.db, now: t.clock(), userId: null };
    // What the import checked against, read before another editor created the same organization.
    const keys = await databaseHeld.keys(t.db);
    const held = { ...databaseHeld, keys: async () => keys };
    await t.db.organization.create({ data: { slug: 'taken-meanwhile', ...named('Taken meanwhile') } });
    const before = await count(t.db);
    const file = JSON.stringify({
      organizations: [
        { slug: 'created-first', name: 'Created first', website: null, description: '' },
        { slug: 'taken-meanwhile', name: 'Taken by the file', website: null, description: '' },
      ],
    });
    const res = await importData(ctx, file, { format: 'json', dryRun: false, held });
    expect(res).toMatchObject({ ok: false, applied: false });
    expect(res.errors).toEqual([{ entity: 'file', row: 0, field: 'database', message: expect.stringMatching(/^The database refused the import \(a unique value is already taken\), so nothing was written\./) }]);
    expect(await count(t.db)).toEqual(before);
    expect(await t.db.organization.count({ where: { slug: 'created-first' } })).toBe(0);
  });

  it('when a CSV file has an unknown column or broken JSON in a cell, then the problem is named with its row', async () => {
    const ctx = { db: t.db, now: t.clock(), userId: null };
    const badHeader = await importData(ctx, 'slug,name,colour\nx,X,red\n', { format: 'csv', entity: 'tags', dryRun: true });
    expect(badHeader.errors).toEqual([{ entity: 'tags', row: 1, field: 'header', message: 'Unknown column for tags: colour.' }]);
    const badJson = await importData(
      ctx,
      'key,publisher,title,url,publishedOn,language,isPrimary,cites,discrepancies\nk,P,T,,,en,false,,[oops\n',
      { format: 'csv', entity: 'sources', dryRun: true },
    );
    expect(badJson.errors[0]).toMatchObject({ entity: 'sources', row: 2, field: 'discrepancies' });
  });

  it('when an editor (not an admin) imports, then it is refused; the raw endpoint answers a JSON report', async () => {
    const editor = await signIn(t.app, t.db, 'editor');
    await editor.agent.post('/admin/data/import').type('form').send({ _csrf: editor.token, content: '{}', mode: 'dry-run' }).expect(403);
    const admin = await signIn(t.app, t.db, 'admin');
    const res = await admin.agent
      .post('/admin/data/import/raw?format=csv&entity=tags&mode=dry-run')
      .set('x-csrf-token', admin.token)
      .set('Content-Type', 'text/csv')
      .send('slug,name\nnew-tag,New tag\nBad Slug,x\n')
      .expect(422);
    expect(res.body.data.errors).toEqual([
      { entity: 'tags', row: 3, field: 'slug', message: 'A slug uses lower-case letters, digits and single hyphens, e.g. "llama-2".' },
    ]);
    expect(res.body.data.actions).toEqual([{ entity: 'tags', row: 2, key: 'new-tag', action: 'create' }]);
  });
});

describe('claims keep the words they were said in, through export and import', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: true });
  });
  afterAll(async () => t.close());

  const ctx = () => ({ db: t.db, now: t.clock(), userId: null });
  const source = { key: 'forecaster', publisher: 'A forecaster', title: 'Forecasts', url: 'https://example.com/f', publishedOn: '2025-06-01', language: 'en', isPrimary: true, cites: null, discrepancies: [] };
  const claim = (over: Record<string, unknown>) => ({
    slug: 'agi-within-two-years',
    title: 'Human-level AI within two years',
    claim: '',
    kind: 'dated',
    source: 'forecaster',
    claimedOn: '2025-06-01',
    quote: 'within two years (70-80% chance)',
    expectedText: 'within two years (70-80% chance)',
    relativeTo: null,
    likelihood: null,
    afterEvent: null,
    afterText: null,
    status: 'upcoming',
    dueAt: null,
    outcome: null,
    gapDays: null,
    settledBy: null,
    resolutionNote: null,
    resolvedAt: null,
    revises: null,
    organizations: [],
    subjects: [],
    transitions: [],
    ...over,
  });
  const file = (milestones: unknown[]) => JSON.stringify({ sources: [source], milestones });

  it('when a deadline with a stated likelihood is imported, then its shape, the day it counts from and the likelihood are kept, and its export imports as unchanged', async () => {
    const r = await importData(ctx(), file([claim({})]), { format: 'json', dryRun: false });
    expect(r.errors).toEqual([]);
    const m = await t.db.milestone.findUniqueOrThrow({ where: { slug: 'agi-within-two-years' } });
    expect(m.expectedShape).toBe('deadline');
    expect(m.relativeTo?.toISOString()).toBe('2025-06-01T00:00:00.000Z');
    expect([m.windowStart?.toISOString(), m.windowEnd?.toISOString()]).toEqual(['2025-06-01T00:00:00.000Z', '2027-06-01T00:00:00.000Z']);
    expect([m.likelihoodLow, m.likelihoodHigh]).toEqual([0.7, 0.8]);

    const { agent } = await signIn(t.app, t.db, 'editor');
    const exported = JSON.parse((await agent.get('/admin/data/export.json').expect(200)).text) as ExportBundle;
    const out = exported.milestones.find((x) => x.slug === 'agi-within-two-years')!;
    expect(out).toMatchObject({ expectedText: 'within two years (70-80% chance)', relativeTo: '2025-06-01', likelihood: '70-80% chance' });
    const again = await importData(ctx(), JSON.stringify(exported), { format: 'json', dryRun: true });
    expect(again.counts).toMatchObject({ create: 0, update: 0 });
  });

  it('when a relative horizon comes without any date said, or in words nobody can read, then the row is refused naming the field', async () => {
    const r = await importData(
      ctx(),
      file([claim({ slug: 'no-day', claimedOn: null, expectedText: 'next year' }), claim({ slug: 'gibberish', expectedText: 'when pigs fly' })]),
      { format: 'json', dryRun: true },
    );
    expect(r.errors.map((e) => [e.row, e.field])).toEqual([
      [1, 'relativeTo'],
      [2, 'expectedText'],
    ]);
    expect(r.errors[1]!.message).toMatch(/not an expected date we understand/);
  });
});
