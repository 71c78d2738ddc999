// Where the time of an uncached page goes, measured in-process (no HTTP, no load generator, so
// far less sensitive to other work on the machine): the app's Prisma calls beside raw SQL for
// the same rows, and the keyset query of a deep page beside OFFSET.
import { performance } from 'node:perf_hooks';
import { listTimeline, timelineQuerySchema } from '../src/features/timeline/index.ts';
import { filterOptions } from '../src/features/timeline/timeline.pages.ts';
import type { CursorKey } from '../src/features/timeline/timeline.schema.ts';
import { readContentVersion } from '../src/platform/content-version.ts';
import { createDb } from '../src/platform/db.ts';
import { openSqlite, sqlDate } from './build-db.ts';
import type { EventSpec } from './data.ts';
import { PAGE_SIZE, cursorForPage } from './http.ts';
import { listEvents, statements } from './raw-app.ts';

export interface Cost {
  name: string;
  /** Microseconds per call: the best of several rounds. */
  micros: number;
}

/** Best mean over `rounds` rounds of calls lasting about `roundMs` each, after a warm-up. */
export async function cost(fn: () => unknown, rounds = 5, roundMs = 150): Promise<number> {
  let n = 0;
  const warm = performance.now();
  while (performance.now() - warm < roundMs) {
    await fn();
    n++;
  }
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const t = performance.now();
    for (let i = 0; i < n; i++) await fn();
    best = Math.min(best, (performance.now() - t) / n);
  }
  return best * 1000;
}

/**
 * Microseconds per call of each function: the best mean of `rounds` rounds, the functions taking
 * turns within each round (about `roundMs` each), so that a machine that slows down for a few
 * seconds slows all of them alike instead of skewing the ratios between them.
 */
export async function interleavedCosts(fns: (() => unknown)[], rounds = 7, roundMs = 100): Promise<number[]> {
  const counts: number[] = [];
  for (const fn of fns) {
    let n = 0;
    const warm = performance.now();
    while (performance.now() - warm < roundMs) {
      await fn();
      n++;
    }
    counts.push(n);
  }
  const best = fns.map(() => Infinity);
  for (let r = 0; r < rounds; r++) {
    for (const [k, fn] of fns.entries()) {
      const n = counts[k]!;
      const t = performance.now();
      for (let i = 0; i < n; i++) await fn();
      best[k] = Math.min(best[k]!, (performance.now() - t) / n);
    }
  }
  return best.map((b) => b * 1000);
}

const ORDER = 'ORDER BY "dateStart" DESC, "dateEnd" DESC, "title" DESC, "id" DESC LIMIT 51';

export async function dataAccessCosts(file: string, sorted: EventSpec[], deepPage: number): Promise<Cost[]> {
  const db = await createDb({ url: `file:${file}` });
  const sqlite = openSqlite(file);
  try {
    const s = statements(sqlite);
    const e = sorted[(deepPage - 1) * PAGE_SIZE - 1]!;
    const key: CursorKey = [e.date.start.toISOString(), e.date.end.toISOString(), e.title, e.id];
    const k = { s: sqlDate(e.date.start), e: sqlDate(e.date.end), t: e.title, id: e.id };
    const page = (cursor?: string) => timelineQuerySchema.parse(cursor ? { cursor } : {});
    const [p1, p2, pN] = [page(), page(cursorForPage(sorted, 2)), page(cursorForPage(sorted, deepPage))];
    const mainFirst = sqlite.prepare(`SELECT * FROM "Event" ${ORDER}`);
    const mainRowValue = sqlite.prepare(`SELECT * FROM "Event" WHERE ("dateStart", "dateEnd", "title", "id") < (@s, @e, @t, @id) ${ORDER}`);
    const mainOffset = sqlite.prepare(`SELECT * FROM "Event" ${ORDER} OFFSET ${(deepPage - 1) * PAGE_SIZE}`);
    const cases: [string, () => unknown][] = [
      ['Prisma: content version (every render-cache hit)', () => readContentVersion(db)],
      ['Prisma: filter options (organizations, subjects)', () => filterOptions(db)],
      ['Prisma: listTimeline page 1 (events, empty milestone stream)', () => listTimeline(db, p1, PAGE_SIZE)],
      ['Prisma: listTimeline page 2', () => listTimeline(db, p2, PAGE_SIZE)],
      [`Prisma: listTimeline page ${deepPage}`, () => listTimeline(db, pN, PAGE_SIZE)],
      ['raw SQL: page 1 events with organizations, subjects, tags', () => listEvents(s, null, PAGE_SIZE + 1)],
      [`raw SQL: page ${deepPage} events with organizations, subjects, tags`, () => listEvents(s, key, PAGE_SIZE + 1)],
      ['raw SQL, events only: page 1', () => mainFirst.all()],
      [`raw SQL, events only: page ${deepPage}, keyset as the app writes it (OR chain)`, () => s.eventsAfter.all({ ...k, take: PAGE_SIZE + 1 })],
      [`raw SQL, events only: page ${deepPage}, keyset as a row value`, () => mainRowValue.all(k)],
      [`raw SQL, events only: page ${deepPage} by OFFSET (what keyset avoids)`, () => mainOffset.all()],
    ];
    for (const [, fn] of cases) await cost(fn, 1, 50); // warms Prisma's client and the JIT for every call first
    const out: Cost[] = [];
    for (const [name, fn] of cases) out.push({ name, micros: await cost(fn) });
    return out;
  } finally {
    sqlite.close();
    await db.$disconnect();
  }
}
