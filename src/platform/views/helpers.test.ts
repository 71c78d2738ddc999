import { describe, expect, it } from 'vitest';
import { and, dayText, eq, isoDay, lastDay, or, plural, selected, timeAttr, withQuery } from './helpers.ts';

const options = (hash: Record<string, unknown> = {}) => ({ hash });

describe('view helpers', () => {
  it('when comparing, then eq/or/and ignore the Handlebars options argument', () => {
    expect(eq('a', 'a')).toBe(true);
    expect(eq('1', 1)).toBe(false);
    expect(or(false, '', options())).toBe(false);
    expect(or(false, 'x', options())).toBe(true);
    expect(and(true, 'x', options())).toBe(true);
    expect(and(true, 0, options())).toBe(false);
    expect(and(options())).toBe(false);
  });

  it('when counting, then plural picks the right word and groups thousands', () => {
    expect(plural(1, 'entry', 'entries')).toBe('1 entry');
    expect(plural(0, 'entry', 'entries')).toBe('0 entries');
    expect(plural(3, 'entry', 'entries')).toBe('3 entries');
    expect(plural(21224, 'entry', 'entries')).toBe('21,224 entries');
  });

  it('when given an ISO instant, then timeAttr and isoDay read it in UTC at the right precision', () => {
    expect(timeAttr('2023-12-31T23:59:59.000Z', 'year')).toBe('2023');
    expect(timeAttr('2023-07-18T00:00:00.000Z', 'day')).toBe('2023-07-18');
    expect(timeAttr('2024-05-11T00:00:00.000Z', 'month-part')).toBe('2024-05');
    expect(timeAttr('2024-04-01T00:00:00.000Z', 'quarter')).toBe('2024');
    expect(isoDay('2024-05-01T00:00:00.000Z')).toBe('2024-05-01');
    expect(isoDay('not a date')).toBe('');
  });

  it('when building a filter link, then other filters stay, the cursor goes and empty values are dropped', () => {
    const query = { organization: 'meta', q: 'llama & co', cursor: 'abc', kind: 'release' };
    expect(withQuery(query, options({ kind: '' }))).toBe('?organization=meta&q=llama+%26+co');
    expect(withQuery(query, options({ order: 'oldest' }))).toBe('?organization=meta&q=llama+%26+co&kind=release&order=oldest');
    expect(withQuery({}, options())).toBe('?');
  });

  it('when a day is shown, then it reads "31 July 2024", and an exclusive end gives its last day', () => {
    expect(dayText('2024-07-31T10:00:00.000Z')).toBe('31 July 2024');
    expect(dayText('nonsense')).toBe('');
    expect(lastDay('2024-06-01T00:00:00.000Z')).toBe('2024-05-31');
    expect(lastDay('2024-03-01T00:00:00.000Z')).toBe('2024-02-29');
  });

  it('when an option matches the current value, then it is selected', () => {
    expect(selected('meta', 'meta')).toBe('selected');
    expect(selected(undefined, 'meta')).toBe('');
    expect(selected('2', 2)).toBe('selected');
  });
});
