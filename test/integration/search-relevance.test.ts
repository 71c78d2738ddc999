// Relevance in tiers (docs/decisions/0048), on the run's engine: entries with every searched word in
// their title first, then the other matches, each tier in the timeline's order. On SQLite a search
// alone is read from the date-keyed index and a search with another filter from the id-keyed one:
// both must give the same pages.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { makeEvent, makeOrganization } from '../helpers/factories.ts';
import { listTimeline, timelineQuerySchema } from '../../src/features/timeline/index.ts';
import { TEXT_MATCHES } from '../../src/features/timeline/timeline.service.ts';

let t: TestApp;
let org: string;

beforeAll(async () => {
  t = await createTestApp();
  const o = await makeOrganization(t.db, { slug: 'rx-org', name: 'Rx Org' });
  org = o.slug;
  const e = (title: string, summary: string, date: string) => makeEvent(t.db, { title, summary, date, organizationIds: [o.id] });
  await e('Kiwi one', 'first', '2020-03-01');
  await e('About birds', 'a kiwi in the summary', '2021-03-01');
  await e('Kiwi two', 'second', '2022-03-01');
  await e('Other birds', 'kiwis in the summary', '2023-03-01');
  await e('Kiwis three', 'third', '2024-03-01');
  await e('More birds', 'kiwi again', '2025-03-01');
  // A run of one day longer than two pages, with ends and titles that order it within the day. The
  // rows that come first (the months, which end later) are written first: the date-keyed index
  // holds a day's rows in the order they were written, not in the timeline's.
  for (const [title, date] of [
    ['Moa b', '2019-05'],
    ['Moa f', '2019-05'],
    ['Moa a', '2019-05-01'],
    ['Moa c', '2019-05-01'],
    ['Moa d', '2019'],
    ['Moa e', '2019-05-01'],
    ['Moa g', '2019-05-01'],
    ['Moa h', '2019-05-01'],
    ['Moa i', '2019-05-01'],
  ] as const) {
    await e(title, 'moa', date);
  }
  await e('Birds of 2019', 'a moa too', '2019-05-01');
  // 40 words that start alike: more than a prefix is read as (decision 48).
  for (let i = 0; i < 40; i++) await e(`Zebu${i}`, 'herd', `2018-01-${String((i % 28) + 1).padStart(2, '0')}`);
}, 120_000);
afterAll(async () => t?.close());

async function titles(query: string): Promise<string[]> {
  const out: string[] = [];
  let next: string | null = `/api/v1/events?${query}`;
  for (let guard = 0; next && guard < 200; guard++) {
    const res: request.Response = await request(t.app).get(next).expect(200);
    out.push(...res.body.data.map((x: { title: string }) => x.title));
    next = res.body.page.next;
  }
  expect(next).toBeNull();
  return out;
}

