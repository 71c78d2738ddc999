import { describe, expect, it } from 'vitest';
import { heatmap, quarterRange, quarterWithin, stackedColumns, ticks } from './charts.ts';

const d = (s: string) => new Date(s);

describe('stats chart geometry', () => {
  it('when a window lies in one quarter, then it is counted there; a wider one has no quarter', () => {
    expect(quarterWithin(d('2024-05-01T00:00:00Z'), d('2024-06-01T00:00:00Z'))).toBe('2024-Q2');
    expect(quarterWithin(d('2023-07-18T00:00:00Z'), d('2023-07-19T00:00:00Z'))).toBe('2023-Q3');
    expect(quarterWithin(d('2024-01-01T00:00:00Z'), d('2025-01-01T00:00:00Z'))).toBeNull();
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
