// The timeline's stream reads (raw, portable SQL) against the Prisma queries they replaced, used
// here as the oracle: every filter alone and combined, both orders, keyset paging through a long
// run of events sharing one start, literal search, and the window-overlap boundaries.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFuzzyDate } from '../../src/features/dates/index.ts';
import { searchWords } from '../../src/features/search/index.ts';
import { eventListInclude } from '../../src/features/timeline/timeline.repo.ts';
import type { Prisma } from '../../src/generated/sqlite/client.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { makeEvent, named } from '../helpers/factories.ts';

let t: TestApp;

interface Spec {
  title: string;
  date: string;
  summary?: string;
  kind?: string;
  confidence?: string;
  orgs?: number[];
  subjects?: number[];
  tags?: number[];
}

function event(s: Spec) {
  return makeEvent(t.db, {
    title: s.title,
    date: s.date,
    summary: s.summary,
    kind: s.kind,
    confidence: s.confidence,
    organizationIds: s.orgs,
    subjectIds: s.subjects,
    tagIds: s.tags,
  });
}

const ids = { orgs: [] as number[], subjects: [] as number[], tags: [] as number[] };
const SAME_DAY = 120;

beforeAll(async () => {
  t = await createTestApp({ seed: true });
  // Names out of id order, so that ordering links by name is visible.
  for (const name of ['Zeta Labs', 'Alpha Works', 'Mid Corp']) {
    ids.orgs.push((await t.db.organization.create({ data: { ...named(name), slug: `tq-${name.toLowerCase().replace(' ', '-')}` } })).id);
  }
  for (const name of ['Yak model', 'Bee model']) {
    ids.subjects.push((await t.db.subject.create({ data: { ...named(name), slug: `tq-${name.toLowerCase().replace(' ', '-')}` } })).id);
  }
  for (const name of ['zz tag', 'aa tag']) {
    ids.tags.push((await t.db.tag.create({ data: { ...named(name), slug: `tq-${name.replace(' ', '-')}` } })).id);
  }
  const [zeta, alpha, mid] = ids.orgs as [number, number, number];
  const [yak, bee] = ids.subjects as [number, number];
  const [zz, aa] = ids.tags as [number, number];
  const kinds = ['release', 'report', 'announcement'];
  const confidences = ['confirmed', 'reported', 'rumored'];
  // A long run of events starting on one day, with repeated titles (ties broken by id).
  for (let i = 0; i < SAME_DAY; i++) {
    await event({
      title: `Same day ${String(i % 40).padStart(2, '0')}`,
      date: '2011-01-01',
      kind: kinds[i % 3],
      confidence: confidences[i % 5 === 0 ? 2 : i % 2],
      orgs: i % 4 === 0 ? [zeta, alpha] : i % 4 === 1 ? [mid] : [],
      subjects: i % 3 === 0 ? [yak, bee] : [],
      tags: i % 6 === 0 ? [zz, aa] : [],
    });
  }
  // The same start with other ends, and neighbours on both sides.
  await event({ title: 'January 2011', date: '2011-01', orgs: [zeta], subjects: [bee], tags: [aa] });
  await event({ title: 'Year 2011', date: '2011', kind: 'report', orgs: [alpha, mid] });
  await event({ title: 'Late 2010', date: '2010-12-31', orgs: [zeta] });
  await event({ title: 'Next day', date: '2011-01-02', confidence: 'rumored', subjects: [yak] });
  // Literal search: % and _ are not wildcards; case does not matter; \ is literal too.
  await event({ title: '100% Sure_thing', date: '2019-05-05', orgs: [mid] });
  await event({ title: '100 percent SureXthing', date: '2019-05-06', orgs: [mid] });
  await event({ title: 'A back\\slash title', date: '2019-05-07' });
  // Window boundaries: [2020-03-01, 2020-03-02), [2020-03-02, 2020-03-03), [2020-03-09, …), [2020-03-10, …).
  await event({ title: 'Boundary first', date: '2020-03-01', orgs: [alpha] });
  await event({ title: 'Boundary second', date: '2020-03-02', orgs: [alpha] });
  await event({ title: 'Boundary ninth', date: '2020-03-09', orgs: [alpha] });
  await event({ title: 'Boundary tenth', date: '2020-03-10', orgs: [alpha] });
}, 120_000);
afterAll(async () => t?.close());

interface Entry {
  type: string;
  slug: string;
  title: string;
  organizations: { slug: string }[];
  subjects: { slug: string }[];
  tags: { slug: string }[];
}

async function allPages(url: string): Promise<Entry[]> {
  const out: Entry[] = [];
  let next: string | null = url;
  for (let guard = 0; next && guard < 500; guard++) {
    const res: request.Response = await request(t.app).get(next).expect(200);
    out.push(...res.body.data);
    next = res.body.page.next;
  }
  expect(next).toBeNull();
  return out;
}

