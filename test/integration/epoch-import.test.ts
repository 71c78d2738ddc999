// The Epoch AI sample imported into the seeded timeline, on the run's engine.
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedData } from '../../prisma/seed/data.ts';
import { exportWithFacts, importWithFacts } from '../../src/features/content/index.ts';
import { epochSummary, importEpoch } from '../../src/features/datasets/index.ts';
import type { Db } from '../../src/platform/db.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { testEngine } from '../helpers/db.ts';
import { signIn } from '../helpers/admin-session.ts';

const SAMPLE = fs.readFileSync(new URL('../fixtures/epoch/frontier_ai_models_2025-07.csv', import.meta.url), 'utf8');

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ seed: true, world: seedData });
}, 120_000);
afterAll(async () => t.close());

const ctx = () => ({ db: t.db, now: t.clock(), userId: null });
const counts = async (db: Db) => ({
  organizations: await db.organization.count(),
  subjects: await db.subject.count(),
  sources: await db.source.count(),
  events: await db.event.count(),
  facts: await db.subjectFact.count(),
  discrepancies: await db.discrepancy.count(),
});

/** The sample with some cells changed, as a newer download would be. */
function edited(change: (model: string, row: Record<string, number>, cells: string[]) => void): string {
  const rows = parse(SAMPLE) as string[][];
  const index = Object.fromEntries(rows[0]!.map((h, i) => [h, i]));
  for (const cells of rows.slice(1)) change(cells[index.Model!]!, index, cells);
  return stringify(rows);
}

