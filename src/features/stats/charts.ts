// Chart geometry for /stats: plain numbers in, rectangles, ticks and labels out. The templates
// draw them as SVG attributes (no inline style, which the CSP forbids), so the charts need no
// script, scale with their viewBox and print as they show.

export interface Quarter {
  key: string;
  label: string;
}

/** The key of a quarter numbered year × 4 + quarter − 1, as the database counts them (stats.repo.ts). */
export function quarterKey(index: number): string {
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

/** Every quarter from the first to the last key, inclusive, in order. */
export function quarterRange(keys: Iterable<string>): Quarter[] {
  const sorted = [...new Set(keys)].sort();
  if (sorted.length === 0) return [];
  const [fy, fq] = sorted[0]!.split('-Q').map(Number) as [number, number];
  const [ly, lq] = sorted.at(-1)!.split('-Q').map(Number) as [number, number];
  const out: Quarter[] = [];
  for (let y = fy, q = fq; y < ly || (y === ly && q <= lq); q === 4 ? (y++, (q = 1)) : q++) {
    out.push({ key: `${y}-Q${q}`, label: `Q${q} ${y}` });
  }
  return out;
}

/** Round steps (1, 2, 5 × 10^n) from 0 to at least `max`, about `count` of them. */
export function ticks(max: number, count = 4): number[] {
  if (max <= 0) return [0, 1];
  const raw = max / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const whole = Math.max(1, Math.round(step));
  const out: number[] = [];
  for (let v = 0; v < max + whole; v += whole) out.push(v);
  return out;
}

export interface HeatCell {
  x: number;
  y: number;
  /** Centre of the cell, for its figure. */
  cx: number;
  cy: number;
  count: number;
  /** 0 (empty) to 4 (the busiest cell). */
  level: number;
  title: string;
}

export interface Heatmap {
  width: number;
  height: number;
  rows: { label: string; y: number }[];
  columns: { label: string; x: number; showLabel: boolean }[];
  cells: HeatCell[];
  /** Side of a drawn cell (the grid step minus a gap). */
  size: number;
  /** Right edge of the row labels, and the baseline of the column labels. */
  labelX: number;
  labelY: number;
}

/** A grid of counts: one row per series, one column per quarter. */
export function heatmap(rows: { label: string; counts: number[] }[], columns: Quarter[]): Heatmap {
  const cell = 26;
  const left = 170;
  const top = 52;
  const max = Math.max(1, ...rows.flatMap((r) => r.counts));
  const cells: HeatCell[] = [];
  rows.forEach((r, i) =>
    r.counts.forEach((count, j) =>
      cells.push({
        x: left + j * cell,
        y: top + i * cell,
        cx: left + j * cell + cell / 2 - 1,
        cy: top + i * cell + cell / 2 + 3,
        count,
        level: count === 0 ? 0 : Math.max(1, Math.ceil((count / max) * 4)),
        title: `${r.label}, ${columns[j]!.label}: ${count}`,
      }),
    ),
  );
  // Label every quarter when there is room, else the first quarter of each year.
  const every = columns.length <= 16;
  return {
    width: left + columns.length * cell + 36,
    height: top + rows.length * cell + 8,
    rows: rows.map((r, i) => ({ label: r.label.length > 26 ? `${r.label.slice(0, 25)}…` : r.label, y: top + i * cell + cell / 2 })),
    columns: columns.map((c, j) => ({ label: every ? c.label : c.label.slice(3), x: left + j * cell + cell / 2, showLabel: every || c.key.endsWith('Q1') })),
    cells,
    size: cell - 2,
    labelX: left - 8,
    labelY: top - 8,
  };
}

export interface Segment {
  key: string;
  label: string;
  count: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface StackedColumns {
  width: number;
  height: number;
  baseline: number;
  left: number;
  /** Baseline of the column labels, and the right edge of the tick labels. */
  labelY: number;
  tickX: number;
  columns: { label: string; x: number; width: number; total: number; segments: Segment[]; showLabel: boolean }[];
  ticks: { value: number; y: number; line: number }[];
}

/** Vertical stacked columns (one per quarter), segments in `keys` order from the baseline up. */
export function stackedColumns(columns: { label: string; counts: Record<string, number> }[], keys: { key: string; label: string }[]): StackedColumns {
  const left = 40;
  const top = 12;
  const plot = 200;
  const band = Math.max(22, Math.min(60, 640 / Math.max(1, columns.length)));
  const barWidth = band * 0.7;
  const totals = columns.map((c) => keys.reduce((s, k) => s + (c.counts[k.key] ?? 0), 0));
  const axis = ticks(Math.max(1, ...totals));
  const max = axis.at(-1)!;
  const scale = (v: number) => (v / max) * plot;
  const baseline = top + plot;
  const every = columns.length <= 12;
  return {
    width: left + columns.length * band + 10,
    height: baseline + 44,
    baseline,
    left,
    labelY: baseline + 18,
    tickX: left - 6,
    ticks: axis.map((value) => ({ value, y: baseline - scale(value) + 4, line: baseline - scale(value) })),
    columns: columns.map((c, i) => {
      const x = left + i * band + (band - barWidth) / 2;
      let y = baseline;
      const segments: Segment[] = [];
      for (const k of keys) {
        const count = c.counts[k.key] ?? 0;
        if (!count) continue;
        const h = scale(count);
        y -= h;
        segments.push({ key: k.key, label: k.label, count, x, y, width: barWidth, height: h });
      }
      return { label: c.label, x: x + barWidth / 2, width: barWidth, total: totals[i]!, segments, showLabel: every || c.label.startsWith('Q1') };
    }),
  };
}

export interface StackedRows {
  width: number;
  height: number;
  left: number;
  rows: { label: string; y: number; total: number; segments: Segment[]; end: number }[];
  ticks: { value: number; x: number }[];
  bottom: number;
  /** Right edge of the row labels; baseline of the tick labels. */
  labelX: number;
  tickY: number;
}

/** Horizontal stacked bars, one per row, on a shared count scale. */
export function stackedRows(rows: { label: string; counts: Record<string, number> }[], keys: { key: string; label: string }[]): StackedRows {
  const left = 210;
  const plot = 420;
  const band = 28;
  const top = 8;
  const totals = rows.map((r) => keys.reduce((s, k) => s + (r.counts[k.key] ?? 0), 0));
  const axis = ticks(Math.max(1, ...totals));
  const max = axis.at(-1)!;
  const scale = (v: number) => (v / max) * plot;
  const bottom = top + rows.length * band;
  return {
    width: left + plot + 40,
    height: bottom + 28,
    left,
    bottom,
    labelX: left - 8,
    tickY: bottom + 16,
    ticks: axis.map((value) => ({ value, x: left + scale(value) })),
    rows: rows.map((r, i) => {
      let x = left;
      const y = top + i * band + 5;
      const segments: Segment[] = [];
      for (const k of keys) {
        const count = r.counts[k.key] ?? 0;
        if (!count) continue;
        const w = scale(count);
        segments.push({ key: k.key, label: k.label, count, x, y, width: w, height: band - 10 });
        x += w;
      }
      return { label: r.label.length > 30 ? `${r.label.slice(0, 29)}…` : r.label, y: y + (band - 10) / 2 + 4, total: totals[i]!, segments, end: x + 6 };
    }),
  };
}

export interface ScatterPoint {
  x: number;
  y: number;
  title: string;
}

export interface LogScatter {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** Years along the bottom, powers of ten up the side. */
  xTicks: { label: string; x: number }[];
  yTicks: { label: string; y: number; text: number }[];
  points: ScatterPoint[];
  /** Right edge of the power-of-ten labels; baseline of the year labels. */
  tickX: number;
  tickY: number;
}

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const power = (n: number) => `10${[...String(n)].map((c) => (c === '-' ? '⁻' : SUPERSCRIPT_DIGITS[Number(c)])).join('')}`;

/**
 * Values over time on a logarithmic scale (a model's parameters or training compute grow by
 * orders of magnitude): one dot per point, a year axis and one tick per power of ten (every
 * second or third power when the range is wide).
 */
export function logScatter(points: { date: Date; value: number; title: string }[]): LogScatter {
  const left = 56;
  const top = 12;
  const plotW = 640;
  const plotH = 260;
  const shown = points.filter((p) => p.value > 0 && Number.isFinite(p.value));
  const years = shown.map((p) => p.date.getUTCFullYear());
  const logs = shown.map((p) => Math.log10(p.value));
  // reduce, not Math.min(...): a spread of 100,000 arguments overflows the stack.
  const min = (xs: number[], empty: number) => (xs.length ? xs.reduce((a, b) => Math.min(a, b)) : empty);
  const max = (xs: number[], empty: number) => (xs.length ? xs.reduce((a, b) => Math.max(a, b)) : empty);
  const firstYear = min(years, 2020);
  const lastYear = max(years, firstYear) + 1;
  const lo = Math.floor(min(logs, 0));
  const hi = Math.max(lo + 1, Math.ceil(max(logs, 1)));
  const t0 = Date.UTC(firstYear, 0, 1);
  const t1 = Date.UTC(lastYear, 0, 1);
  const sx = (t: number) => left + ((t - t0) / (t1 - t0)) * plotW;
  const sy = (l: number) => top + plotH - ((l - lo) / (hi - lo)) * plotH;
  // Round years (every 1, 2, 5, 10, 20 or 25), about ten of them.
  const yearStep = [1, 2, 5, 10, 20, 25, 50].find((s) => (lastYear - firstYear) / s <= 10) ?? 100;
  const powerStep = Math.max(1, Math.ceil((hi - lo) / 8));
  const xTicks: LogScatter['xTicks'] = [];
  for (let y = Math.ceil(firstYear / yearStep) * yearStep; y <= lastYear; y += yearStep) xTicks.push({ label: String(y), x: sx(Date.UTC(y, 0, 1)) });
  const yTicks: LogScatter['yTicks'] = [];
  for (let e = lo; e <= hi; e += powerStep) yTicks.push({ label: power(e), y: sy(e), text: sy(e) + 4 });
  return {
    width: left + plotW + 16,
    height: top + plotH + 30,
    left,
    right: left + plotW,
    top,
    bottom: top + plotH,
    xTicks,
    yTicks,
    points: shown.map((p, i) => ({ x: round(sx(p.date.getTime())), y: round(sy(logs[i]!)), title: p.title })),
    tickX: left - 6,
    tickY: top + plotH + 18,
  };
}

const round = (n: number) => Math.round(n * 10) / 10;
