// Full-text search, several values per filter and facets, through the API and the home page, on the
// run's engine: `npm test` runs it on SQLite (FTS5) and on PostgreSQL (stored tsvectors) with the same
// expectations (docs/decisions/0021, 0039).
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createEvent,
  deleteEvent,
  eventSchema,
  importData,
  mergeRecords,
  organizationSchema,
  updateEvent,
  updateOrganization,
} from '../../src/features/content/index.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { makeEvent, makeOrganization, named } from '../helpers/factories.ts';
import { listFacets, listTimeline, timelineQuerySchema } from '../../src/features/timeline/index.ts';
import { FACETS } from '../../src/features/timeline/timeline.service.ts';
import { facetCounts, type FacetName } from '../../src/features/timeline/timeline.repo.ts';

let t: TestApp;
let orgs: Record<'acme' | 'bolt' | 'core', number>;
let tags: Record<'chips' | 'law', number>;

beforeAll(async () => {
  t = await createTestApp();
  const org = async (slug: string, name: string) => (await makeOrganization(t.db, { slug, name })).id;
  orgs = { acme: await org('sx-acme', 'Acme Zeppelins'), bolt: await org('sx-bolt', 'Bolt Labs'), core: await org('sx-core', 'Core Works') };
  const tag = async (slug: string, name: string) => (await t.db.tag.create({ data: { slug, ...named(name) } })).id;
  tags = { chips: await tag('sx-chips', 'chips'), law: await tag('sx-law', 'law') };
  const e = (title: string, summary: string, date: string, extra: Parameters<typeof makeEvent>[1] = {}) => makeEvent(t.db, { title, summary, date, ...extra });
  await e('Début de Quokka', 'The quokka model opens', '2024-01-10', { organizationIds: [orgs.acme], kind: 'release', tagIds: [tags.chips] });
  await e('Minor update', 'A note about quokka in passing', '2024-02-10', { organizationIds: [orgs.bolt], kind: 'announcement' });
  await e('Open weights for Wombat', 'Wombat ships with open weights', '2024-03-10', { organizationIds: [orgs.acme, orgs.bolt], kind: 'release', confidence: 'rumored' });
  await e('Weights are open, says Wombat', 'weights that are open', '2024-04-10', { organizationIds: [orgs.core], kind: 'report', tagIds: [tags.law] });
  await e('Chips up 40% this year', 'Prices of snake_case chips', '2024-05-10', { organizationIds: [orgs.core], kind: 'report', tagIds: [tags.chips, tags.law] });
  await e('Snakexcase chips', 'no wildcard here', '2024-06-10', { organizationIds: [orgs.bolt], kind: 'announcement' });
  for (let i = 0; i < 12; i++) await e(`Numbat note ${i}`, 'numbat', `2023-0${(i % 9) + 1}-01`, { organizationIds: [i % 2 ? orgs.acme : orgs.core] });
}, 120_000);
afterAll(async () => t?.close());

interface Entry {
  slug: string;
  title: string;
  organizations: { slug: string }[];
}

async function all(url: string): Promise<Entry[]> {
  const out: Entry[] = [];
  let next: string | null = url;
  for (let guard = 0; next && guard < 100; guard++) {
    const res: request.Response = await request(t.app).get(next).expect(200);
    out.push(...res.body.data);
    next = res.body.page.next;
  }
  expect(next).toBeNull();
  return out;
}

const titles = async (q: string, extra = '') => (await all(`/api/v1/events?q=${encodeURIComponent(q)}${extra}`)).map((e) => e.title);