// Importing 137 models is heavy on a shared machine: a generous timeout (speed is measured in the bench).
describe(`Epoch AI import into the seeded timeline (${testEngine()})`, { timeout: 180_000 }, () => {
  it('when the sample is checked in a dry run, then it plans one model per row, matches the held models (GPT-4, GPT-4o, Falcon 180B), and writes nothing', async () => {
    const before = await counts(t.db);
    const r = await importEpoch(ctx(), SAMPLE, { dryRun: true });
    expect(r.ok).toBe(true);
    expect(r.applied).toBe(false);
    expect(r.rows).toBe(137);
    expect(r.counts).toEqual({ created: 134, matched: 3, updated: 0, unchanged: 0, review: 1 });
    expect(r.warnings[0]).toMatch(/^45 columns ignored: Training compute notes, Task/);
    expect(await counts(t.db)).toEqual(before);
  });

  it('when the sample is imported, then GPT-4 is matched with a discrepancy to review instead of a second GPT-4', async () => {
    const before = await counts(t.db);
    const r = await importEpoch(ctx(), SAMPLE, { dryRun: false });
    expect(r.applied).toBe(true);
    expect(epochSummary(r)).toBe('134 created, 3 matched, 0 updated, 0 unchanged, 1 needs review');
    const after = await counts(t.db);
    expect(after.events - before.events).toBe(134);
    expect(after.subjects - before.subjects).toBe(134);
    expect(after.discrepancies - before.discrepancies).toBe(1);

    expect(await t.db.subject.count({ where: { name: { startsWith: 'GPT-4 (Mar' } } })).toBe(0);
    const gpt4 = await t.db.event.findUniqueOrThrow({ where: { slug: 'gpt-4-release' }, include: { sources: { include: { source: { include: { discrepancies: true } } } } } });
    expect(gpt4.dateText).toBe('2023-03-14');
    const epoch = gpt4.sources.map((s) => s.source).find((s) => s.publisher === 'Epoch AI')!;
    expect(epoch.title).toBe('AI models database: GPT-4 (Mar 2023)');
    expect(epoch.discrepancies[0]!.claim).toContain('2023-03-15');
    expect(gpt4.sources.map((s) => s.source.publisher)).toEqual(['OpenAI', 'Epoch AI']);

    // GPT-4o cites only a link that Epoch's row also gives: it is matched, not rewritten as Epoch's.
    const gpt4o = await t.db.event.findUniqueOrThrow({
      where: { slug: 'gpt-4o-release' },
      include: { sources: { include: { source: true } }, tags: { include: { tag: true } }, subjects: { include: { subject: true } } },
    });
    expect(gpt4o.title).toBe('OpenAI releases GPT-4o');
    expect(gpt4o.summary).toMatch(/^On 13 May 2024 OpenAI introduced GPT-4o/);
    expect(gpt4o.tags.map((x) => x.tag.slug).sort()).toEqual(['chatbot', 'llm']);
    expect(gpt4o.subjects.map((x) => x.subject.slug).sort()).toEqual(['chatgpt', 'gpt-4o']);
    expect(gpt4o.sources.map((s) => s.source.publisher)).toEqual(['OpenAI', 'Epoch AI']);
  });

  it('when a model page is read, then its facts are shown as people read numbers, with Epoch as the source and its confidence', async () => {
    const api = await request(t.app).get('/api/v1/subjects/falcon-180b').expect(200);
    const facts = Object.fromEntries((api.body.data.facts as { kind: string; display: string; note: string; source: { publisher: string } }[]).map((f) => [f.kind, f]));
    expect(facts.parameters!.display).toBe('180B parameters');
    expect(facts.trainingCompute!.display).toBe('3.8×10²⁴ FLOP');
    expect(facts.trainingCompute!.note).toBe("Epoch AI's confidence in its estimates: Confident");
    expect(facts.accessibility!.display).toBe('Open weights (restricted use)');
    expect(facts.hardwareQuantity!.display).toBe('4,096 chips');
    expect(facts.parameters!.source.publisher).toBe('Epoch AI');
    const page = await request(t.app).get('/subjects/falcon-180b').expect(200);
    expect(page.text).toContain('180B parameters');
    expect(page.text).toContain('3.8×10²⁴ FLOP');
  });

  it('when facts exist, then /stats plots parameters and training compute over time, with each model in the CSV at its release date', async () => {
    const page = await request(t.app).get('/stats').expect(200);
    expect(page.text.match(/<svg class="chart__svg"/g)).toHaveLength(5);
    const dots = (id: string) => (page.text.split(`<h2 id="${id}">`)[1]!.split('</section>')[0]!.match(/<circle class="dot"/g) ?? []).length;
    const csv = (parse((await request(t.app).get('/stats/model-training-compute.csv').expect(200)).text) as string[][]).slice(1);
    expect(dots('model-training-compute')).toBe(csv.length);
    const falcon = csv.find((r) => r[0] === 'Falcon 180B')!;
    expect(falcon.slice(1, 4)).toEqual(['2023-09-06', '3.76e+24', '3.8×10²⁴ FLOP']);
    const params = (parse((await request(t.app).get('/stats/model-parameters.csv').expect(200)).text) as string[][]).slice(1);
    expect(params.find((r) => r[0] === 'Falcon 180B')?.[3]).toBe('180B parameters');
    expect(dots('model-parameters')).toBe(params.length);
    // A model counts once, at its newest value, whatever the number of sources.
    expect(new Set(params.map((r) => r[0])).size).toBe(params.length);
  });

  it('when a fine-tune names its base model, then the fact links to that model', async () => {
    const api = await request(t.app).get('/api/v1/subjects/llama-nemotron-ultra-253b').expect(200);
    const base = (api.body.data.facts as { kind: string; baseModel: { slug: string } | null }[]).find((f) => f.kind === 'baseModel')!;
    expect(base.baseModel?.slug).toBe('llama-3-1-405b');
  });

  it('when the same file is imported again, then nothing changes', async () => {
    const before = await counts(t.db);
    const audits = await t.db.auditLog.count();
    const r = await importEpoch(ctx(), SAMPLE, { dryRun: false });
    expect(r.applied).toBe(false);
    expect(r.counts).toEqual({ created: 0, matched: 0, updated: 0, unchanged: 137, review: 1 });
    expect(await counts(t.db)).toEqual(before);
    expect(await t.db.auditLog.count()).toBe(audits);
  });

  it('when a newer download revises a number and a date, then those rows are updated, listed, and the old number kept as history', async () => {
    const newer = edited((model, i, cells) => {
      if (model === 'Falcon-180B') cells[i.Parameters!] = '190000000000';
      if (model === 'Grok 4') cells[i['Publication date']!] = '2025-07-10';
    });
    const r = await importEpoch(ctx(), newer, { dryRun: false });
    expect(r.counts).toMatchObject({ created: 0, matched: 0, updated: 2, unchanged: 135 });
    expect(r.changes).toEqual(['Grok 4: date "2025-07-09" → "2025-07-10"', 'falcon-180b parameters: 180B parameters → 190B parameters']);
    expect((await t.db.event.findUniqueOrThrow({ where: { slug: 'grok-4-release' } })).dateText).toBe('2025-07-10');
    const api = await request(t.app).get('/api/v1/subjects/falcon-180b').expect(200);
    const params = (api.body.data.facts as { kind: string; display: string; earlier: { display: string }[] }[]).find((f) => f.kind === 'parameters')!;
    expect(params.display).toBe('190B parameters');
    expect(params.earlier.map((e) => e.display)).toEqual(['180B parameters']);
  });

  it('when the JSON export holding facts is imported into an empty database, then the facts come back the same', async () => {
    const bundle = await exportWithFacts(t.db, t.clock());
    expect(bundle.facts.length).toBeGreaterThan(500);
    const empty = await createTestApp();
    try {
      const r = await importWithFacts({ db: empty.db, now: empty.clock(), userId: null }, JSON.stringify(bundle), { format: 'json', dryRun: false });
      expect(r.errors).toEqual([]);
      expect(r.facts?.added).toBe(bundle.facts.length);
      const again = await exportWithFacts(empty.db, empty.clock());
      expect(again.facts).toEqual(bundle.facts);
    } finally {
      await empty.close();
    }
  });
});

