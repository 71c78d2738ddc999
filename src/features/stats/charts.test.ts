import { describe, expect, it } from 'vitest';
import { heatmap, logScatter, quarterKey, quarterRange, stackedColumns, ticks } from './charts.ts';

const d = (s: string) => new Date(s);

describe('stats chart geometry', () => {
  it('when the database numbers a quarter (year × 4 + quarter − 1), then its key names that year and quarter', () => {
    expect(quarterKey(2024 * 4 + 1)).toBe('2024-Q2');
    expect(quarterKey(2023 * 4)).toBe('2023-Q1');
    expect(quarterKey(1999 * 4 + 3)).toBe('1999-Q4');
  });

  it('when quarters have gaps, then the range fills them, across years', () => {
    expect(quarterRange(['2024-Q1', '2023-Q3']).map((q) => q.label)).toEqual(['Q3 2023', 'Q4 2023', 'Q1 2024']);
    expect(quarterRange([])).toEqual([]);
  });

  it('when an axis is drawn, then its ticks are round and reach the largest value', () => {
    expect(ticks(4)).toEqual([0, 1, 2, 3, 4]);
    expect(ticks(9)).toEqual([0, 5, 10]);
    expect(ticks(0)).toEqual([0, 1]);
    expect(ticks(130).at(-1)).toBeGreaterThanOrEqual(130);
  });

  it('when counts are drawn, then the busiest cell is darkest and stacked segments sum to the column', () => {
    const q = quarterRange(['2024-Q1', '2024-Q2']);
    const h = heatmap([{ label: 'Meta', counts: [0, 9] }, { label: 'Google', counts: [3, 1] }], q);
    expect(h.cells.map((c) => c.level)).toEqual([0, 4, 2, 1]);
    const s = stackedColumns([{ label: 'Q1 2024', counts: { met: 3, early: 1 } }], [{ key: 'met', label: 'Met' }, { key: 'early', label: 'Early' }]);
    const col = s.columns[0]!;
    expect(col.total).toBe(4);
    expect(col.segments.reduce((a, x) => a + x.height, 0)).toBeCloseTo(s.baseline - s.ticks.at(-1)!.line);
  });
});

describe('log scatter', () => {
  it('when values span orders of magnitude, then a ten-times larger value sits one decade higher and later dates further right', () => {
    const s = logScatter([
      { date: d('2020-06-01T00:00:00Z'), value: 1.75e11, title: 'GPT-3' },
      { date: d('2023-03-14T00:00:00Z'), value: 1.75e12, title: 'Bigger' },
    ]);
    const a = s.points[0]!;
    const b = s.points[1]!;
    expect(b.x).toBeGreaterThan(a.x);
    expect(b.y).toBeLessThan(a.y);
    const decade = Math.abs(s.yTicks[1]!.y - s.yTicks[0]!.y);
    expect(a.y - b.y).toBeCloseTo(decade, 0);
    expect(s.yTicks.map((t) => t.label)).toContain('10¹²');
    expect(s.xTicks.map((t) => t.label)).toEqual(['2020', '2021', '2022', '2023', '2024']);
    for (const p of s.points) {
      expect(p.x).toBeGreaterThanOrEqual(s.left);
      expect(p.x).toBeLessThanOrEqual(s.right);
      expect(p.y).toBeGreaterThanOrEqual(s.top);
      expect(p.y).toBeLessThanOrEqual(s.bottom);
    }
  });

  it('when a value is zero or missing, then it is left out rather than drawn at minus infinity', () => {
    const s = logScatter([
      { date: d('2021-01-01T00:00:00Z'), value: 0, title: 'zero' },
      { date: d('2021-01-01T00:00:00Z'), value: 5e24, title: 'ok' },
    ]);
    expect(s.points.map((p) => p.title)).toEqual(['ok']);
  });
});
