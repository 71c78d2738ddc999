import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { makeEvent, makeOrganization } from '../helpers/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ seed: true });
});
afterAll(async () => t.close());

describe('home page', () => {
  it('when opened, then entries are grouped by year and month, newest first', async () => {
    const res = await request(t.app).get('/').expect(200).expect('Content-Type', /html/);
    const years = [...res.text.matchAll(/<h2[^>]*>\s*(\d{4})\s*<\/h2>/g)].map((m) => Number(m[1]));
    expect(years.length).toBeGreaterThan(2);
    expect([...years].sort((a, b) => b - a)).toEqual(years);
    expect(res.text).toContain('July 2023');
    expect(res.text).toContain('Llama 2');
  });

  it('when asked oldest first, then the years ascend', async () => {
    const res = await request(t.app).get('/?order=oldest').expect(200);
    const years = [...res.text.matchAll(/<h2[^>]*>\s*(\d{4})\s*<\/h2>/g)].map((m) => Number(m[1]));
    expect([...years].sort((a, b) => a - b)).toEqual(years);
  });

  it('when a filter is invalid, then the page answers 400 with the message beside the field and keeps the input', async () => {
    const res = await request(t.app).get('/?from=2024-02-30&q=llama').expect(400);
    expect(res.text).toMatch(/id="filter-from-error"[^>]*>[^<]*29 days/);
    expect(res.text).toMatch(/aria-describedby="[^"]*filter-from-error/);
    expect(res.text).toContain('value="2024-02-30"');
    expect(res.text).toContain('value="llama"');
  });

  it.each([
    ['an unknown kind', 'kind=nonsense'],
    ['a repeated parameter', 'kind=a&kind=b'],
    ['a damaged cursor', 'cursor=%%%'],
    ['an unknown organization', 'organization=unknown-org'],
  ])('when the query has %s, then the page explains the problem with status 400, never a 500', async (_label, qs) => {
      const res = await request(t.app).get(`/?${qs}`);
      expect(res.status).toBe(400);
      expect(res.text).toMatch(/class="field__error"|role="alert"/);
  });

  it('when nothing matches, then the page says so', async () => {
    const res = await request(t.app).get('/?q=zzzz-nothing-like-this').expect(200);
    expect(res.text).toMatch(/No entries match these filters/);
  });

  it('when there are more entries than one page, then a next page link continues without repeats', async () => {
    const org = await makeOrganization(t.db, { name: 'Paging Corp', slug: 'paging-corp' });
    for (let i = 0; i < 60; i++) {
      await makeEvent(t.db, { title: `Paging event ${String(i).padStart(2, '0')}`, date: '2019-03', organizationIds: [org.id] });
    }
    const first = await request(t.app).get('/?organization=paging-corp').expect(200);
    const href = first.text.match(/<a href="\?([^"]+)" rel="next"/)?.[1];
    const next = href?.replaceAll('&#x3D;', '=').replaceAll('&amp;', '&');
    expect(next).toBeDefined();
    const second = await request(t.app).get(`/?${next}`).expect(200);
    const titles = (html: string) => [...html.matchAll(/Paging event (\d\d)/g)].map((m) => m[1]);
    const all = [...titles(first.text), ...titles(second.text)];
    expect(new Set(all).size).toBe(60);
    expect(all).toHaveLength(60);
  });
});

describe('escaping and headers', () => {
  it('when a title contains HTML, then it is shown as text, never as markup', async () => {
    await makeEvent(t.db, { title: '<script>alert(1)</script><img src=x onerror=alert(2)>', date: '2018-01-02' });
    const res = await request(t.app).get('/?q=onerror').expect(200);
    expect(res.text).not.toContain('<script>alert(1)</script>');
    expect(res.text).not.toContain('<img src=x');
    expect(res.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('when any page is served, then it carries a strict Content-Security-Policy and the usual security headers', async () => {
    for (const path of ['/', '/api/v1/events', '/nope', '/healthz']) {
      const res = await request(t.app).get(path);
      const csp = res.headers['content-security-policy'];
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['referrer-policy']).toBe('same-origin');
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });
});

describe('entry pages', () => {
  it('when an event page is opened, then it shows the date, organizations and sources', async () => {
    const res = await request(t.app).get('/events/llama-2-release').expect(200);
    expect(res.text).toContain('18 July 2023');
    expect(res.text).toContain('href="/organizations/meta"');
    expect(res.text).toMatch(/href="https:\/\/about\.fb\.com\/news\/2023\/07\/llama-2\/"/);
  });

  it('when a milestone page is opened, then it shows the claim as written, its window and its outcome', async () => {
    const res = await request(t.app).get('/milestones/meta-next-model-training-early-2024').expect(200);
    expect(res.text).toContain('début 2024');
    expect(res.text).toContain('early 2024');
    expect(res.text).toContain('2024-01-01');
    expect(res.text).toMatch(/Met/);
    expect(res.text).toContain('href="/events/llama-3-training-confirmed"');
  });

  it('when the French article source page is opened, then it shows what it cites and its discrepancies', async () => {
    const sources = (await request(t.app).get('/api/v1/sources?limit=100').expect(200)).body.data as { id: number; language: string }[];
    const french = sources.find((s) => s.language === 'fr')!;
    const res = await request(t.app).get(`/sources/${french.id}`).expect(200);
    expect(res.text).toMatch(/Wall Street Journal/);
    expect(res.text).toMatch(/Azure/);
    expect(res.text).toMatch(/several times/i);
    expect(res.text).toMatch(/Scorecard of this source/);
    expect(res.text).toMatch(/early by 147 days/);
  });

  it.each(['/organizations', '/organizations/google', '/subjects', '/subjects/llama-2', '/milestones'])(
    'when %s is opened, then it renders',
    async (path) => {
      await request(t.app).get(path).expect(200).expect('Content-Type', /html/);
    },
  );

  it.each(['/events/nope', '/milestones/nope', '/organizations/nope', '/subjects/nope', '/sources/999999', '/sources/abc', '/no/such/page'])(
    'when %s does not exist, then a 404 page says so',
    async (path) => {
      const res = await request(t.app).get(path).expect(404).expect('Content-Type', /html/);
      expect(res.text).toMatch(/not found|does not exist|No /i);
    },
  );
});

describe('health', () => {
  it('when the database answers, then /healthz is 200', async () => {
    const res = await request(t.app).get('/healthz').expect(200);
    expect(res.body).toEqual({ status: 'ok', database: 'up' });
  });
});