describe(`Epoch AI import: bad input (${testEngine()})`, { timeout: 60_000 }, () => {
  const bad = [
    'Model,Publication date,Organization,Parameters,Colour',
    'Good model,2023-01-02,OpenAI,1e9,red',
    ',2023-01-02,OpenAI,,',
    'Bad date,2023-13-01,OpenAI,,',
    'Bad count,2023-01-02,OpenAI,about 7B,',
  ].join('\n');

  it('when rows are invalid, then the dry run lists each with its reason and the import writes nothing', async () => {
    const before = await counts(t.db);
    const r = await importEpoch(ctx(), bad, { dryRun: false });
    expect(r.ok).toBe(false);
    expect(r.applied).toBe(false);
    expect(r.warnings).toEqual(['1 column ignored: Colour.']);
    expect(r.problems).toEqual([
      { row: 3, field: 'Model', message: 'The model name is missing.' },
      { row: 4, field: 'Publication date', message: '“2023-13-01” is not a date: there is no month 13.' },
      { row: 5, field: 'Parameters', message: '“about 7B” is not a number.' },
    ]);
    expect(await counts(t.db)).toEqual(before);
  });

  it('when asked for the valid rows only, then those are imported and the refused ones listed', async () => {
    const r = await importEpoch(ctx(), bad, { dryRun: false, validOnly: true });
    expect(r.ok).toBe(true);
    expect(r.applied).toBe(true);
    expect(r.refused).toEqual([3, 4, 5]);
    expect(r.counts.created).toBe(1);
    expect(await t.db.subject.count({ where: { name: 'Good model' } })).toBe(1);
  });

  it('when a file has more bad rows than the admin page lists, then it lists the first 500 and says how many more', async () => {
    const rows = ['Model,Publication date,Organization', ...Array.from({ length: 620 }, (_, i) => `Broken ${i},2023-13-01,OpenAI`)].join('\n');
    const { agent, token } = await signIn(t.app, t.db, 'admin');
    const res = await agent.post('/admin/data/import').type('form').send({ _csrf: token, format: 'epoch', content: rows, mode: 'dry-run' }).expect(422);
    expect(res.text).toContain('Nothing was imported: 620 problems to fix first');
    expect(res.text.match(/is not a date: there is no month 13/g)).toHaveLength(500);
    expect(res.text).toContain('And 120 more problems, not listed here.');
  });

  it('when the file is not CSV or not an Epoch table, then it says so', async () => {
    expect((await importEpoch(ctx(), '\u0000\u0001ELF binary', { dryRun: true })).problems[0]!.message).toMatch(/not a CSV file/);
    expect((await importEpoch(ctx(), 'slug,title\na,b\n', { dryRun: true })).problems[0]!.message).toBe(
      'This is not an Epoch AI table: it has no “Model” and “Publication date” column.',
    );
  });
});