describe('full-text search', () => {
  it('when a word is searched without its accent or with another case, then the accented word is found', async () => {
    expect(await titles('debut')).toEqual(['Début de Quokka']);
    expect(await titles('DÉBUT')).toEqual(['Début de Quokka']);
  });

  it('when the start of a word is searched, then words beginning with it are found', async () => {
    expect(await titles('quok', '&sort=date&order=oldest')).toEqual(['Début de Quokka', 'Minor update']);
    expect(await titles('wom', '&sort=date&order=oldest')).toEqual(['Open weights for Wombat', 'Weights are open, says Wombat']);
  });

  it('when a title and another entry\'s summary hold the word, then the title match comes first', async () => {
    expect(await titles('quokka')).toEqual(['Début de Quokka', 'Minor update']);
    expect(await titles('quokka', '&sort=date')).toEqual(['Minor update', 'Début de Quokka']);
  });

  it('when a common word is listed in timeline order a row at a time, then the pages hold every match once, in order', async () => {
    // Small pages of a word most rows hold: SQLite walks the date index instead of sorting the matches.
    const small = await titles('numbat', '&sort=date&order=oldest&limit=1');
    const big = await titles('numbat', '&sort=date&order=oldest&limit=100');
    expect(small).toHaveLength(12);
    expect(small).toEqual(big);
    expect(await titles('numbat', '&sort=date&limit=2')).toEqual([...big].reverse());
  });

  it('when a search is listed by relevance a row at a time, then the pages hold every match once, in the order of one big page', async () => {
    // With no other filter SQLite picks each relevance page inside FTS5 (keyset on rank, id).
    for (const q of ['numbat', 'wombat -says', 'open weights', 'quokka', '"open weights"']) {
      const small = await titles(q, '&limit=1');
      expect(small, q).toEqual(await titles(q, '&limit=100'));
      expect(new Set(small).size, q).toBe(small.length);
    }
    expect(await titles('numbat', '&limit=1')).toHaveLength(12);
    expect(await titles('wombat -says', '&limit=1')).toEqual(['Open weights for Wombat']);
  });

  it('when a phrase is quoted, then only the words in that order match', async () => {
    expect(await titles('"open weights"', '&sort=date&order=oldest')).toEqual(['Open weights for Wombat']);
    expect(await titles('open weights', '&sort=date&order=oldest')).toEqual(['Open weights for Wombat', 'Weights are open, says Wombat']);
  });

  it('when a word is excluded, then entries holding it are left out, and exclusions alone filter everything else', async () => {
    expect(await titles('wombat -says')).toEqual(['Open weights for Wombat']);
    const without = await titles('-numbat');
    expect(without).toHaveLength(6);
    expect(without.some((x) => x.startsWith('Numbat'))).toBe(false);
  });

  it('when % or _ is searched, then it matches literally, not as a wildcard', async () => {
    expect(await titles('40%')).toEqual(['Chips up 40% this year']);
    expect(await titles('%')).toEqual(['Chips up 40% this year']);
    expect(await titles('snake_case')).toEqual(['Chips up 40% this year']);
    expect(await titles('_')).toEqual(['Chips up 40% this year']);
  });

  it.each(
    ['"unclosed', '-', '***', 'NEAR(', 'OR', 'AND', '*', '^', ':', 'quokka OR', 'NEAR(quokka', '"quokka', 'y'.repeat(10_000)].map((q) => [q.length > 40 ? `${q.length} characters` : q, q]),
  )(
    'when the search is %j, then it answers 200 reading plain words',
    async (_label, q) => {
      const res = await request(t.app).get(`/api/v1/events?q=${encodeURIComponent(q)}`);
      expect(res.status).toBe(200);
      // Every word typed must be found: "quokka OR" looks for quokka and a word starting with "or".
      if (q === '"quokka') expect(res.body.data.map((e: Entry) => e.title)).toContain('Début de Quokka');
      const page = await request(t.app).get(`/?q=${encodeURIComponent(q)}`);
      expect(page.status).toBe(200);
    },
  );

  it('when pages are searched, then the matched words are marked and the text stays escaped', async () => {
    await makeEvent(t.db, { title: 'Quokka <script>alert(1)</script>', date: '2020-01-01' });
    const res = await request(t.app).get('/?q=quokka').expect(200);
    expect(res.text).toContain('<mark>Quokka</mark> &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(res.text).toContain('Début de <mark>Quokka</mark>');
    expect(res.text).not.toContain('<script>alert(1)');
  });
});

describe('highlights in the API', () => {
  it('when the API is searched, then each entry carries its title and summary in pieces, the matched words marked, as plain text', async () => {
    const res = await request(t.app).get('/api/v1/events?q=quokka&limit=100').expect(200);
    const debut = res.body.data.find((e: Entry) => e.title === 'Début de Quokka');
    expect(debut.highlights).toEqual({
      title: [{ text: 'Début de ', hit: false }, { text: 'Quokka', hit: true }],
      body: [{ text: 'The ', hit: false }, { text: 'quokka', hit: true }, { text: ' model opens', hit: false }],
    });
    for (const e of res.body.data as (Entry & { summary: string; highlights: { title: { text: string }[]; body: { text: string }[] } })[]) {
      expect(e.highlights.title.map((p) => p.text).join('')).toBe(e.title);
      expect(e.highlights.body.map((p) => p.text).join('')).toBe(e.summary);
    }
    // Accents folded, by the start of a word; the timeline's answer has them too.
    const timeline = await request(t.app).get('/api/v1/timeline?q=debu').expect(200);
    expect(timeline.body.data[0].highlights.title[0]).toEqual({ text: 'Début', hit: true });
  });

  it('when nothing is searched, or only exclusions, then entries have no highlights, and the OpenAPI document describes the field', async () => {
    const plain = await request(t.app).get('/api/v1/events?limit=5').expect(200);
    expect(plain.body.data.every((e: object) => !('highlights' in e))).toBe(true);
    const excluded = await request(t.app).get('/api/v1/events?q=-numbat&limit=5').expect(200);
    expect(excluded.body.data.every((e: object) => !('highlights' in e))).toBe(true);
    const doc = (await request(t.app).get('/api/openapi.json').expect(200)).body;
    expect(JSON.stringify(doc)).toContain('"Highlights"');
  });
});

describe('several values per filter', () => {
  const slugsOf = (entries: Entry[]) => entries.map((e) => e.slug).sort();

  it('when a filter is repeated, then entries with any of the values come (OR), and filters combine (AND)', async () => {
    const acme = await all('/api/v1/events?organization=sx-acme');
    const bolt = await all('/api/v1/events?organization=sx-bolt');
    const both = await all('/api/v1/events?organization=sx-acme&organization=sx-bolt&limit=3');
    expect(slugsOf(both)).toEqual([...new Set([...slugsOf(acme), ...slugsOf(bolt)])].sort());
    const andKind = await all('/api/v1/events?organization=sx-acme&organization=sx-bolt&kind=announcement&kind=report');
    expect(andKind.map((e) => e.title).sort()).toEqual(['Minor update', 'Snakexcase chips']);
    expect((await all('/api/v1/events?tag=sx-chips&tag=sx-law')).map((e) => e.title).sort()).toEqual(['Chips up 40% this year', 'Début de Quokka', 'Weights are open, says Wombat']);
  });

  for (const n of [31, 50]) {
    it(`when ${n} values are given, then the API answers 400 naming the limit, and the page says so without failing`, async () => {
      const qs = Array.from({ length: n }, (_, i) => `organization=o${i}`).join('&');
      const res = await request(t.app).get(`/api/v1/events?${qs}`).expect(400);
      expect(res.body.error.details.fields.organization).toBe(`Give at most 30 values for "organization" (${n} given).`);
      const page = await request(t.app).get(`/?${qs}`).expect(400);
      expect(page.text).toMatch(/at most 30 values for &quot;organization&quot;|at most 30 values for "organization"/);
    });
  }

  it('when 30 values are given, then they are taken', async () => {
    const ok = Array.from({ length: 30 }, () => 'kind=announcement').join('&');
    await request(t.app).get(`/api/v1/events?${ok}`).expect(200);
  });

  it('when the home page is filtered by two organizations, then both boxes are ticked and kept in the next links', async () => {
    const res = await request(t.app).get('/?organization=sx-acme&organization=sx-core').expect(200);
    expect(res.text).toMatch(/name="organization" value="sx-acme" checked/);
    expect(res.text).toMatch(/name="organization" value="sx-core" checked/);
    expect(res.text).not.toMatch(/name="organization" value="sx-bolt" checked/);
    expect(res.text).toContain('/api/v1/timeline?organization&#x3D;sx-acme&amp;organization&#x3D;sx-core');
  });
});

describe('facets', () => {
  it('when facets are asked for, then each count equals the length of the list with that value chosen', async () => {
    for (const base of ['', 'q=wombat', 'kind=release&kind=report', 'organization=sx-core&q=-numbat', 'q=weights&kind=release&organization=sx-bolt']) {
      const res = await request(t.app).get(`/api/v1/timeline?${base}&facets=1`).expect(200);
      const facets = res.body.facets as Record<string, { value: string; count: number }[]>;
      expect(Object.keys(facets).sort()).toEqual(['confidence', 'kind', 'organization', 'status', 'subject', 'tag']);
      for (const [name, values] of Object.entries(facets)) {
        for (const { value, count } of values) {
          const without = base.split('&').filter((p) => p && !p.startsWith(`${name}=`));
          const list = await all(`/api/v1/timeline?${[...without, `${name}=${value}`].join('&')}&limit=100`);
          expect(list.length, `${base} ${name}=${value}`).toBe(count);
        }
      }
    }
  });

  it('when only a search is given, then the results come first: the search box holds it, the filter bar stays closed, other filters ride along', async () => {
    const res = await request(t.app).get('/?q=wombat').expect(200);
    expect(res.text).toContain('<details class="filter-bar">');
    expect(res.text).toMatch(/<input id="home-search-q" type="search" name="q" value="wombat"/);
    const filtered = await request(t.app).get('/?q=wombat&organization=sx-acme').expect(200);
    expect(filtered.text).toContain('<details class="filter-bar" open>');
    expect(filtered.text).toContain('<input type="hidden" name="organization" value="sx-acme">');
  });

  it('when the home page is shown, then each organization carries its count for the query', async () => {
    const res = await request(t.app).get('/?q=wombat').expect(200);
    expect(res.text).toMatch(/value="sx-acme"> Acme Zeppelins <span class="facet-count" aria-label="1 entry">1<\/span>/);
    expect(res.text).not.toMatch(/value="sx-core"> Core Works <span class="facet-count" aria-label="0 entries"/);
  });
});

describe('facet counts kept by the database', () => {
  /** The unfiltered facets as the app reads them ("FacetCount") beside each one counted with GROUP BY. */
  async function storedAndCounted() {
    const q = timelineQuerySchema.parse({});
    const stored = await listFacets(t.db, q);
    const counted = {} as typeof stored;
    for (const facet of FACETS) {
      const streams = { events: facet !== 'status', milestones: facet === 'organization' || facet === 'subject' || facet === 'status' };
      const m = await facetCounts(t.db, facet as FacetName, {}, streams);
      counted[facet] = [...m].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
    }
    return { stored, counted };
  }

  it('when entries are created, edited, deleted, merged and imported, then the stored counts equal the counted rows after each change', async () => {
    const ctx = { db: t.db, now: t.clock(), userId: null };
    const check = async (step: string) => {
      const { stored, counted } = await storedAndCounted();
      expect(stored, step).toEqual(counted);
    };
    await check('start');
    const source = await t.db.source.create({ data: { publisher: 'Facet probe', title: 'Facet probe' } });
    const input = (kind: string, organizations: string | string[], tags: string) =>
      eventSchema.parse({
        title: 'Facet probe', slug: '', summary: '', kind, confidence: 'reported', date: '2025-02-01',
        organizations, subjects: '', tags, sourceId: [String(source.id)], sourceQuote: [''],
      });
    const created = await createEvent(ctx, input('release', 'sx-core', 'sx-law'));
    await check('created');
    const before = (await storedAndCounted()).stored.kind.find((k) => k.value === 'hardware')?.count ?? 0;
    await updateEvent(ctx, created.id, input('hardware', ['sx-acme', 'sx-bolt'], 'sx-chips'));
    await check('edited');
    expect((await storedAndCounted()).stored.kind.find((k) => k.value === 'hardware')?.count).toBe(before + 1);
    const extra = await makeOrganization(t.db, { slug: 'sx-facet-extra', name: 'Facet Extra' });
    await makeEvent(t.db, { title: 'Facet extra event', date: '2025-03-01', organizationIds: [extra.id], kind: 'other' });
    await check('second organization');
    const merged = await mergeRecords(ctx, 'organization', extra.id, 'sx-bolt');
    expect(merged.kept.slug).toBe('sx-bolt');
    await check('merged');
    await deleteEvent(ctx, created.id);
    await check('deleted');
    const report = await importData(ctx, JSON.stringify({
      sources: [{ key: 'fx-src', publisher: 'Example News', title: 'Facets', url: 'https://example.com/f', publishedOn: '2024-01-02', language: 'en', isPrimary: false, cites: null, discrepancies: [] }],
      events: [{ slug: 'fx-imported', title: 'Imported facet', summary: '', kind: 'training', confidence: 'rumored', date: '2025', organizations: ['sx-acme'], subjects: [], tags: ['sx-chips'], sources: [{ source: 'fx-src', quote: null }] }],
    }), { format: 'json', dryRun: false });
    expect(report.errors).toEqual([]);
    await check('imported');
    // A writer that is not the app: raw SQL on the tables, as the command-line tools or another instance might.
    await t.db.$executeRaw`UPDATE "Event" SET "confidence" = 'confirmed' WHERE "slug" = 'fx-imported'`;
    await t.db.$executeRaw`DELETE FROM "EventTag" WHERE "tagId" = ${tags.chips}`;
    await check('raw writes');
  });
});

describe('search in the other lists', () => {
  it('when organizations are searched and paged, then every match comes once, by name', async () => {
    const got = await all('/api/v1/organizations?q=labs&limit=1');
    expect(got.map((o) => o.slug)).toEqual(['sx-bolt']);
    const sx = await all('/api/v1/organizations?q=zeppelin%20-bolt&limit=1');
    expect(sx.map((o) => o.slug)).toEqual(['sx-acme']);
    const paged = await all('/api/v1/organizations?limit=1');
    expect(paged.length).toBe(await t.db.organization.count());
  });

  it('when subjects and sources are searched, then the API answers with pages and a damaged cursor is a 400', async () => {
    await t.db.subject.create({ data: { slug: 'sx-wombat-7b', ...named('Wombat 7B'), kind: 'model', description: '' } });
    expect((await all('/api/v1/subjects?q=womb')).map((s) => (s as unknown as { slug: string }).slug)).toEqual(['sx-wombat-7b']);
    await request(t.app).get('/api/v1/sources?q=anything').expect(200);
    await request(t.app).get('/api/v1/organizations?cursor=nonsense').expect(400);
  });
});

describe('the index stays in step', () => {
  it('when an event is created, edited and deleted, an organization renamed and a file imported, then search follows each change', async () => {
    const ctx = { db: t.db, now: t.clock(), userId: null };
    const source = await t.db.source.create({ data: { publisher: 'Probe', title: 'Search probe' } });
    const input = (title: string) =>
      eventSchema.parse({
        title,
        slug: '',
        summary: '',
        kind: 'release',
        confidence: 'confirmed',
        date: '2025-01-01',
        organizations: 'sx-core',
        subjects: '',
        tags: '',
        sourceId: [String(source.id)],
        sourceQuote: [''],
      });
    const created = await createEvent(ctx, input('Platypus arrives'));
    expect(await titles('platypus')).toEqual(['Platypus arrives']);
    await updateEvent(ctx, created.id, input('Echidna arrives'));
    expect(await titles('platypus')).toEqual([]);
    expect(await titles('echidna')).toEqual(['Echidna arrives']);
    const core = await t.db.organization.findUniqueOrThrow({ where: { id: orgs.core } });
    await updateOrganization(ctx, core.id, organizationSchema.parse({ name: 'Kestrel Works', slug: core.slug, website: '', description: '' }));
    expect(await titles('kestrel')).toContain('Echidna arrives');
    expect(await titles('"core works"')).toEqual([]);
    await deleteEvent(ctx, created.id);
    expect(await titles('echidna')).toEqual([]);
    const report = await importData(ctx, JSON.stringify({
      sources: [{ key: 'sx-src', publisher: 'Example News', title: 'A report', url: 'https://example.com/a', publishedOn: '2024-01-02', language: 'en', isPrimary: false, cites: null, discrepancies: [] }],
      events: [{ slug: 'sx-imported', title: 'Imported Axolotl', summary: '', kind: 'release', confidence: 'confirmed', date: '2025', organizations: [], subjects: [], tags: [], sources: [{ source: 'sx-src', quote: null }] }],
    }), { format: 'json', dryRun: false });
    expect(report.errors).toEqual([]);
    expect(await titles('axolotl')).toEqual(['Imported Axolotl']);
    // A writer that is not the app (raw SQL, as another tool might): the index follows it too, and
    // the new title still ranks its match before a summary's.
    // Read without the API's cache, which only the app's writes refresh.
    const found = async (q: string) => (await listTimeline(t.db, timelineQuerySchema.parse({ q }), 50)).entries.map((e) => e.title);
    await makeEvent(t.db, { title: 'Sea notes', summary: 'A narwhal was seen', date: '2025-02-01' });
    await t.db.$executeRaw`UPDATE "Event" SET "title" = 'Imported Narwhal', "searchText" = 'imported narwhal' WHERE "slug" = 'sx-imported'`;
    expect(await found('axolotl')).toEqual([]);
    expect(await found('narwhal')).toEqual(['Imported Narwhal', 'Sea notes']);
    await t.db.$executeRaw`DELETE FROM "Event" WHERE "slug" = 'sx-imported'`;
    expect(await found('narwhal')).toEqual(['Sea notes']);
  });
});
