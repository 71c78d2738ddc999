import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calibrationFor, scorecardFor } from '../../src/features/milestones/index.ts';
import {
  eventPage,
  listSourcesPage,
  listTimeline,
  milestonePage,
  organizationsPage,
  sourcePage,
  subjectsPage,
  timelineQuerySchema,
} from '../../src/features/timeline/index.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ seed: true });
});
afterAll(async () => t.close());

const text = async (url: string) => (await request(t.app).get(url).expect(200)).text;

describe('the API answers through its response schemas', () => {
  // Before the schemas the API sent the read services' objects as they were: the bytes must not move.
  it('when lists are asked for, then the JSON is byte for byte what the services return', async () => {
    const all = await listTimeline(t.db, timelineQuerySchema.parse({}), 5, undefined, { sources: true });
    const next = all.nextCursor ? `/api/v1/timeline?limit=5&cursor=${all.nextCursor}` : null;
    expect(await text('/api/v1/timeline?limit=5')).toBe(JSON.stringify({ data: all.entries, page: { nextCursor: all.nextCursor, next } }));
    const milestones = await listTimeline(t.db, { ...timelineQuerySchema.parse({}), type: 'milestones' }, 20);
    expect(JSON.parse(await text('/api/v1/milestones')).data).toEqual(milestones.entries);
    expect(await text('/api/v1/milestones')).toContain(JSON.stringify(milestones.entries));
    // Organizations and subjects are paged (by name) since they can be searched.
    expect(await text('/api/v1/organizations?limit=100')).toBe(JSON.stringify({ data: await organizationsPage(t.db), page: { nextCursor: null, next: null } }));
    expect(await text('/api/v1/subjects?limit=100')).toBe(JSON.stringify({ data: await subjectsPage(t.db), page: { nextCursor: null, next: null } }));
    const sources = await listSourcesPage(t.db, undefined, 100);
    expect(await text('/api/v1/sources?limit=100')).toContain(JSON.stringify(sources.sources));
  });

  it('when one record is asked for, then the JSON is byte for byte what the services return', async () => {
    const events = (await listTimeline(t.db, { ...timelineQuerySchema.parse({}), type: 'events' }, 100)).entries;
    const milestones = (await listTimeline(t.db, { ...timelineQuerySchema.parse({}), type: 'milestones' }, 100)).entries;
    expect(events.length).toBeGreaterThan(0);
    expect(milestones.length).toBeGreaterThan(0);
    for (const e of events) expect(await text(`/api/v1/events/${e.slug}`)).toBe(JSON.stringify({ data: await eventPage(t.db, e.slug) }));
    for (const m of milestones) expect(await text(`/api/v1/milestones/${m.slug}`)).toBe(JSON.stringify({ data: await milestonePage(t.db, m.slug) }));
    for (const s of (await listSourcesPage(t.db, undefined, 100)).sources) {
      // The scorecard's `bar` is drawing geometry for the pages: the API leaves it out.
      const { scorecard, ...rest } = await sourcePage(t.db, { scorecardFor, calibrationFor }, s.id);
      const { bar: _bar, ...card } = scorecard as Record<string, unknown>;
      expect(await text(`/api/v1/sources/${s.id}`)).toBe(JSON.stringify({ data: { scorecard: card, ...rest } }));
    }
  });

  it('when a page model gains a field, then the API does not show it', async () => {
    const res = await request(t.app).get('/api/v1/organizations').expect(200);
    for (const o of res.body.data) expect(Object.keys(o)).toEqual(['slug', 'name', 'url', 'description', 'events', 'milestones']);
  });
});

describe('the API described', () => {
  it('when /api/openapi.json is asked for, then it is OpenAPI 3.1 with every endpoint and its response schema', async () => {
    const doc = (await request(t.app).get('/api/openapi.json').expect(200).expect('Content-Type', /json/)).body;
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual([
      '/api/v1/timeline',
      '/api/v1/events',
      '/api/v1/timelinejs.json',
      '/api/v1/events/{slug}',
      '/api/v1/milestones',
      '/api/v1/milestones/{slug}',
      '/api/v1/organizations',
      '/api/v1/organizations/{slug}',
      '/api/v1/subjects',
      '/api/v1/subjects/{slug}',
      '/api/v1/sources',
      '/api/v1/sources/{id}',
      '/api/v1/dates',
    ]);
    const refs = JSON.stringify(doc).match(/#\/components\/schemas\/\w+/g) ?? [];
    for (const ref of new Set(refs)) expect(doc.components.schemas[ref.split('/').at(-1)!]).toBeDefined();
    expect(doc.components.schemas.Event.properties.kindLabel).toEqual({ type: 'string' });
    expect(doc.paths['/api/v1/timeline'].get.parameters.map((p: { name: string }) => p.name)).toContain('organization');
  });

  it('when /api is read, then it lists each endpoint with its parameters and a real example, escaped', async () => {
    const res = await request(t.app).get('/api').expect(200).expect('Content-Type', /html/);
    expect(res.text).toContain('GET /api/v1/events/{slug}');
    expect(res.text).toContain('<code>organization</code>');
    expect(res.text).toContain('&quot;type&quot;: &quot;event&quot;');
    expect(res.text).not.toMatch(/<script(?![^>]*\bsrc=)/);
    expect(res.text).not.toMatch(/<style|style="/);
  });
});