interface Params {
  organization?: string;
  subject?: string;
  kind?: string;
  confidence?: string;
  from?: string;
  to?: string;
  q?: string;
}

/** What the Prisma query the stream used to be returns: the oracle. */
async function oracle(p: Params, order: 'oldest' | 'newest') {
  const and: Prisma.EventWhereInput[] = [];
  if (p.from) and.push({ dateEnd: { gt: parseFuzzyDate(p.from).start } });
  if (p.to) and.push({ dateStart: { lt: parseFuzzyDate(p.to).end } });
  if (p.organization) and.push({ organizations: { some: { organization: { slug: p.organization } } } });
  if (p.subject) and.push({ subjects: { some: { subject: { slug: p.subject } } } });
  if (p.kind) and.push({ kind: p.kind });
  if (p.confidence) and.push({ confidence: p.confidence });
  // Full-text search: each typed word is the start of a word of the row's searchText.
  const words = p.q ? searchWords(p.q) : [];
  const d = order === 'oldest' ? 'asc' : 'desc';
  const rows = await t.db.event.findMany({
    where: { AND: and },
    orderBy: [{ dateStart: d }, { dateEnd: d }, { title: d }, { id: d }],
    include: eventListInclude,
  });
  const found = rows.filter((r) => words.every((w) => r.searchText.split(' ').some((x) => x.startsWith(w))));
  return found.map((r) => ({
    slug: r.slug,
    organizations: r.organizations.map((o) => o.organization.slug),
    subjects: r.subjects.map((s) => s.subject.slug),
    tags: r.tags.map((x) => x.tag.slug),
  }));
}

function shape(entries: Entry[]) {
  return entries.map((e) => ({
    slug: e.slug,
    organizations: e.organizations.map((o) => o.slug),
    subjects: e.subjects.map((s) => s.slug),
    tags: e.tags.map((x) => x.slug),
  }));
}

function url(p: Params, order: 'oldest' | 'newest', limit: number) {
  // With a search, timeline order (sort=date) so that pages compare with the oracle's order.
  const q = new URLSearchParams({ ...(p as Record<string, string>), ...(p.q ? { sort: 'date' } : {}), order, limit: String(limit) });
  return `/api/v1/events?${q}`;
}

async function expectSameAsOracle(p: Params, limit = 7) {
  for (const order of ['oldest', 'newest'] as const) {
    const got = shape(await allPages(url(p, order, limit)));
    const want = await oracle(p, order);
    expect(got, `${JSON.stringify(p)} ${order}`).toEqual(want);
    expect(new Set(got.map((e) => e.slug)).size).toBe(got.length);
  }
}

