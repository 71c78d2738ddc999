// An Epoch file too large for the check to keep its records (decision 52), and for its keys to
// stay in the heap (decision 53): read again for the write and for the facts, batch after batch,
// on the run's engine.
import { stringify } from 'csv-stringify/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedData } from '../../prisma/seed/data.ts';
import { importEpoch } from '../../src/features/datasets/index.ts';
import { chunksOf } from '../../src/platform/json-read.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { testEngine } from '../helpers/db.ts';

/** Past 2,000: every structure kept per row moves out of the heap (decision 53). */
const ROWS = 2100;

/** ROWS models (more records than the check keeps): row 3's base model is the last row's model, row 1500 names row 2's model again. */
function file(dateOfRow10 = '2021-05-10'): string {
  const rows = [['Model', 'Publication date', 'Organization', 'Parameters', 'Link', 'Base model']];
  for (let i = 2; i <= ROWS + 1; i++) {
    const model = i === 1500 ? 'Streamed model 2' : `Streamed model ${i}`;
    const date = i === 10 ? dateOfRow10 : `20${10 + (i % 12)}-0${1 + (i % 9)}-1${i % 10}`;
    rows.push([model, date, ['Lab A', 'Lab B', 'Lab C'][i % 3]!, String(i * 1e6), `https://example.org/streamed/${i}`, i === 3 ? `Streamed model ${ROWS + 1}` : '']);
  }
  return stringify(rows);
}

/** A file the import opens once per read; `texts` gives the text of each opening (the last one again after). */
function opened(texts: string[]) {
  let opens = 0;
  return { source: { reopen: () => chunksOf(texts[Math.min(opens++, texts.length - 1)]!, 4096) }, opens: () => opens };
}

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ seed: true, world: seedData });
}, 120_000);
afterAll(async () => t.close());

const ctx = () => ({ db: t.db, now: t.clock(), userId: null });
const counts = async () => ({ subjects: await t.db.subject.count(), events: await t.db.event.count(), sources: await t.db.source.count(), facts: await t.db.subjectFact.count(), audits: await t.db.auditLog.count() });

describe(`Epoch import of a file read as it streams (${testEngine()})`, { timeout: 300_000 }, () => {
  it('when the file changes between the reads, then nothing is written and it says so', async () => {
    const before = await counts();
    const atCheck = opened([file(), file('2021-06-10')]);
    const r1 = await importEpoch(ctx(), atCheck.source, { dryRun: false, validOnly: true });
    expect(r1.ok).toBe(false);
    expect(r1.problems.map((p) => p.message)).toEqual(['The file changed while it was read.']);
    const atWrite = opened([file(), file(), file('2021-06-10')]);
    const r2 = await importEpoch(ctx(), atWrite.source, { dryRun: false, validOnly: true });
    expect(atWrite.opens()).toBe(3);
    expect(r2.applied).toBe(false);
    expect(r2.ok).toBe(false);
    expect(r2.problems.map((p) => p.message)).toContain('The file changed while it was imported, so nothing was written. Import it again.');
    expect(await counts()).toEqual(before);
  });

  it('when it is imported, then every row is written from reads of the file, a base model further down is linked, and a model named twice is refused at its row', async () => {
    const before = await counts();
    const f = opened([file()]);
    const r = await importEpoch(ctx(), f.source, { dryRun: false, validOnly: true });
    // Rows checked, records checked, records written, facts written.
    expect(f.opens()).toBe(4);
    expect(r.ok).toBe(true);
    expect(r.applied).toBe(true);
    expect(r.refused).toEqual([1500]);
    expect(r.problems).toEqual([{ row: 1500, field: 'Model', message: '“Streamed model 2” is the same model as row 2.' }]);
    expect(r.counts).toEqual({ created: ROWS - 1, matched: 0, updated: 0, unchanged: 0, review: 0 });
    const after = await counts();
    expect(after.subjects - before.subjects).toBe(ROWS - 1);
    expect(after.events - before.events).toBe(ROWS - 1);
    expect(after.sources - before.sources).toBe(2 * (ROWS - 1));
    const base = await t.db.subjectFact.findFirst({ where: { kind: 'baseModel', subject: { name: 'Streamed model 3' } }, include: { refSubject: true } });
    expect(base?.refSubject?.name).toBe(`Streamed model ${ROWS + 1}`);
    const last = await t.db.subject.findFirst({ where: { name: `Streamed model ${ROWS + 1}` }, include: { facts: true } });
    expect(last?.facts.map((x) => [x.kind, x.value])).toEqual([['parameters', (ROWS + 1) * 1e6]]);
  });

  it('when the file is small, then its checked rows, records and facts are kept and it is read once', async () => {
    const small = stringify([['Model', 'Publication date', 'Parameters'], ['Small streamed model', '2022-02-02', '5e9']]);
    const f = opened([small]);
    const r = await importEpoch(ctx(), f.source, { dryRun: false });
    expect(r.counts.created).toBe(1);
    expect(f.opens()).toBe(1);
    const s = await t.db.subject.findFirst({ where: { name: 'Small streamed model' }, include: { facts: true } });
    expect(s?.facts.map((x) => x.value)).toEqual([5e9]);
  });

  it('when the same file is imported again, then every row is unchanged and nothing is written', async () => {
    const before = await counts();
    const r = await importEpoch(ctx(), opened([file()]).source, { dryRun: false, validOnly: true });
    expect(r.applied).toBe(false);
    expect(r.counts).toEqual({ created: 0, matched: 0, updated: 0, unchanged: ROWS - 1, review: 0 });
    expect(await counts()).toEqual(before);
  });
});
