// Decision 40: an event the import updates gets only the kinds of links that differ replaced; the
// others are left as they are, and every link is what the file says either way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportAll, importData } from '../../src/features/content/index.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { testEngine } from '../helpers/db.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ seed: true });
});
afterAll(async () => t.close());

const links = (slug: string) =>
  t.db.event.findUniqueOrThrow({
    where: { slug },
    select: {
      title: true,
      organizations: { select: { organizationId: true }, orderBy: { organizationId: 'asc' } },
      subjects: { select: { subjectId: true }, orderBy: { subjectId: 'asc' } },
      sources: { select: { sourceId: true, quote: true, position: true }, orderBy: { position: 'asc' } },
      tags: { select: { tag: { select: { slug: true } } }, orderBy: { tagId: 'asc' } },
    },
  });

describe(`links of an event updated by an import (${testEngine()})`, () => {
  it('when only the title and the tags of an event change, then its tags are replaced and its organizations, subjects and sources kept; when its sources change, they are replaced in order', async () => {
    const bundle = await exportAll(t.db, t.clock());
    const event = bundle.events.find((e) => e.organizations.length && e.subjects.length && e.sources.length && e.tags.length)!;
    const before = await links(event.slug);
    const tag = bundle.tags.find((x) => !event.tags.includes(x.slug))!;
    const ctx = { db: t.db, now: t.clock(), userId: null };

    const first = await importData(ctx, JSON.stringify({ events: [{ ...event, title: `${event.title} (revised)`, tags: [tag.slug] }] }), { format: 'json', dryRun: false });
    expect(first.errors).toEqual([]);
    expect(first.counts).toEqual({ create: 0, update: 1, unchanged: 0 });
    const after = await links(event.slug);
    expect(after.title).toBe(`${event.title} (revised)`);
    expect(after.tags.map((x) => x.tag.slug)).toEqual([tag.slug]);
    expect(after.organizations).toEqual(before.organizations);
    expect(after.subjects).toEqual(before.subjects);
    expect(after.sources).toEqual(before.sources);

    const other = bundle.sources.find((s) => !event.sources.some((x) => x.source === s.key))!;
    const sources = [{ source: other.key, quote: 'A new first quote.' }, ...event.sources];
    const second = await importData(ctx, JSON.stringify({ events: [{ ...event, title: `${event.title} (revised)`, tags: [tag.slug], sources }] }), { format: 'json', dryRun: false });
    expect(second.errors).toEqual([]);
    const again = await links(event.slug);
    expect(again.sources.map((s) => [s.quote, s.position])).toEqual(sources.map((s, i) => [s.quote, i]));
    expect(again.sources.slice(1).map((s) => s.sourceId)).toEqual(before.sources.map((s) => s.sourceId));
    expect(again.tags.map((x) => x.tag.slug)).toEqual([tag.slug]);
    expect(again.organizations).toEqual(before.organizations);
    // The export of the updated event imports as unchanged.
    const reexport = (await exportAll(t.db, t.clock())).events.find((e) => e.slug === event.slug)!;
    expect((await importData(ctx, JSON.stringify({ events: [reexport] }), { format: 'json', dryRun: true })).counts).toEqual({ create: 0, update: 0, unchanged: 1 });
  });
});
