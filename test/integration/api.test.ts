import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { makeEvent } from '../helpers/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ seed: true });
});
afterAll(async () => t.close());

interface Entry {
  type: string;
  slug: string;
  title: string;
  date?: { start: string; end: string; precision: string; label: string };
  placement?: { start: string };
  organizations: { slug: string }[];
}

async function allPages(url: string): Promise<Entry[]> {
  const out: Entry[] = [];
  let next: string | null = url;
  while (next) {
    const res: request.Response = await request(t.app).get(next).expect(200);
    out.push(...res.body.data);
    next = res.body.page.next;
  }
  return out;
}

describe('GET /api/v1/events', () => {
  it('when asked for Llama 2, then it is dated 18 July 2023 at day precision', async () => {
    const res = await request(t.app).get('/api/v1/events?q=llama%202&order=oldest').expect(200);
    const llama = (res.body.data as Entry[]).find((e) => e.slug === 'llama-2-release');
    expect(llama?.date).toMatchObject({
      start: '2023-07-18T00:00:00.000Z',
      end: '2023-07-19T00:00:00.000Z',
      precision: 'day',
      label: '18 July 2023',
    });
  });

  it('when paging with a small limit, then every event appears once, in order', async () => {
    const paged = await allPages('/api/v1/events?limit=3&order=oldest');
    const whole = (await request(t.app).get('/api/v1/events?limit=100&order=oldest').expect(200)).body.data as Entry[];
    expect(paged.map((e) => e.slug)).toEqual(whole.map((e) => e.slug));
    expect(new Set(paged.map((e) => e.slug)).size).toBe(paged.length);
    const starts = paged.map((e) => e.date!.start);
    expect([...starts].sort()).toEqual(starts);
  });

  it('when filtered by Google, then Gemini is listed and Llama 2 is not', async () => {
    const slugs = (await allPages('/api/v1/events?organization=google')).map((e) => e.slug);
    expect(slugs).toContain('gemini-launch');
    expect(slugs).not.toContain('llama-2-release');
  });

  it('when filtered by a fuzzy date range, then only entries overlapping it are returned', async () => {
    const entries = await allPages('/api/v1/events?from=early%202024&to=early%202024');
    expect(entries.length).toBeGreaterThan(0);
    for (const e of entries) {
      expect(e.date!.start < '2024-05-01').toBe(true);
      expect(e.date!.end > '2024-01-01').toBe(true);
    }
    expect(entries.map((e) => e.slug)).toContain('llama-3-release');
  });

  it('when given an invalid date, then it answers 400 with a message listing accepted forms', async () => {
    const res = await request(t.app).get('/api/v1/events?from=2024-02-30').expect(400);
    expect(res.body.error.code).toBe('invalid_request');
    expect(res.body.error.details.fields.from).toMatch(/29 days/);
    expect(res.body.error.details.fields.from).toMatch(/Q2 2024/);
  });

  it.each([
    ['kind=nonsense', 'kind'],
    [Array.from({ length: 51 }, () => 'kind=release').join('&'), 'kind'],
    ['organization[x]=meta', 'organization[x]'],
    ['limit=0', 'limit'],
    ['limit=abc', 'limit'],
    ['cursor=not-a-cursor', 'cursor'],
    ['organization=nobody-here', 'organization'],
  ])('when the query is %s, then it answers 400 naming the parameter', async (qs, field) => {
    const res = await request(t.app).get(`/api/v1/events?${qs}`);
    if (field === 'organization[x]') {
      // Unknown parameters are ignored, as on the pages: the request still succeeds.
      expect(res.status).toBe(200);
      return;
    }
    expect(res.status).toBe(400);
    expect(res.body.error.details.fields[field]).toEqual(expect.any(String));
  });

  it('when searching for "%" or "_", then they match literally, not as wildcards', async () => {
    await makeEvent(t.db, { title: 'Chip prices up 40% this year', date: '2024-03' });
    await makeEvent(t.db, { title: 'A model named snake_case', date: '2024-03' });
    const percent = await request(t.app).get('/api/v1/events?q=%25').expect(200);
    const underscore = await request(t.app).get('/api/v1/events?q=_').expect(200);
    for (const e of [...percent.body.data, ...underscore.body.data] as Entry[]) {
      expect(JSON.stringify(e)).toMatch(/[%_]/);
    }
    expect((percent.body.data as Entry[]).map((e) => e.title)).toEqual(['Chip prices up 40% this year']);
    expect((underscore.body.data as Entry[]).map((e) => e.title)).toEqual(['A model named snake_case']);
  });

  it('when searching in another case, then the match is case-insensitive', async () => {
    const lower = (await request(t.app).get('/api/v1/events?q=gemini').expect(200)).body.data as Entry[];
    const upper = (await request(t.app).get('/api/v1/events?q=GEMINI').expect(200)).body.data as Entry[];
    expect(lower.length).toBeGreaterThan(0);
    expect(upper.map((e) => e.slug)).toEqual(lower.map((e) => e.slug));
  });
});

