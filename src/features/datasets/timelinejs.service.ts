// `--from timelinejs`: a TimelineJS JSON file checked slide by slide and written through the
// import (all or nothing); and the export of the timeline as TimelineJS JSON.
import { exportAll, importData, type WriteContext } from '../content/index.ts';
import type { Db } from '../../platform/db.ts';
import { bundleEvents, fromTimelineJs, toTimelineJs, type TjsEvent, type SlideProblem, type TjsDoc, type TjsOptions } from './timelinejs.ts';

export interface TimelineJsReport {
  ok: boolean;
  applied: boolean;
  slides: number;
  problems: SlideProblem[];
  warnings: string[];
  counts: { create: number; update: number; unchanged: number };
}

export async function importTimelineJs(ctx: WriteContext, text: string, opts: Partial<TjsOptions> & { dryRun: boolean }): Promise<TimelineJsReport> {
  const existing = await exportAll(ctx.db, ctx.now);
  const c = fromTimelineJs(text, existing, { groups: opts.groups ?? 'tags', fileName: opts.fileName ?? '' });
  const problems = [...c.problems];
  const dryRun = opts.dryRun || problems.length > 0;
  const counts = { create: 0, update: 0, unchanged: 0 };
  if (c.slides === 0 && problems.length) return { ok: false, applied: false, slides: 0, problems, warnings: c.warnings, counts };
  const r = await importData(ctx, JSON.stringify(c.bundle), { format: 'json', dryRun });
  for (const e of r.errors) {
    const row = c.rowOf[e.entity as keyof typeof c.rowOf]?.[e.row - 1] ?? 0;
    problems.push({ row, field: `${e.entity}.${e.field}`, message: e.message });
  }
  for (const a of r.actions) if (a.entity === 'events') counts[a.action]++;
  return {
    ok: problems.length === 0,
    applied: problems.length === 0 && r.applied,
    slides: c.slides,
    problems: problems.sort((a, b) => a.row - b.row).slice(0, 500),
    warnings: c.warnings,
    counts,
  };
}

export function timelineJsSummary(r: TimelineJsReport): string {
  return `${r.slides} slide${r.slides === 1 ? '' : 's'}: ${r.counts.create} events created, ${r.counts.update} updated, ${r.counts.unchanged} unchanged`;
}

export const TIMELINEJS_TITLE = 'The AI industry timeline';

/** Every event as TimelineJS JSON, with the licence and the date on the title slide. */
export async function exportTimelineJs(db: Db, now: Date, licence: string): Promise<TjsDoc> {
  return timelineJsDoc(bundleEvents(await exportAll(db, now)), now, licence);
}

export function timelineJsDoc(events: TjsEvent[], now: Date, licence: string): TjsDoc {
  return toTimelineJs(events, { headline: TIMELINEJS_TITLE, text: `Exported ${now.toISOString().slice(0, 10)}. ${licence}` });
}
