// `npx tsx bench/epoch-import.ts [--rows 20000] [--held 100000]`: the Epoch import (`importEpoch`,
// as `npm run import -- --from epoch` runs it) into a seeded SQLite database, beside raw
// better-sqlite3 inserts of the same rows (subjects, organizations, sources, events, their links
// and facts) into another copy of that database, measured in the same run. Three times: the Epoch
// sample (test/fixtures/epoch), a generated file of --rows models, and the sample again into a
// database of --held generated events (0: not run), whose time and memory should stay near the
// first line's: the import reads what its rows can match, not the whole database (decision 46).
// Each file is imported from disk, opened once per read as the command does (decision 52). A last
// line gives the live heap's peak for files of --rows/10 and --rows rows, each imported in a
// process of its own run with --expose-gc (--heap N is that child).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { stringify } from 'csv-stringify/sync';
import { EPOCH_CHUNK_CHARS, importEpoch } from '../src/features/datasets/index.ts';
import { parseFuzzyDate } from '../src/features/dates/index.ts';
import { seedDatabase } from '../src/features/seed/index.ts';
import { createDb } from '../src/platform/db.ts';
import { fileChunks } from '../src/platform/json-read.ts';
import { copyDb, insertEvents, migratedTemplate, openSqlite, sqlDate } from './build-db.ts';
import { generateEvents } from './data.ts';

const { values } = parseArgs({
  options: { rows: { type: 'string', default: '20000' }, held: { type: 'string', default: '100000' }, seed: { type: 'string', default: '42' }, heap: { type: 'string' } },
});
const ROWS = Number(values.rows);
const SAMPLE = fs.readFileSync(new URL('../test/fixtures/epoch/frontier_ai_models_2025-07.csv', import.meta.url), 'utf8');