describe('GET /api/v1/milestones', () => {
  it('when listed, then the seed claims come with windows, statuses and outcomes', async () => {
    const res = await request(t.app).get('/api/v1/milestones?limit=100').expect(200);
    const gemini = (res.body.data as (Entry & Record<string, unknown>)[]).find((m) => m.slug === 'google-gemini-may-2024');
    expect(gemini).toMatchObject({
      type: 'milestone',
      status: 'resolved',
      outcome: 'early',
      gapDays: -147,
      expected: { start: '2024-05-01T00:00:00.000Z', end: '2024-06-01T00:00:00.000Z', precision: 'month', text: 'mai 2024' },
    });
  });

  it('when filtered by status, then events are left out', async () => {
    const res = await request(t.app).get('/api/v1/timeline?status=resolved&limit=100').expect(200);
    expect(res.body.data.length).toBeGreaterThan(0);
    expect((res.body.data as Entry[]).every((e) => e.type === 'milestone')).toBe(true);
  });
});

describe('other API resources', () => {
  it('when listing organizations and subjects, then each has counts', async () => {
    const orgs = (await request(t.app).get('/api/v1/organizations').expect(200)).body.data;
    expect(orgs.find((o: { slug: string }) => o.slug === 'meta')).toMatchObject({ name: 'Meta', events: expect.any(Number) });
    const subjects = (await request(t.app).get('/api/v1/subjects').expect(200)).body.data;
    expect(subjects.map((s: { slug: string }) => s.slug)).toContain('llama-2');
  });

  it('when paging sources, then each source appears once and the French article cites the WSJ report', async () => {
    const first = await request(t.app).get('/api/v1/sources?limit=2').expect(200);
    expect(first.body.data).toHaveLength(2);
    expect(first.body.page.next).toMatch(/cursor=/);
    const all = (await request(t.app).get('/api/v1/sources?limit=100').expect(200)).body.data as {
      id: number;
      language: string;
      citesId: number | null;
      publisher: string;
      discrepancies: unknown[];
    }[];
    const french = all.find((s) => s.language === 'fr');
    expect(french?.citesId).toEqual(expect.any(Number));
    expect(all.find((s) => s.id === french!.citesId)?.publisher).toMatch(/Wall Street Journal/);
    expect(french?.discrepancies).toHaveLength(3);
  });

  it('when an id or slug does not exist, then it answers 404 in JSON', async () => {
    const res = await request(t.app).get('/api/v1/events/no-such-event').expect(404);
    expect(res.body.error).toMatchObject({ code: 'not_found', message: expect.stringContaining('no-such-event') });
    await request(t.app).get('/api/v1/sources/abc').expect(404);
    await request(t.app).get('/api/v1/nothing-here').expect(404);
  });
});

describe('sources in API lists', () => {
  it('when events are listed, then each carries its sources with their quotes, as the detail endpoint does', async () => {
    const list = await allPages('/api/v1/events?limit=100');
    const withSources = list as (Entry & { sources: { id: number; title: string; quote: string | null }[] })[];
    const llama = withSources.find((e) => e.slug === 'llama-2-release')!;
    const detail = await request(t.app).get('/api/v1/events/llama-2-release').expect(200);
    expect(detail.body.data.event.sources.length).toBeGreaterThan(0);
    expect(llama.sources).toEqual(detail.body.data.event.sources);
    const expected = await t.db.eventSource.count();
    expect(withSources.reduce((n, e) => n + e.sources.length, 0)).toBe(expected);
  });

  it('when the timeline is listed, then its events carry their sources too', async () => {
    const res = await request(t.app).get('/api/v1/timeline?q=llama%202').expect(200);
    const llama = (res.body.data as (Entry & { sources: unknown[] })[]).find((e) => e.slug === 'llama-2-release')!;
    expect(llama.sources.length).toBeGreaterThan(0);
  });
});
