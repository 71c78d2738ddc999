// Issue 11 ("Search and scale"): what a search, the facets and a deep page cost as the data grows,
// measured in-process on the app's own functions (listTimeline, listFacets: no render cache, no
// HTTP), each against the unfiltered first page of the same database in the same run.
import fs from 'node:fs';
import path from 'node:path';
import { listFacets, listTimeline, timelineQuerySchema } from '../src/features/timeline/index.ts';
import { createDb } from '../src/platform/db.ts';
import { copyDb, insertEvents } from './build-db.ts';
import { createBenchDatabase, insertEventsPg } from './build-pg.ts';
import type { Db } from '../src/platform/db.ts';
import { cost, interleavedCosts } from './costs.ts';
import { ORGANIZATIONS, generateEvents, newestFirst } from './data.ts';
import { PAGE_SIZE, cursorForPage } from './http.ts';

export interface SearchSize {
  events: number;
  buildSeconds: number;
  /** Microseconds per call, by case. */
  micros: Record<string, number>;
  /** How many events the one-word search matches. */
  oneWordMatches: number;
}

export interface SearchBenchResult {
  sizes: SearchSize[];
  /** Sizes asked for but not run, with the reason. */
  notRun: { events: number; why: string }[];
}

export const SEARCH_CASES = [
  'unfiltered page 1',
  'deep page (1,000 or the last)',
  'search matching nothing',
  'one-word search, relevance',
  'one-word search, sort=date',
  'facets (stored counts, decision 38)',
  'facets with a one-word search',
] as const;

/** Above this many events the build (one transaction, FTS5 triggers) takes minutes and gigabytes: not run unless asked. */
export const SEARCH_MAX_DEFAULT = 100_000;

/** The cases of one size on one database, each the best of 9 rounds of ~100 ms, taking turns within each round, after a warm-up. */
async function measure(db: Db, events: ReturnType<typeof generateEvents>, word: string): Promise<Record<string, number>> {
  const n = events.length;
  const sorted = [...events].sort(newestFirst);
  const deep = Math.min(1000, Math.max(2, Math.floor(n / PAGE_SIZE)));
  const q = (v: Record<string, unknown>) => timelineQuerySchema.parse(v);
  const cases: [string, () => unknown][] = [
    [SEARCH_CASES[0], () => listTimeline(db, q({}), PAGE_SIZE)],
    [SEARCH_CASES[1], () => listTimeline(db, q({ cursor: cursorForPage(sorted, deep) }), PAGE_SIZE)],
    [SEARCH_CASES[2], () => listTimeline(db, q({ q: 'zqxjv' }), PAGE_SIZE)],
    [SEARCH_CASES[3], () => listTimeline(db, q({ q: word }), PAGE_SIZE)],
    [SEARCH_CASES[4], () => listTimeline(db, q({ q: word, sort: 'date' }), PAGE_SIZE)],
    [SEARCH_CASES[5], () => listFacets(db, q({}))],
    [SEARCH_CASES[6], () => listFacets(db, q({ q: word }))],
  ];
  for (const [, fn] of cases) await cost(fn, 1, 50);
  const costs = await interleavedCosts(cases.map(([, fn]) => fn), 9, 100);
  return Object.fromEntries(cases.map(([name], k) => [name, costs[k]!]));
}

/** A subject of one organization: a selective word, as a reader's search usually is. */
const oneWord = () => ORGANIZATIONS[0]![2][0]!.split(/\s+/)[0]!;

function matchesOf(events: ReturnType<typeof generateEvents>, word: string): number {
  return events.filter((e) => `${e.title} ${e.summary} ${e.subjects.join(' ')}`.toLowerCase().includes(word.toLowerCase())).length;
}

export async function benchSearch(dir: string, template: string, sizes: number[], seed: number, log: (s: string) => void): Promise<SearchBenchResult> {
  const out: SearchBenchResult = { sizes: [], notRun: [] };
  const word = oneWord();
  for (const n of sizes) {
    log(`Search: building ${n.toLocaleString('en')} events…`);
    const file = copyDb(template, path.join(dir, `search-${n}.db`));
    const t0 = performance.now();
    const events = generateEvents(n, seed);
    insertEvents(file, events, new Date('2026-01-01T00:00:00Z'));
    const buildSeconds = (performance.now() - t0) / 1000;
    const db = await createDb({ url: `file:${file}` });
    try {
      out.sizes.push({ events: n, buildSeconds, micros: await measure(db, events, word), oneWordMatches: matchesOf(events, word) });
    } finally {
      await db.$disconnect();
      fs.rmSync(file, { force: true });
    }
  }
  return out;
}

/** The same cases on PostgreSQL (`--only search --postgres`): a database created and dropped per size. */
export async function benchSearchPostgres(adminUrl: string, sizes: number[], seed: number, log: (s: string) => void): Promise<SearchBenchResult> {
  const out: SearchBenchResult = { sizes: [], notRun: [] };
  const word = oneWord();
  for (const n of sizes) {
    log(`Search on PostgreSQL: building ${n.toLocaleString('en')} events…`);
    const bench = await createBenchDatabase(adminUrl);
    try {
      const t0 = performance.now();
      const events = generateEvents(n, seed);
      await insertEventsPg(bench.url, events, new Date('2026-01-01T00:00:00Z'));
      const buildSeconds = (performance.now() - t0) / 1000;
      const db = await createDb({ url: bench.url });
      try {
        out.sizes.push({ events: n, buildSeconds, micros: await measure(db, events, word), oneWordMatches: matchesOf(events, word) });
      } finally {
        await db.$disconnect();
      }
    } finally {
      await bench.drop();
    }
  }
  return out;
}

export function formatSearch(r: SearchBenchResult, engine = 'SQLite'): string {
  const lines: string[] = [`Search and facets (issue 11), ${engine}: µs per call, in-process, uncached; ×: against the unfiltered page 1 of the same size`];
  const head = ['case', ...r.sizes.map((s) => `${s.events.toLocaleString('en')} events`), ...r.notRun.map((s) => `${s.events.toLocaleString('en')} events`)];
  const rows = SEARCH_CASES.map((c) => [
    c,
    ...r.sizes.map((s) => {
      const v = s.micros[c]!;
      const base = s.micros[SEARCH_CASES[0]]!;
      return `${Math.round(v).toLocaleString('en')} (${(v / base).toFixed(2)}×)`;
    }),
    ...r.notRun.map(() => 'not run'),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const fmt = (row: string[]) => row.map((x, i) => (i === 0 ? x.padEnd(widths[i]!) : x.padStart(widths[i]!))).join('  ');
  lines.push(fmt(head), ...rows.map(fmt));
  for (const s of r.sizes) lines.push(`${s.events.toLocaleString('en')} events: built in ${s.buildSeconds.toFixed(1)} s; the one-word search matches ${s.oneWordMatches.toLocaleString('en')} events`);
  for (const s of r.notRun) lines.push(`${s.events.toLocaleString('en')} events: not run (${s.why})`);
  return lines.join('\n');
}