describe('relevance in tiers', () => {
  it('when a word is in some titles and in other summaries, then the title matches come first, each group newest first', async () => {
    expect(await titles('q=kiwi')).toEqual(['Kiwis three', 'Kiwi two', 'Kiwi one', 'More birds', 'Other birds', 'About birds']);
    expect(await titles('q=kiwi&order=oldest')).toEqual(['Kiwi one', 'Kiwi two', 'Kiwis three', 'About birds', 'Other birds', 'More birds']);
    expect(await titles('q=kiwi&sort=date')).toEqual(['More birds', 'Kiwis three', 'Other birds', 'Kiwi two', 'About birds', 'Kiwi one']);
  });

  it('when the pages are read a row at a time, with or without another filter, then they equal one big page', async () => {
    for (const q of ['q=kiwi', 'q=kiw', 'q=moa', 'q=kiwi&sort=date', 'q=moa&order=oldest', 'q=kiwi%20-three', 'q=zebu1', 'q=zebu']) {
      const big = await titles(`${q}&limit=100`);
      expect(await titles(`${q}&limit=1`), q).toEqual(big);
      expect(await titles(`${q}&limit=2`), q).toEqual(big);
      // The organization holds every event: the same rows, read another way on SQLite.
      expect(await titles(`${q}&limit=1&organization=${org}`), q).toEqual(big);
    }
  });

  it('when results come by relevance, then the API says where each matched and the page sets the other matches apart', async () => {
    const res = await request(t.app).get('/api/v1/events?q=kiwi').expect(200);
    expect(res.body.data.map((x: { matched?: string }) => x.matched)).toEqual(['title', 'title', 'title', 'text', 'text', 'text']);
    const byDate = await request(t.app).get('/api/v1/events?q=kiwi&sort=date').expect(200);
    expect(byDate.body.data.every((x: { matched?: string }) => x.matched === undefined)).toBe(true);
    const page = (await request(t.app).get('/?q=kiwi').expect(200)).text;
    const at = (s: string) => page.indexOf(s);
    expect(page.split(TEXT_MATCHES)).toHaveLength(2);
    expect(at('Kiwi one')).toBeLessThan(at(TEXT_MATCHES));
    expect(at(TEXT_MATCHES)).toBeLessThan(at('More birds'));
    // 2019 comes in both tiers of "moa": its anchors stay unique.
    const moa = (await request(t.app).get('/?q=moa').expect(200)).text;
    const ids = [...moa.matchAll(/id="(year-[^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(['year-2019', 'year-2019-text']);
    expect((await request(t.app).get('/?q=kiwi&sort=date').expect(200)).text).not.toContain(TEXT_MATCHES);
  });

  it('when many matches share a day, then they keep the timeline order within it (start, end, title)', async () => {
    const day = ['Moa f', 'Moa b', 'Moa i', 'Moa h', 'Moa g', 'Moa e', 'Moa c', 'Moa a'];
    expect(await titles('q=moa&limit=2')).toEqual([...day, 'Moa d', 'Birds of 2019']);
    expect(await titles('q=moa&sort=date&limit=3')).toEqual([...day, 'Birds of 2019', 'Moa d']);
  });

  it('when the start of a word is searched, then every word it begins is found, however many there are', async () => {
    expect(await titles('q=kiw&sort=date&order=oldest')).toEqual(['Kiwi one', 'About birds', 'Kiwi two', 'Other birds', 'Kiwis three', 'More birds']);
    expect(await titles('q=zebu1')).toHaveLength(11);
    expect(await titles('q=zebu')).toHaveLength(40);
    expect(await titles('q=zebux')).toEqual([]);
  });

  it('when an entry has one word of a prefix in its title and another only in its text, then it is listed once, with the title matches', async () => {
    const ids = (await t.db.organization.findUniqueOrThrow({ where: { slug: org } })).id;
    const four = await makeEvent(t.db, { title: 'Kiwi four', summary: 'kiwis galore', date: '2017-01-01', organizationIds: [ids] });
    try {
      const found = async (v: Record<string, string>) => (await listTimeline(t.db, timelineQuerySchema.parse({ type: 'events', ...v }), 50)).entries.map((e) => e.title);
      expect(await found({ q: 'kiw' })).toEqual(['Kiwis three', 'Kiwi two', 'Kiwi one', 'Kiwi four', 'More birds', 'Other birds', 'About birds']);
      expect(await found({ q: 'kiw', order: 'oldest' })).toEqual(['Kiwi four', 'Kiwi one', 'Kiwi two', 'Kiwis three', 'About birds', 'Other birds', 'More birds']);
      expect(await found({ q: 'kiw -galore' })).toEqual(['Kiwis three', 'Kiwi two', 'Kiwi one', 'More birds', 'Other birds', 'About birds']);
    } finally {
      await t.db.event.delete({ where: { id: four.id } });
    }
    expect(await titles('q=galore')).toEqual([]);
  });

  it('when an event is moved to another date or retitled, then its place in the results follows', async () => {
    // Written as another tool would (the triggers keep the indexes), read without the API's cache,
    // which only the app's writes refresh.
    const found = async (v: Record<string, string>) => (await listTimeline(t.db, timelineQuerySchema.parse({ type: 'events', ...v }), 50)).entries.map((e) => e.title);
    const one = await t.db.event.findFirstOrThrow({ where: { title: 'Kiwi one' } });
    await t.db.event.update({ where: { id: one.id }, data: { dateStart: new Date('2026-01-01T00:00:00Z'), dateEnd: new Date('2026-01-02T00:00:00Z') } });
    expect((await found({ q: 'kiwi' }))[0]).toBe('Kiwi one');
    expect((await found({ q: 'kiwi', sort: 'date' }))[0]).toBe('Kiwi one');
    await t.db.event.update({ where: { id: one.id }, data: { title: 'Bird one', searchText: 'bird one first kiwi' } });
    expect(await found({ q: 'kiwi' })).toEqual(['Kiwis three', 'Kiwi two', 'Bird one', 'More birds', 'Other birds', 'About birds']);
  });

  it('when a cursor from before the tiers is sent, then the API answers 400', async () => {
    const old = Buffer.from(JSON.stringify({ e: null, m: null, er: [-1.5, 3], mr: null })).toString('base64url');
    const res = await request(t.app).get(`/api/v1/events?q=kiwi&cursor=${old}`);
    expect(res.status).toBe(400);
  });

  it('when a search alone is read page by page, then each entry shows its own organizations and subjects, not another match’s', async () => {
    // A search alone reads the links of every row its page can hold beside the page itself (more
    // rows than the page): each entry must still get only its own.
    const made: { id: number }[] = [];
    const expected = new Map<string, { organizations: string[]; subjects: string[] }>();
    try {
      for (let i = 0; i < 12; i++) {
        const o = await makeOrganization(t.db, { slug: `quokka-org-${i}`, name: `Quokka keeper ${i}` });
        const s = await t.db.subject.create({ data: { slug: `quokka-subject-${i}`, name: `Quokka model ${i}`, sortName: `quokka model ${i}`, kind: 'model' } });
        made.push(await makeEvent(t.db, { title: `Quokka ${i}`, summary: 'marsupial', date: `2016-0${1 + (i % 3)}-1${i % 9}`, organizationIds: [o.id], subjectIds: [s.id] }));
        expected.set(`Quokka ${i}`, { organizations: [`Quokka keeper ${i}`], subjects: [`Quokka model ${i}`] });
      }
      const seen = new Map<string, { organizations: string[]; subjects: string[] }>();
      let cursor: string | undefined;
      for (let guard = 0; guard < 20; guard++) {
        const page = await listTimeline(t.db, timelineQuerySchema.parse({ type: 'events', q: 'quokka', ...(cursor ? { cursor } : {}) }), 5);
        for (const e of page.entries) {
          if (e.type === 'event') seen.set(e.title, { organizations: e.organizations.map((o) => o.name), subjects: e.subjects.map((x) => x.name) });
        }
        cursor = page.nextCursor ?? undefined;
        if (!cursor) break;
      }
      expect(seen).toEqual(expected);
    } finally {
      await t.db.event.deleteMany({ where: { id: { in: made.map((m) => m.id) } } });
      await t.db.subject.deleteMany({ where: { slug: { startsWith: 'quokka-subject-' } } });
      await t.db.organization.deleteMany({ where: { slug: { startsWith: 'quokka-org-' } } });
    }
  });
});