function generated(n: number, seed: number): string {
  let x = seed;
  const rnd = () => ((x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const orgs = ['OpenAI', 'Google DeepMind', 'Meta AI', 'Anthropic', 'Mistral AI', 'Alibaba', 'NVIDIA', 'Microsoft', 'xAI', 'Baidu', 'Tsinghua University', 'Cohere'];
  const rows: string[][] = [['Model', 'Publication date', 'Organization', 'Parameters', 'Training compute (FLOP)', 'Link', 'Abstract', 'Confidence', 'Model accessibility', 'Domain', 'Country (of organization)']];
  for (let i = 1; i <= n; i++) {
    const day = new Date(Date.UTC(2012, 0, 1) + Math.floor(rnd() * 13 * 365) * 86_400_000).toISOString().slice(0, 10);
    rows.push([
      `Bench model ${i}`,
      day,
      orgs[Math.floor(rnd() * orgs.length)]!,
      String(Math.round(rnd() * 1e12)),
      (rnd() * 1e25).toExponential(3),
      `https://example.org/models/${i}`,
      `A generated model number ${i} for the benchmark. `.repeat(4).trim(),
      ['Confident', 'Likely', 'Speculative'][i % 3]!,
      ['API access', 'Open weights (unrestricted)', 'Unreleased'][i % 3]!,
      'Language',
      'United States of America',
    ]);
  }
  return stringify(rows);
}

/** The rows importEpoch wrote, read back, inserted again by hand into a fresh copy: the raw floor for the same work. */
async function rawInsert(from: string, to: string): Promise<number> {
  const src = openSqlite(from);
  const seeded = openSqlite(to);
  const maxId = (t: string) => (seeded.prepare(`SELECT COALESCE(MAX(id), 0) AS m FROM "${t}"`).get() as { m: number }).m;
  const above = { Organization: maxId('Organization'), Subject: maxId('Subject'), Source: maxId('Source'), Event: maxId('Event') };
  const rows = {
    orgs: src.prepare('SELECT slug, name, sortName, description FROM "Organization" WHERE id > ?').all(above.Organization) as Record<string, string>[],
    subjects: src.prepare('SELECT id, slug, name, sortName, kind FROM "Subject" WHERE id > ?').all(above.Subject) as Record<string, string | number>[],
    sources: src.prepare('SELECT id, publisher, title, url, isPrimary FROM "Source" WHERE id > ?').all(above.Source) as Record<string, string | number>[],
    events: src.prepare('SELECT id, slug, title, summary, kind, confidence, dateText, searchText FROM "Event" WHERE id > ?').all(above.Event) as Record<string, string | number>[],
    eventSources: src.prepare('SELECT eventId, sourceId, position FROM "EventSource" WHERE eventId > ?').all(above.Event) as Record<string, number>[],
    eventSubjects: src.prepare('SELECT eventId, subjectId FROM "EventSubject" WHERE eventId > ?').all(above.Event) as Record<string, number>[],
    eventOrgs: src.prepare('SELECT eventId, organizationId FROM "EventOrganization" WHERE eventId > ?').all(above.Event) as Record<string, number>[],
    facts: src.prepare('SELECT subjectId, kind, value, text, unit, sourceId, note FROM "SubjectFact"').all() as Record<string, string | number | null>[],
  };
  src.close();
  const now = sqlDate(new Date());
  const t0 = performance.now();
  seeded.transaction(() => {
    const org = seeded.prepare('INSERT INTO "Organization" (slug, name, sortName, description, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?)');
    for (const o of rows.orgs) org.run(o.slug, o.name, o.sortName, o.description, now, now);
    const subject = seeded.prepare('INSERT INTO "Subject" (id, slug, name, sortName, kind, description, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, \'\', ?, ?)');
    for (const s of rows.subjects) subject.run(s.id, s.slug, s.name, s.sortName, s.kind, now, now);
    const source = seeded.prepare('INSERT INTO "Source" (id, publisher, title, url, language, isPrimary, createdAt, updatedAt) VALUES (?, ?, ?, ?, \'en\', ?, ?, ?)');
    for (const s of rows.sources) source.run(s.id, s.publisher, s.title, s.url, s.isPrimary, now, now);
    const event = seeded.prepare(
      'INSERT INTO "Event" (id, slug, title, summary, kind, confidence, dateStart, dateEnd, datePrecision, dateText, searchText, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    for (const e of rows.events) {
      const d = parseFuzzyDate(String(e.dateText));
      event.run(e.id, e.slug, e.title, e.summary, e.kind, e.confidence, sqlDate(d.start), sqlDate(d.end), d.precision, d.text, e.searchText, now, now);
    }
    const es = seeded.prepare('INSERT INTO "EventSource" (eventId, sourceId, position) VALUES (?, ?, ?)');
    for (const r of rows.eventSources) if (r.eventId! > above.Event) es.run(r.eventId, r.sourceId, r.position);
    const esub = seeded.prepare('INSERT INTO "EventSubject" (eventId, subjectId) VALUES (?, ?)');
    for (const r of rows.eventSubjects) esub.run(r.eventId, r.subjectId);
    const eorg = seeded.prepare('INSERT OR IGNORE INTO "EventOrganization" (eventId, organizationId) VALUES (?, ?)');
    for (const r of rows.eventOrgs) eorg.run(r.eventId, r.organizationId);
    const fact = seeded.prepare('INSERT INTO "SubjectFact" (subjectId, kind, value, text, unit, sourceId, note, recordedAt, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    for (const f of rows.facts) fact.run(f.subjectId, f.kind, f.value, f.text, f.unit, f.sourceId, f.note, now, now);
  })();
  const ms = performance.now() - t0;
  seeded.close();
  return ms;
}

/** The CSV written to a file, which the import opens once per read, as `npm run import` does. */
function csvFile(dir: string, label: string, csv: string): { reopen: () => Iterable<string> } {
  const file = path.join(dir, `${label}.csv`);
  fs.writeFileSync(file, csv);
  return { reopen: () => fileChunks(file, EPOCH_CHUNK_CHARS) };
}

async function measure(label: string, csv: string, dir: string, seededFile: string) {
  const file = copyDb(seededFile, path.join(dir, `${label}.db`));
  const source = csvFile(dir, label, csv);
  const db = await createDb({ url: `file:${file}` });
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const rssBefore = process.memoryUsage().rss;
  const t0 = performance.now();
  const report = await importEpoch({ db, now: new Date(), userId: null }, source, { dryRun: false });
  const importMs = performance.now() - t0;
  clearInterval(timer);
  await db.$disconnect();
  if (!report.ok) throw new Error(`${label}: ${JSON.stringify(report.problems.slice(0, 3))}`);
  const rawMs = await rawInsert(file, copyDb(seededFile, path.join(dir, `${label}-raw.db`)));
  const rows = report.rows;
  const line = {
    label,
    rows,
    importMs: Math.round(importMs),
    importPerRowMs: +(importMs / rows).toFixed(3),
    rawMs: Math.round(rawMs),
    rawPerRowMs: +(rawMs / rows).toFixed(4),
    ratio: +(importMs / rawMs).toFixed(1),
    peakRssMb: Math.round(peak / 2 ** 20),
    rssGrowthMb: Math.round((peak - rssBefore) / 2 ** 20),
    counts: report.counts,
  };
  console.log(JSON.stringify(line));
  return line;
}

/**
 * The live heap's peak above the start while `rows` generated rows are imported from a file (a
 * forced collection every 100 ms, so slower than the timed runs): what the import holds.
 */
async function heapPeak(rows: number, dir: string, seededFile: string): Promise<number> {
  const gc = (globalThis as { gc?: () => void }).gc!;
  const db = await createDb({ url: `file:${copyDb(seededFile, path.join(dir, `heap-${rows}.db`))}` });
  const source = csvFile(dir, `heap-${rows}`, generated(rows, Number(values.seed)));
  gc();
  const start = process.memoryUsage().heapUsed;
  let peak = start;
  const sample = () => {
    gc();
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  };
  const timer = setInterval(sample, 100);
  const report = await importEpoch({ db, now: new Date(), userId: null }, source, { dryRun: false });
  clearInterval(timer);
  sample();
  await db.$disconnect();
  if (!report.ok) throw new Error(`heap-${rows}: ${JSON.stringify(report.problems.slice(0, 3))}`);
  return peak - start;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'timeline-epoch-bench-'));
if (values.heap) {
  // A child of the run below: one file's live heap peak, alone in its process.
  try {
    const seededFile = copyDb(await migratedTemplate(dir), path.join(dir, 'seeded.db'));
    const db = await createDb({ url: `file:${seededFile}` });
    await seedDatabase(db);
    await db.$disconnect();
    console.log(JSON.stringify({ heapPeak: await heapPeak(Number(values.heap), dir, seededFile) }));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  process.exit(0);
}
try {
  const template = await migratedTemplate(dir);
  const seededFile = copyDb(template, path.join(dir, 'seeded.db'));
  const db = await createDb({ url: `file:${seededFile}` });
  await seedDatabase(db);
  await db.$disconnect();
  console.log(`Epoch import beside raw inserts of the same rows (SQLite, ${os.cpus().length} cores, other work may share the machine)`);
  await measure('epoch-sample', SAMPLE, dir, seededFile);
  await measure(`generated-${ROWS}`, generated(ROWS, Number(values.seed)), dir, seededFile);
  const held = Number(values.held);
  if (held > 0) {
    // The bench's own world (its organizations are the seed's, so not on top of the seed).
    const heldFile = copyDb(template, path.join(dir, 'held.db'));
    insertEvents(heldFile, generateEvents(held, Number(values.seed)), new Date('2026-01-01T00:00:00Z'));
    await measure(`epoch-sample-beside-${held}-events`, SAMPLE, dir, heldFile);
  }
  // Issue 9: memory flat as the file grows. Two files, the second ten times the first, each in a
  // process of its own (what an earlier import left behind is not in the figure).
  const sizes = [Math.max(100, Math.round(ROWS / 10)), ROWS];
  const peaks = sizes.map((n) => {
    const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), '--heap', String(n), '--seed', String(values.seed)], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`heap ${n}: ${run.stderr}`);
    return (JSON.parse(run.stdout.trim().split('\n').at(-1)!) as { heapPeak: number }).heapPeak;
  });
  const kB = (b: number) => +(b / 1024).toFixed(2);
  console.log(
    JSON.stringify({
      label: 'epoch-memory',
      rows: sizes,
      liveHeapPeakMb: peaks.map((p) => +(p / 2 ** 20).toFixed(1)),
      kBPerRow: peaks.map((p, i) => kB(p / sizes[i]!)),
      growthKBPerRow: kB((peaks[1]! - peaks[0]!) / (sizes[1]! - sizes[0]!)),
      fileKBPerRow: kB(Buffer.byteLength(generated(100, 1)) / 100),
    }),
  );
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
