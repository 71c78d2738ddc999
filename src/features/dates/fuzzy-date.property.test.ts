import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FuzzyDateError,
  PRECISIONS,
  formatFuzzyDate,
  parseFuzzyDate,
  toEdtf,
  type FuzzyDate,
  type Precision,
} from './index.ts';

const RUNS = { numRuns: 500, seed: 20240501 };

/** A date written one way, with the window it must mean, computed here independently of the parser. */
interface Written {
  text: string;
  start: number;
  end: number;
  precision: Precision;
}

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const FR_MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const pad = (n: number): string => String(n).padStart(2, '0');
const lastDay = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

const year = fc.integer({ min: 1950, max: 2150 });
const month = fc.integer({ min: 1, max: 12 });
const part = fc.integer({ min: 0, max: 2 });

const dayForm: fc.Arbitrary<Written> = fc
  .record({ y: year, m: month, dayIndex: fc.integer({ min: 1, max: 31 }), style: fc.integer({ min: 0, max: 3 }) })
  .map(({ y, m, dayIndex, style }) => {
    const d = Math.min(dayIndex, lastDay(y, m));
    const en = EN_MONTHS[m - 1]!;
    const text = [
      `${y}-${pad(m)}-${pad(d)}`,
      `${d} ${en} ${y}`,
      `${en} ${d}, ${y}`,
      `${d === 1 ? '1er' : d} ${FR_MONTHS[m - 1]} ${y}`,
    ][style]!;
    return { text, start: Date.UTC(y, m - 1, d), end: Date.UTC(y, m - 1, d + 1), precision: 'day' };
  });

const monthForm: fc.Arbitrary<Written> = fc
  .record({ y: year, m: month, style: fc.integer({ min: 0, max: 3 }) })
  .map(({ y, m, style }) => ({
    text: [`${y}-${pad(m)}`, `${EN_MONTHS[m - 1]} ${y}`, `${EN_MONTHS[m - 1]!.slice(0, 3)} ${y}`, `${FR_MONTHS[m - 1]} ${y}`][style]!,
    start: Date.UTC(y, m - 1, 1),
    end: Date.UTC(y, m, 1),
    precision: 'month',
  }));

const monthPartForm: fc.Arbitrary<Written> = fc
  .record({ y: year, m: month, p: part, french: fc.boolean() })
  .map(({ y, m, p, french }) => ({
    text: french
      ? `${['début ', 'mi-', 'fin '][p]}${FR_MONTHS[m - 1]} ${y}`
      : `${['early', 'mid', 'late'][p]} ${EN_MONTHS[m - 1]} ${y}`,
    start: Date.UTC(y, m - 1, 1 + 10 * p),
    end: p === 2 ? Date.UTC(y, m, 1) : Date.UTC(y, m - 1, 11 + 10 * p),
    precision: 'month-part',
  }));

const yearPartForm: fc.Arbitrary<Written> = fc
  .record({ y: year, p: part, style: fc.integer({ min: 0, max: 2 }) })
  .map(({ y, p, style }) => ({
    text: [`${['early', 'mid', 'late'][p]} ${y}`, `${['early', 'mid', 'late'][p]}-${y}`, `${['début', 'mi-', 'fin'][p]} ${y}`.replace('- ', '-')][style]!,
    start: Date.UTC(y, 4 * p, 1),
    end: Date.UTC(y, 4 * p + 4, 1),
    precision: 'year-part',
  }));

const quarterForm: fc.Arbitrary<Written> = fc
  .record({ y: year, q: fc.integer({ min: 1, max: 4 }), isoStyle: fc.boolean() })
  .map(({ y, q, isoStyle }) => ({
    text: isoStyle ? `${y}-Q${q}` : `Q${q} ${y}`,
    start: Date.UTC(y, 3 * q - 3, 1),
    end: Date.UTC(y, 3 * q, 1),
    precision: 'quarter',
  }));

const halfForm: fc.Arbitrary<Written> = fc
  .record({ y: year, h: fc.integer({ min: 1, max: 2 }), isoStyle: fc.boolean() })
  .map(({ y, h, isoStyle }) => ({
    text: isoStyle ? `${y}-H${h}` : `H${h} ${y}`,
    start: Date.UTC(y, 6 * h - 6, 1),
    end: Date.UTC(y, 6 * h, 1),
    precision: 'half',
  }));

const yearForm: fc.Arbitrary<Written> = fc
  .record({ y: year, style: fc.integer({ min: 0, max: 2 }) })
  .map(({ y, style }) => ({
    text: [`${y}`, `courant ${y}`, `dans le courant de ${y}`][style]!,
    start: Date.UTC(y, 0, 1),
    end: Date.UTC(y + 1, 0, 1),
    precision: 'year',
  }));

const singleForm = fc.oneof(dayForm, monthForm, monthPartForm, yearPartForm, quarterForm, halfForm, yearForm);

