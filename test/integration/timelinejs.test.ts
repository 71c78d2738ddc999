// TimelineJS JSON out (API and command) and in (command), on the run's engine (decision 0035).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importTimelineJs, type TjsDoc } from '../../src/features/datasets/index.ts';
import type { Db } from '../../src/platform/db.ts';
import { runExport } from '../../scripts/export.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { signIn } from '../helpers/admin-session.ts';
import { testEngine } from '../helpers/db.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ seed: true });
}, 120_000);
afterAll(async () => t.close());

/** What a TimelineJS timeline can carry of an event. */
async function shown(db: Db) {
  const events = await db.event.findMany({
    orderBy: { slug: 'asc' },
    include: { organizations: { include: { organization: true } }, sources: { include: { source: true }, orderBy: [{ position: 'asc' }, { sourceId: 'asc' }] } },
  });
  return events.map((e) => ({
    slug: e.slug,
    title: e.title,
    summary: e.summary,
    date: [e.dateStart.toISOString(), e.dateEnd.toISOString(), e.datePrecision],
    organizations: e.organizations.map((o) => o.organization.name).sort(),
    link: e.sources.map((s) => s.source.url).find(Boolean) ?? null,
  }));
}

describe(`TimelineJS (${testEngine()})`, { timeout: 120_000 }, () => {
  it('when /api/v1/timelinejs.json is asked for, then it is a TimelineJS timeline of every event, with the licence on the title slide', async () => {
    const res = await request(t.app).get('/api/v1/timelinejs.json').expect(200);
    const doc = res.body as TjsDoc;
    expect(doc.events.length).toBe(await t.db.event.count());
    expect(doc.title!.text!.text).toContain('Licence');
    for (const s of doc.events) {
      expect(typeof s.start_date!.year).toBe('number');
      expect(s.text!.headline).toBeTruthy();
    }
    const filtered = await request(t.app).get('/api/v1/timelinejs.json?organization=openai').expect(200);
    expect((filtered.body as TjsDoc).events.length).toBe(await t.db.eventOrganization.count({ where: { organization: { slug: 'openai' } } }));
    await request(t.app).get('/api/v1/timelinejs.json?limit=0').expect(400);
  });

  it('when the export is imported into an empty database, then the events come back the same (title, summary, date, organizations, link)', async () => {
    let json = '';
    await runExport(t.db, ['--format', 'timelinejs'], t.clock(), (text) => (json = text));
    const empty = await createTestApp();
    try {
      const ctx = { db: empty.db, now: empty.clock(), userId: null };
      const dry = await importTimelineJs(ctx, json, { dryRun: true, groups: 'organizations', fileName: 'export.json' });
      expect(dry.problems).toEqual([]);
      expect(await empty.db.event.count()).toBe(0);
      const r = await importTimelineJs(ctx, json, { dryRun: false, groups: 'organizations', fileName: 'export.json' });
      expect(r.ok).toBe(true);
      expect(r.counts.create).toBe(await t.db.event.count());
      expect(await shown(empty.db)).toEqual(await shown(t.db));
      const again = await importTimelineJs(ctx, json, { dryRun: false, groups: 'organizations', fileName: 'export.json' });
      expect(again.counts).toEqual({ create: 0, update: 0, unchanged: r.counts.create });
    } finally {
      await empty.close();
    }
  });

  it('when a file has a bad slide or is not TimelineJS, then each problem is named and nothing is written', async () => {
    const before = await t.db.event.count();
    const ctx = { db: t.db, now: t.clock(), userId: null };
    const bad = JSON.stringify({
      events: [
        { start_date: { year: 2020 }, text: { headline: 'Fine slide' } },
        { start_date: { year: 2020, month: 13 }, text: { headline: 'Bad month' } },
      ],
    });
    const r = await importTimelineJs(ctx, bad, { dryRun: false });
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual([{ row: 2, field: 'start_date.month', message: 'month must be between 1 and 12.' }]);
    expect(await t.db.event.count()).toBe(before);
    const notJs = await importTimelineJs(ctx, '{"rows": []}', { dryRun: false });
    expect(notJs.problems[0]!.message).toMatch(/not a TimelineJS file/);
  });

  it('when the command imports a file, then it prints a summary, and with a bad file it exits 1 naming the slide', async () => {
    const { runTimelineJsImport } = await import('../../scripts/import-timelinejs.ts');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tljs-'));
    const file = path.join(dir, 'history.json');
    fs.writeFileSync(file, JSON.stringify({ title: { text: { headline: 'A history' } }, events: [{ start_date: { year: '1956' }, text: { headline: 'Dartmouth workshop' }, group: 'Research' }] }));
    const lines: string[] = [];
    expect(await runTimelineJsImport(t.db, { file, dryRun: false, validOnly: false, from: 'timelinejs', groups: 'tags' }, t.clock(), (l) => lines.push(l))).toBe(0);
    expect(lines.at(-1)).toBe('Imported: 1 slide: 1 events created, 0 updated, 0 unchanged.');
    const ev = await t.db.event.findUniqueOrThrow({ where: { slug: 'dartmouth-workshop' }, include: { tags: { include: { tag: true } }, sources: { include: { source: true } } } });
    expect(ev.datePrecision).toBe('year');
    expect(ev.tags.map((x) => x.tag.name)).toEqual(['Research']);
    expect(ev.sources[0]!.source).toMatchObject({ publisher: 'TimelineJS file', title: 'A history' });

    fs.writeFileSync(file, JSON.stringify({ events: [{ text: { headline: 'No date' } }] }));
    lines.length = 0;
    expect(await runTimelineJsImport(t.db, { file, dryRun: false, validOnly: false, from: 'timelinejs' }, t.clock(), (l) => lines.push(l))).toBe(1);
    expect(lines[0]).toMatch(/^slide 1, start_date: The slide has no start_date/);
  });

  it('when an admin picks TimelineJS at /admin/data, then the dry run counts the slides and a bad slide is named', async () => {
    const { agent, token } = await signIn(t.app, t.db, 'admin');
    const post = (content: string, mode: string) => agent.post('/admin/data/import').type('form').send({ _csrf: token, format: 'timelinejs', entity: '', content, mode });
    const good = JSON.stringify({ events: [{ start_date: { year: 1997, month: 5, day: 11 }, text: { headline: 'Deep Blue wins the rematch' } }] });
    expect((await post(good, 'dry-run').expect(200)).text).toContain('Dry run: 1 slide: 1 events created');
    expect(await t.db.event.count({ where: { slug: 'deep-blue-wins-the-rematch' } })).toBe(0);
    await post(good, 'import').expect(303);
    expect(await t.db.event.count({ where: { slug: 'deep-blue-wins-the-rematch' } })).toBe(1);
    const bad = await post(JSON.stringify({ events: [{ start_date: { year: 1997, day: 11 }, text: { headline: 'x' } }] }), 'dry-run').expect(422);
    expect(bad.text).toContain('A day without a month');
  });
});
