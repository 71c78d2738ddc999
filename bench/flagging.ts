// Issue 4: flagging milestones that all came due at once, and a run with nothing due, each beside
// the equivalent raw SQL measured on copies of the same database in the same run.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { flagMilestones } from '../src/features/milestones/index.ts';
import { readContentVersion } from '../src/platform/content-version.ts';
import { createDb } from '../src/platform/db.ts';
import { copyDb, insertMilestones, openSqlite, sqlDate, type MilestoneSet } from './build-db.ts';

/** Fresh copies flagged per measurement: the median is judged, the minimum shows the cost without interference. */
const REPEATS = 3;
const NOTHING_DUE_REPEATS = 5;

export interface Timing {
  /** Milliseconds of each repetition. */
  runs: number[];
  median: number;
  min: number;
}

export interface FlaggingResult {
  due: number;
  later: number;
  now: string;
  buildSeconds: number;
  app: {
    allDue: Timing;
    nothingDue: Timing;
    /** What the function returned on the first run, and what the database holds after it. */
    summary: unknown;
    dueAfter: number;
    transitionsAfter: number;
  };
  raw: {
    /** The single conditional UPDATE, all due. */
    update: Timing;
    updatedRows: number;
    /** The same UPDATE again: nothing due. */
    updateNothingDue: Timing;
    /** INSERT … SELECT of the transitions plus the UPDATE, in one transaction: the work the app does. */
    transitionsAndUpdate: Timing;
  };
  /** Plan of the nothing-due UPDATE, to show it is one indexed lookup. */
  nothingDuePlan: string[];
}

function timing(runs: number[]): Timing {
  const sorted = [...runs].sort((a, b) => a - b);
  return { runs, median: sorted[Math.floor(sorted.length / 2)]!, min: sorted[0]! };
}

function elapsed<T>(fn: () => T): [T, number] {
  const t = performance.now();
  const r = fn();
  return [r, performance.now() - t];
}

async function elapsedAsync<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const r = await fn();
  return [r, performance.now() - t];
}

const UPDATE = `UPDATE "Milestone" SET "status" = 'due', "dueAt" = "windowStart", "updatedAt" = ?
  WHERE "status" = 'upcoming' AND "windowStart" IS NOT NULL AND "windowStart" <= ?`;
const INSERT_TRANSITIONS = `INSERT INTO "MilestoneTransition" ("milestoneId", "fromStatus", "toStatus", "dueAt", "flaggedAt")
  SELECT "id", 'upcoming', 'due', "windowStart", ? FROM "Milestone"
  WHERE "status" = 'upcoming' AND "windowStart" IS NOT NULL AND "windowStart" <= ?`;

/** A fresh copy of the pristine database, without the WAL files of an earlier copy. */
function freshCopy(pristine: string, file: string): string {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  return copyDb(pristine, file);
}

function rawUpdate(file: string, at: string) {
  const db = openSqlite(file);
  try {
    const update = db.prepare(UPDATE);
    const [result, ms] = elapsed(() => update.run(at, at));
    const again = Array.from({ length: NOTHING_DUE_REPEATS }, () => elapsed(() => update.run(at, at))[1]);
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${UPDATE}`).all(at, at) as { detail: string }[]).map((r) => r.detail);
    return { ms, rows: result.changes, again, plan };
  } finally {
    db.close();
  }
}

function rawTransitionsAndUpdate(file: string, at: string): number {
  const db = openSqlite(file);
  try {
    const insert = db.prepare(INSERT_TRANSITIONS);
    const update = db.prepare(UPDATE);
    return elapsed(
      db.transaction(() => {
        insert.run(at, at);
        update.run(at, at);
      }),
    )[1];
  } finally {
    db.close();
  }
}

async function appFlag(file: string, now: Date, nothingDueToo: boolean) {
  const db = await createDb({ url: `file:${file}` });
  try {
    await readContentVersion(db); // a long-running server has its client warm
    const [summary, ms] = await elapsedAsync(() => flagMilestones(db, now, { graceDays: 0 }));
    const again: number[] = [];
    if (nothingDueToo) for (let i = 0; i < NOTHING_DUE_REPEATS; i++) again.push((await elapsedAsync(() => flagMilestones(db, now, { graceDays: 0 })))[1]);
    const [dueAfter, transitionsAfter] = await Promise.all([db.milestone.count({ where: { status: 'due' } }), db.milestoneTransition.count()]);
    return { ms, again, summary, dueAfter, transitionsAfter };
  } finally {
    await db.$disconnect();
  }
}

export async function benchFlagging(dir: string, template: string, set: MilestoneSet): Promise<FlaggingResult> {
  const pristine = copyDb(template, path.join(dir, 'milestones.db'));
  const [, buildMs] = elapsed(() => insertMilestones(pristine, set));
  const at = sqlDate(set.now);
  const work = path.join(dir, 'milestones-run.db');

  const raw: ReturnType<typeof rawUpdate>[] = [];
  const both: number[] = [];
  const app: Awaited<ReturnType<typeof appFlag>>[] = [];
  for (let i = 0; i < REPEATS; i++) {
    raw.push(rawUpdate(freshCopy(pristine, work), at));
    both.push(rawTransitionsAndUpdate(freshCopy(pristine, work), at));
    app.push(await appFlag(freshCopy(pristine, work), set.now, i === REPEATS - 1));
  }
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(work + suffix, { force: true });
  const last = app.at(-1)!;
  return {
    due: set.due,
    later: set.later,
    now: set.now.toISOString(),
    buildSeconds: buildMs / 1000,
    app: {
      allDue: timing(app.map((a) => a.ms)),
      nothingDue: timing(last.again),
      summary: app[0]!.summary,
      dueAfter: last.dueAfter,
      transitionsAfter: last.transitionsAfter,
    },
    raw: {
      update: timing(raw.map((r) => r.ms)),
      updatedRows: raw[0]!.rows,
      updateNothingDue: timing(raw.at(-1)!.again),
      transitionsAndUpdate: timing(both),
    },
    nothingDuePlan: raw[0]!.plan,
  };
}