const rangeForm: fc.Arbitrary<Written> = fc
  .record({ a: singleForm, b: singleForm, separator: fc.constantFrom('/', ' / ', ' – ', ' - ', ' to ') })
  .filter(({ a, b }) => b.start >= a.start && b.end > a.start)
  .map(({ a, b, separator }) => ({ text: `${a.text}${separator}${b.text}`, start: a.start, end: b.end, precision: 'range' }));

const anyForm = fc.oneof(singleForm, rangeForm);

/** A valid form with a few random edits (insertions, deletions, replacements). */
const mutatedForm = fc
  .tuple(
    anyForm,
    fc.array(fc.tuple(fc.nat(), fc.constantFrom('insert', 'delete', 'replace'), fc.string({ unit: 'binary', minLength: 1, maxLength: 2 })), {
      minLength: 1,
      maxLength: 4,
    }),
  )
  .map(([form, edits]) =>
    edits.reduce((text, [at, kind, chars]) => {
      const i = text.length === 0 ? 0 : at % text.length;
      if (kind === 'insert') return text.slice(0, i) + chars + text.slice(i);
      if (kind === 'delete') return text.slice(0, i) + text.slice(i + 1);
      return text.slice(0, i) + chars + text.slice(i + 1);
    }, form.text),
  );

function expectValid(date: FuzzyDate): void {
  expect(date.start.getTime()).toBeLessThan(date.end.getTime());
  expect(PRECISIONS).toContain(date.precision);
  expect(date.start.getUTCHours() + date.start.getUTCMinutes()).toBe(0);
  expect(date.end.getUTCHours() + date.end.getUTCMinutes()).toBe(0);
}

function expectParsedOrRefused(input: string): void {
  let date: FuzzyDate;
  try {
    date = parseFuzzyDate(input);
  } catch (error) {
    expect(error).toBeInstanceOf(FuzzyDateError);
    expect((error as FuzzyDateError).message).toMatch(/Use one of: |Enter a date, for example /);
    return;
  }
  expectValid(date);
}

describe('fuzzy dates (properties)', () => {
  it('when any form from the grammar is parsed, then it is the expected window and start < end', () => {
    fc.assert(
      fc.property(anyForm, (form) => {
        const date = parseFuzzyDate(form.text);
        expect(date.start.getTime()).toBe(form.start);
        expect(date.end.getTime()).toBe(form.end);
        expect(date.precision).toBe(form.precision);
        expectValid(date);
      }),
      RUNS,
    );
  });

  it('when any valid date is formatted and the label parsed again, then start, end and precision are unchanged', () => {
    fc.assert(
      fc.property(anyForm, (form) => {
        const date = parseFuzzyDate(form.text);
        const label = formatFuzzyDate(date);
        const again = parseFuzzyDate(label);
        expect(again.start.getTime()).toBe(date.start.getTime());
        expect(again.end.getTime()).toBe(date.end.getTime());
        expect(again.precision).toBe(date.precision);
      }),
      RUNS,
    );
  });

  it('when any valid date is exported, then toEdtf returns a non-empty string without throwing', () => {
    fc.assert(
      fc.property(anyForm, (form) => {
        const edtf = toEdtf(parseFuzzyDate(form.text));
        expect(edtf).toMatch(/^\d{4}(-\d{2}){0,2}(\/\d{4}(-\d{2}){0,2})?$/);
      }),
      RUNS,
    );
  });

  it('when any window is formatted, whatever its stated precision, then the label parses back to that window', () => {
    const midnight = fc.integer({ min: Date.UTC(1950, 0, 1) / 86_400_000, max: Date.UTC(2150, 0, 1) / 86_400_000 });
    fc.assert(
      fc.property(midnight, fc.integer({ min: 1, max: 800 }), fc.constantFrom<string>(...PRECISIONS, 'bogus'), (day, length, precision) => {
        const start = new Date(day * 86_400_000);
        const end = new Date((day + length) * 86_400_000);
        const again = parseFuzzyDate(formatFuzzyDate({ start, end, precision }));
        expect(again.start.getTime()).toBe(start.getTime());
        expect(again.end.getTime()).toBe(end.getTime());
        expect(() => toEdtf({ start, end, precision })).not.toThrow();
      }),
      RUNS,
    );
  });

  it('when arbitrary text is parsed, then it is a valid date or a FuzzyDateError, nothing else', () => {
    const text = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.string({ unit: 'grapheme', maxLength: 120 }),
      fc.string({ unit: fc.constantFrom(...'0123456789-/QHqh earlymidatefinmaijuly–,'.split('')), maxLength: 30 }),
    );
    fc.assert(fc.property(text, expectParsedOrRefused), { ...RUNS, numRuns: 2000 });
  });

  it('when a valid form is mutated, then it is a valid date or a FuzzyDateError, nothing else', () => {
    fc.assert(fc.property(mutatedForm, expectParsedOrRefused), { ...RUNS, numRuns: 2000 });
  });
});
