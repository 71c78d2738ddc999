import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bumpContentVersion } from '../../src/platform/content-version.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { makeEvent } from '../helpers/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ seed: true });
});
afterAll(async () => t.close());

const kinds = (body: { facets: { kind: { value: string; count: number }[] } }) => Object.fromEntries(body.facets.kind.map((k) => [k.value, k.count]));

describe('facets kept per query', () => {
  it('when a reader pages through a search, then the counts are made once for the query, and made again once content changes', async () => {
    for (const month of ['01', '02', '03']) await makeEvent(t.db, { title: `Quokka model of ${month}`, date: `2020-${month}-01`, kind: 'release' });
    await bumpContentVersion(t.db);
    const first = await request(t.app).get('/api/v1/events?q=quokka&facets=1&limit=1').expect(200);
    expect(kinds(first.body)).toEqual({ release: 3 });

    // A row written without a new content version (the render cache would not see it either).
    await makeEvent(t.db, { title: 'Quokka paper', date: '2019-06-01', kind: 'research' });
    const second = await request(t.app).get(first.body.page.next).expect(200);
    expect(second.headers['x-render-cache']).toBe('miss');
    expect(second.body.data).toHaveLength(1);
    expect(kinds(second.body)).toEqual({ release: 3 });
    // The home page asks the same query (sorted by date here): the same counts.
    const page = await request(t.app).get('/?q=quokka&sort=date').expect(200);
    expect(page.text).toMatch(/value="release"[^<]*<span class="facet-count" aria-label="3 entries">3<\/span>/);

    await bumpContentVersion(t.db);
    const third = await request(t.app).get(second.body.page.next).expect(200);
    expect(kinds(third.body)).toEqual({ release: 3, research: 1 });
  });
});
