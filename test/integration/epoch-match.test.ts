// The Epoch import matches its rows against records it reads for them (decision 46), not a copy of
// the whole database: held releases found by title or by subject near the model's date, held
// sources found by URL, held slugs kept free. Each case fails if the read misses what it must find.
import { stringify } from 'csv-stringify/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importEpoch } from '../../src/features/datasets/index.ts';
import type { Db } from '../../src/platform/db.ts';
import { createTestDb, testEngine, type TestDb } from '../helpers/db.ts';
import { makeEvent, named } from '../helpers/factories.ts';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
}, 60_000);
afterAll(async () => t.close());

const HEADER = ['Model', 'Publication date', 'Organization', 'Link', 'Abstract'];
const csv = (...rows: string[][]) => stringify([HEADER, ...rows]);
const ctx = () => ({ db: t.db, now: new Date('2026-01-15T12:00:00Z'), userId: null });
/** A held source cited by the event: the event is the timeline's own, not an earlier Epoch import's. */
async function cite(eventId: number, title: string) {
  const source = await t.db.source.create({ data: { publisher: 'Example news', title, url: null, language: 'en', isPrimary: true } });
  await t.db.eventSource.create({ data: { eventId, sourceId: source.id, position: 0 } });
}
const releasesOf = (db: Db, subjectSlug: string) =>
  db.event.findMany({ where: { subjects: { some: { subject: { slug: subjectSlug } } } }, include: { sources: { include: { source: true } } } });

describe(`Epoch rows matched against what the database holds (${testEngine()})`, () => {
  it('when a held release names the model in its title and links no subject, then the row is matched to it, not released twice', async () => {
    const held = await makeEvent(t.db, { title: 'Zeta Labs ships Quill-7 to its customers', date: '2024-05-01' });
    await cite(held.id, 'Quill-7 is out');
    const r = await importEpoch(ctx(), csv(['Quill-7', '2024-05-01', 'Zeta Labs', '', 'A writing model.']), { dryRun: false });
    expect(r.ok).toBe(true);
    const releases = await releasesOf(t.db, 'quill-7');
    expect(releases.map((e) => e.id)).toEqual([held.id]);
    expect(releases[0]!.sources.map((s) => s.source.publisher)).toEqual(['Example news', 'Epoch AI']);
  });

  it('when a held release of the model is 400 days from its date, then it is matched; at 402 days a release is made', async () => {
    const near = await t.db.subject.create({ data: { slug: 'orca-2', ...named('Orca-2'), kind: 'model' } });
    const far = await t.db.subject.create({ data: { slug: 'heron-3', ...named('Heron-3'), kind: 'model' } });
    const nearEvent = await makeEvent(t.db, { title: 'A model for whales', date: '2021-01-01', subjectIds: [near.id] });
    const farEvent = await makeEvent(t.db, { title: 'A model for birds', date: '2021-01-01', subjectIds: [far.id] });
    await cite(nearEvent.id, 'Whales');
    await cite(farEvent.id, 'Birds');
    const file = csv(['Orca-2', '2022-02-05', 'Zeta Labs', '', ''], ['Heron-3', '2022-02-07', 'Zeta Labs', '', '']);
    const r = await importEpoch(ctx(), file, { dryRun: false });
    expect(r.ok).toBe(true);
    expect((await releasesOf(t.db, 'orca-2')).map((e) => e.id)).toEqual([nearEvent.id]);
    const heron = await releasesOf(t.db, 'heron-3');
    expect(heron).toHaveLength(2);
    expect(heron.map((e) => e.id)).toContain(farEvent.id);
    expect(r.reviews.join('\n')).toContain('Orca-2: Epoch AI dates it 2022-02-05');
  });

  it('when a link is the URL of a held source, then the event cites that source instead of a copy of it', async () => {
    const url = 'https://example.org/papers/lark-1';
    const source = await t.db.source.create({ data: { publisher: 'Example papers', title: 'Lark-1: a small model', url, language: 'en', isPrimary: true } });
    const r = await importEpoch(ctx(), csv(['Lark-1', '2023-09-09', 'Zeta Labs', url, '']), { dryRun: false });
    expect(r.ok).toBe(true);
    expect(await t.db.source.count({ where: { url } })).toBe(1);
    const [release] = await releasesOf(t.db, 'lark-1');
    expect(release!.sources.map((s) => s.sourceId)).toContain(source.id);
  });

  it('when the slug a release would take belongs to another held event, then the release takes the next free one', async () => {
    await t.db.event.update({ where: { id: (await makeEvent(t.db, { title: 'Unrelated news', kind: 'funding', date: '2019-03-03' })).id }, data: { slug: 'wren-5-release' } });
    const r = await importEpoch(ctx(), csv(['Wren-5', '2024-03-03', 'Zeta Labs', '', '']), { dryRun: false });
    expect(r.ok).toBe(true);
    expect((await releasesOf(t.db, 'wren-5')).map((e) => e.slug)).toEqual(['wren-5-release-2']);
    expect((await t.db.event.findUniqueOrThrow({ where: { slug: 'wren-5-release' } })).title).toBe('Unrelated news');
  });
});
