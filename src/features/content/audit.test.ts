import { describe, expect, it } from 'vitest';
import { diffSnapshots } from './audit.ts';

describe('diffSnapshots', () => {
  it('when a record is created, then every field with a value is listed as after only', () => {
    expect(diffSnapshots(null, { title: 'A', summary: '', tags: [] })).toEqual({ title: { before: null, after: 'A' } });
  });

  it('when a record changes, then only the changed fields are listed, lists compared by value', () => {
    expect(diffSnapshots({ title: 'A', tags: ['x', 'y'], primary: false }, { title: 'A', tags: ['x'], primary: true })).toEqual({
      tags: { before: ['x', 'y'], after: ['x'] },
      primary: { before: false, after: true },
    });
  });

  it('when a record is deleted, then its values are listed as before only', () => {
    expect(diffSnapshots({ name: 'Meta', website: null }, null)).toEqual({ name: { before: 'Meta', after: null } });
  });

  it('when values differ only in type or are equal as JSON, then they are compared as their JSON', () => {
    expect(diffSnapshots({ n: 1, s: 'a', l: ['1'], x: NaN }, { n: '1', s: 'a', l: ['1'], x: null })).toEqual({ n: { before: 1, after: '1' } });
  });
});
