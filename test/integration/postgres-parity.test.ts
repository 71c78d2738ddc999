// Behaviour that differs between SQLite and PostgreSQL unless the code is careful: text order,
// date comparison, literal case-insensitive search, keyset pages, atomic writes. `npm test` runs
// this file on both engines; every expectation is the same on each.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bumpContentVersion, readContentVersion } from '../../src/platform/content-version.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { testEngine } from '../helpers/db.ts';
import { makeEvent, makeOrganization, named } from '../helpers/factories.ts';

interface Entry {
  slug: string;
  title: string;
}

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

async function titles(query: string): Promise<string[]> {
  const out: string[] = [];
  let next: string | null = `/api/v1/events?${query}`;
  while (next) {
    const res: request.Response = await request(t.app).get(next).expect(200);
    out.push(...(res.body.data as Entry[]).map((e) => e.title));
    next = res.body.page.next;
  }
  return out;
}

describe(`portable behaviour (${testEngine()})`, () => {
  it('when titles differ only in case, accents and punctuation on the same day, then they sort in code-point order', async () => {
    const names = ['beta', 'Zeta', 'alpha', 'Éclair', 'eclair', 'Beta', '_under', '10 things', '9 lives', 'Ω omega', 'Alpha'];
    for (const title of names) await makeEvent(t.db, { title, date: '2031-03-03' });
    const sorted = [...names].sort();
    expect(sorted.slice(0, 4)).toEqual(['10 things', '9 lives', 'Alpha', 'Beta']);
    expect(await titles('from=2031-03-03&to=2031-03-03&order=oldest&limit=100')).toEqual(sorted);
    expect(await titles('from=2031-03-03&to=2031-03-03&order=newest&limit=100')).toEqual([...sorted].reverse());
  });

  it('when paging three at a time through entries that tie on date, then each appears once in the same order as one page', async () => {
    for (let i = 0; i < 8; i++) await makeEvent(t.db, { title: `Tie ${i % 3}`, date: '2031-06' });
    await makeEvent(t.db, { title: 'Tie 1', date: '2031-06-15' });
    const whole = await titles('from=2031-06&to=2031-06&order=oldest&limit=100');
    expect(whole).toHaveLength(9);
    expect(await titles('from=2031-06&to=2031-06&order=oldest&limit=3')).toEqual(whole);
    expect(await titles('from=2031-06&to=2031-06&order=newest&limit=3')).toEqual([...whole].reverse());
  });

  it('when filtering by a fuzzy range, then windows that touch its edges but do not overlap are left out', async () => {
    await makeEvent(t.db, { title: 'Range April 2032', date: '2032-04' });
    await makeEvent(t.db, { title: 'Range last instant of April', date: '2032-04-30' });
    await makeEvent(t.db, { title: 'Range early May 2032', date: 'early May 2032' });
    await makeEvent(t.db, { title: 'Range Q2 2032', date: 'Q2 2032' });
    await makeEvent(t.db, { title: 'Range 2032', date: '2032' });
    await makeEvent(t.db, { title: 'Range June 2032', date: '2032-06' });
    const may = await titles('q=range&sort=date&from=May%202032&to=May%202032&order=oldest&limit=100');
    expect(may).toEqual(['Range 2032', 'Range Q2 2032', 'Range early May 2032']);
  });

  it('when searching with other cases and accents, then matches are case-insensitive and literal', async () => {
    await makeEvent(t.db, { title: 'Étude: 100% of GPUs', summary: 'Ça coûte cher', date: '2033-01' });
    await makeEvent(t.db, { title: '1000 GPUs in a row', date: '2033-01' });
    await makeEvent(t.db, { title: 'a_b testing', date: '2033-01' });
    await makeEvent(t.db, { title: 'axb testing', date: '2033-01' });
    expect(await titles(`q=${encodeURIComponent('ÉTUDE')}`)).toEqual(['Étude: 100% of GPUs']);
    expect(await titles(`q=${encodeURIComponent('ça COÛTE')}`)).toEqual(['Étude: 100% of GPUs']);
    expect(await titles(`q=${encodeURIComponent('100%')}`)).toEqual(['Étude: 100% of GPUs']);
    expect(await titles(`q=${encodeURIComponent('a_b')}`)).toEqual(['a_b testing']);
  });

  it('when a date with milliseconds is written, then it reads back as the same instant', async () => {
    const at = new Date('2024-03-31T23:30:00.123Z');
    const org = await t.db.organization.create({ data: { slug: 'instant-check', ...named('Instant'), createdAt: at } });
    const back = await t.db.organization.findUniqueOrThrow({ where: { id: org.id } });
    expect(back.createdAt.toISOString()).toBe(at.toISOString());
    const found = await t.db.organization.findMany({ where: { createdAt: { gte: at, lt: new Date(at.getTime() + 1) } }, orderBy: { id: 'asc' } });
    expect(found.map((o) => o.slug)).toEqual(['instant-check']);
  });

  it('when one statement of a transaction fails, then none of it is written and the error is a conflict (P2002)', async () => {
    const taken = await makeOrganization(t.db, { slug: 'taken-slug' });
    const attempt = t.db.$transaction([
      t.db.organization.create({ data: { slug: 'half-written', ...named('Half') } }),
      t.db.organization.create({ data: { slug: taken.slug, ...named('Duplicate') } }),
    ]);
    await expect(attempt).rejects.toMatchObject({ code: 'P2002' });
    expect(await t.db.organization.count({ where: { slug: 'half-written' } })).toBe(0);
  });

  it('when the content version is bumped from many requests at once, then no bump is lost', async () => {
    const before = await readContentVersion(t.db);
    await Promise.all(Array.from({ length: 25 }, () => bumpContentVersion(t.db)));
    expect(await readContentVersion(t.db)).toBe(before + 25);
  });
});