describe('event stream filters (raw SQL) against the former Prisma query', () => {
  it('when unfiltered, then every event comes once, in order, with links ordered by name', async () => {
    await expectSameAsOracle({}, 25);
    const first = shape((await request(t.app).get('/api/v1/events?order=oldest&q=same%20day%2000').expect(200)).body.data);
    expect(first[0]).toEqual({
      slug: expect.any(String),
      organizations: ['tq-alpha-works', 'tq-zeta-labs'],
      subjects: ['tq-bee-model', 'tq-yak-model'],
      tags: ['tq-aa-tag', 'tq-zz-tag'],
    });
  });

  it.each<[string, Params]>([
    ['organization', { organization: 'tq-zeta-labs' }],
    ['organization (seeded)', { organization: 'google' }],
    ['subject', { subject: 'tq-yak-model' }],
    ['kind', { kind: 'report' }],
    ['confidence', { confidence: 'rumored' }],
    ['from', { from: '2011-01-02' }],
    ['to', { to: '2011-01-01' }],
    ['from and to', { from: '2010', to: '2011-01' }],
    ['search', { q: 'Same DAY 1' }],
    ['organization + subject', { organization: 'tq-zeta-labs', subject: 'tq-yak-model' }],
    ['organization + kind + confidence', { organization: 'tq-mid-corp', kind: 'report', confidence: 'reported' }],
    ['all at once', { organization: 'tq-alpha-works', subject: 'tq-bee-model', kind: 'release', confidence: 'rumored', from: '2011', to: '2011', q: 'same' }],
  ])('when filtered by %s, then the pages equal the former query', async (_name, p) => {
    const got = await oracle(p, 'oldest');
    if (_name !== 'all at once') expect(got.length).toBeGreaterThan(0);
    await expectSameAsOracle(p);
  });

  it('when paging through 120 events sharing a start date, then each comes exactly once, in order, both ways', async () => {
    for (const order of ['oldest', 'newest'] as const) {
      const got = await allPages(url({ from: '2011-01-01', to: '2011-01-01' }, order, 7));
      const sameDay = got.filter((e) => e.title.startsWith('Same day '));
      expect(sameDay).toHaveLength(SAME_DAY);
      expect(new Set(got.map((e) => e.slug)).size).toBe(got.length);
      const titles = sameDay.map((e) => e.title);
      const sorted = [...titles].sort();
      expect(titles).toEqual(order === 'oldest' ? sorted : sorted.reverse());
      // 2011-01-01 [day], then the month and the year that also start on that day.
      expect(got.length).toBe(SAME_DAY + 2);
    }
  });

  it('when searching with % and _, then they match literally (never as wildcards) and case-insensitively', async () => {
    const titles = async (q: string) => (await allPages(url({ q }, 'oldest', 7))).map((e) => e.title);
    expect(await titles('100% sure')).toEqual(['100% Sure_thing']);
    expect(await titles('SURE_THING')).toEqual(['100% Sure_thing']);
    expect(await titles('sure_th')).toEqual(['100% Sure_thing']);
    expect(await titles('%')).toEqual(['100% Sure_thing']);
    expect(await titles('_')).toEqual(['100% Sure_thing']);
    // "_" is not "any character": SureXthing is not Sure_thing.
    expect(await titles('sure_thing')).not.toContain('100 percent SureXthing');
    expect(await titles('surexthing')).toEqual(['100 percent SureXthing']);
    expect(await titles('back\\slash')).toEqual(['A back\\slash title']);
  });

  it('when a window is given, then an event ending exactly at "from" and one starting exactly at the end of "to" are left out', async () => {
    const titles = async (p: Params) => (await allPages(url({ organization: 'tq-alpha-works', ...p }, 'oldest', 2))).map((e) => e.title);
    expect(await titles({ from: '2020-03-02' })).toEqual(['Boundary second', 'Boundary ninth', 'Boundary tenth']);
    expect(await titles({ to: '2020-03-09' })).not.toContain('Boundary tenth');
    expect(await titles({ from: '2020-03-02', to: '2020-03-09' })).toEqual(['Boundary second', 'Boundary ninth']);
    expect(await titles({ from: '2020-03', to: '2020-03' })).toEqual(['Boundary first', 'Boundary second', 'Boundary ninth', 'Boundary tenth']);
  });
});

describe('milestone stream', () => {
  async function milestoneOracle(where: Prisma.MilestoneWhereInput, d: 'asc' | 'desc') {
    const rows = await t.db.milestone.findMany({ where, orderBy: [{ sortStart: d }, { sortEnd: d }, { title: d }, { id: d }], select: { slug: true } });
    return rows.map((r) => r.slug);
  }

  it('when listed with small pages and filters, then they equal the former query in both orders', async () => {
    const cases: [string, Prisma.MilestoneWhereInput][] = [
      ['', {}],
      ['status=upcoming', { status: 'upcoming' }],
      ['organization=openai', { organizations: { some: { organization: { slug: 'openai' } } } }],
      ['from=2024&to=2025', { sortEnd: { gt: parseFuzzyDate('2024').start }, sortStart: { lt: parseFuzzyDate('2025').end } }],
    ];
    let nonEmpty = 0;
    for (const [qs, where] of cases) {
      for (const [order, d] of [['oldest', 'asc'], ['newest', 'desc']] as const) {
        const got = await allPages(`/api/v1/milestones?limit=3&order=${order}${qs ? `&${qs}` : ''}`);
        expect(got.every((e) => e.type === 'milestone')).toBe(true);
        const want = await milestoneOracle(where, d);
        expect(got.map((e) => e.slug), `${qs} ${order}`).toEqual(want);
        if (want.length) nonEmpty++;
      }
    }
    expect(nonEmpty).toBeGreaterThan(2);
  });

  it('when a filter matches no milestone, then the stream is empty and the timeline still lists the events', async () => {
    const none = await request(t.app).get('/api/v1/milestones?q=nothing%20matches%20this').expect(200);
    expect(none.body.data).toEqual([]);
    const merged = await allPages('/api/v1/timeline?organization=tq-zeta-labs&limit=5');
    expect(merged.map((e) => e.slug)).toEqual((await oracle({ organization: 'tq-zeta-labs' }, 'newest')).map((e) => e.slug));
  });
});

describe('home page', () => {
  it('when rendered with filters, then it lists the matching events and the filter options', async () => {
    const res = await request(t.app).get('/?organization=tq-zeta-labs&subject=tq-bee-model&order=oldest').expect(200);
    expect(res.text).toContain('January 2011');
    expect(res.text).not.toContain('Late 2010');
    expect(res.text).toContain('tq-alpha-works');
    expect(res.text).toContain('tq-yak-model');
  });
});