describe(`npm run import -- --from epoch (${testEngine()})`, { timeout: 60_000 }, () => {
  it('when the command gets a file with a bad row, then it prints the row and the counts and exits 1; with --valid-only it imports the rest', async () => {
    const os = await import('node:os');
    const path = await import('node:path');
    const { parseEpochArgs, runEpochImport } = await import('../../scripts/import-epoch.ts');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'epoch-cli-')), 'models.csv');
    fs.writeFileSync(file, 'Model,Publication date,Parameters\nCLI model,2024-02-03,7e9\nCLI broken,2024-02-31,\n');
    expect(() => parseEpochArgs(['--from', 'kaggle', file])).toThrow('--from takes one of: epoch, timelinejs.');
    const lines: string[] = [];
    expect(await runEpochImport(t.db, parseEpochArgs(['--from', 'epoch', file]), t.clock(), (l) => lines.push(l))).toBe(1);
    expect(lines).toContain('row 3, Publication date: “2024-02-31” is not a date: that month has 29 days.');
    expect(lines.at(-1)).toMatch(/^Nothing was imported: 1 problem\(s\)\. \(1 created, 0 matched/);
    lines.length = 0;
    expect(await runEpochImport(t.db, parseEpochArgs(['--from', 'epoch', file, '--valid-only']), t.clock(), (l) => lines.push(l))).toBe(0);
    expect(lines.at(-1)).toBe('Imported 1 of 2 rows: 1 created, 0 matched, 0 updated, 0 unchanged, 0 need review.');
    expect(lines).toContain('Refused rows: 3.');
  });

  it('when the file is far larger than any Epoch table, then it says so, reads none of it and writes nothing; a missing file is a usage error', async () => {
    const os = await import('node:os');
    const path = await import('node:path');
    const { parseEpochArgs, runEpochImport } = await import('../../scripts/import-epoch.ts');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'epoch-cli-'));
    const file = path.join(dir, 'huge.csv');
    // 200 MB on disk without writing them (a sparse file).
    fs.writeFileSync(file, 'Model,Publication date\n');
    fs.truncateSync(file, 200 * 2 ** 20);
    const before = await t.db.event.count();
    const lines: string[] = [];
    expect(await runEpochImport(t.db, parseEpochArgs(['--from', 'epoch', file, '--dry-run']), t.clock(), (l) => lines.push(l))).toBe(1);
    expect(lines).toEqual([`"${file}" is 200 MB: a dataset import reads at most 50 MB (an Epoch AI table is a few MB). Is it the right file? Nothing was imported.`]);
    expect(await t.db.event.count()).toBe(before);
    lines.length = 0;
    expect(await runEpochImport(t.db, parseEpochArgs(['--from', 'epoch', path.join(dir, 'missing.csv')]), t.clock(), (l) => lines.push(l))).toBe(2);
    expect(lines[0]).toMatch(/^Cannot read ".*missing\.csv": ENOENT/);
  });
});
