import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bumpContentVersion } from '../../src/platform/content-version.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { makeOrganization, named } from '../helpers/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ seed: true });
});
afterAll(async () => t.close());

describe('render cache', () => {
  it('when a page is asked twice, then the second answer comes from the cache with the same body and ETag', async () => {
    const first = await request(t.app).get('/api/v1/organizations?limit=100').expect(200);
    const second = await request(t.app).get('/api/v1/organizations?limit=100').expect(200);
    expect(first.headers['x-render-cache']).toBe('miss');
    expect(second.headers['x-render-cache']).toBe('hit');
    expect(second.text).toBe(first.text);
    expect(second.headers.etag).toBe(first.headers.etag);
  });

  it('when the client already has the page, then it answers 304 without a body', async () => {
    const first = await request(t.app).get('/api/v1/subjects').expect(200);
    const again = await request(t.app).get('/api/v1/subjects').set('If-None-Match', first.headers.etag!).expect(304);
    expect(again.text ?? '').toBe('');
  });

  it('when a page is read while a write transaction is open and that transaction then fails, then the page is not kept: the next reader does not see the rolled-back rows', async () => {
    let opened!: () => void;
    const inside = new Promise<void>((r) => (opened = r));
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    const importing = t.db
      .$transaction(
        async (tx) => {
          await tx.organization.create({ data: { slug: 'phantom-lab', ...named('Phantom Lab') } });
          opened();
          await released;
          throw new Error('the import fails');
        },
        { timeout: 60_000 },
      )
      .catch((err: Error) => err.message);
    await inside;
    // SQLite: this read runs on the transaction's connection and may see Phantom Lab; PostgreSQL: it does not.
    await request(t.app).get('/api/v1/organizations?q=phantom').expect(200);
    release();
    expect(await importing).toBe('the import fails');
    const after = await request(t.app).get('/api/v1/organizations?q=phantom').expect(200);
    expect(after.body.data).toEqual([]);
    // Once no transaction is open, pages are kept again.
    expect((await request(t.app).get('/api/v1/organizations?q=phantom').expect(200)).headers['x-render-cache']).toBe('hit');
  });

  it('when content changes and the version is bumped, then the next answer shows the change', async () => {
    const before = await request(t.app).get('/api/v1/organizations?limit=100').expect(200);
    const org = await makeOrganization(t.db, { name: 'Anthropic', slug: 'anthropic' });
    const stale = await request(t.app).get('/api/v1/organizations?limit=100').expect(200);
    expect(stale.text).toBe(before.text); // not bumped yet: still the cached answer
    await bumpContentVersion(t.db);
    const fresh = await request(t.app).get('/api/v1/organizations?limit=100').expect(200);
    expect(fresh.headers['x-render-cache']).toBe('miss');
    expect(fresh.body.data.map((o: { slug: string }) => o.slug)).toContain(org.slug);
    expect(fresh.headers.etag).not.toBe(before.headers.etag);
  });

  it('when the answer is an error, then it is not cached', async () => {
    await request(t.app).get('/api/v1/events?kind=nonsense').expect(400);
    const again = await request(t.app).get('/api/v1/events?kind=nonsense').expect(400);
    expect(again.headers['x-render-cache']).toBe('miss');
  });
});
