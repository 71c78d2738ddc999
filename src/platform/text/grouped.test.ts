import { describe, expect, it } from 'vitest';
import { grouped } from './grouped.ts';

describe('grouped', () => {
  it('groups counts as toLocaleString("en-US") does', () => {
    const values = [0, -0, 1, 7, 999, 1000, -1000, 1024, 25000, 123456, 1234567, -987654321, 2 ** 53 - 1, -(2 ** 53) + 1, 2 ** 53, 1e21, 1.5, 1234.5678, -0.25, 0.0001];
    for (const v of values) expect([v, grouped(v)]).toEqual([v, v.toLocaleString('en-US')]);
  });
});
