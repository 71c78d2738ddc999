import { describe, expect, it } from 'vitest';
import {
  ACCEPTED_FORMS,
  FuzzyDateError,
  PRECISIONS,
  compareFuzzyDates,
  formatFuzzyDate,
  parseFuzzyDate,
  precisionLabel,
  toEdtf,
  tryParseFuzzyDate,
  type Precision,
} from './index.ts';

const iso = (day: string): string => `${day}T00:00:00.000Z`;
const d = (day: string): Date => new Date(iso(day));

function caughtError(input: string): FuzzyDateError {
  try {
    parseFuzzyDate(input);
  } catch (error) {
    expect(error).toBeInstanceOf(FuzzyDateError);
    return error as FuzzyDateError;
  }
  throw new Error(`expected "${input}" to be refused`);
}

describe('parseFuzzyDate', () => {
  const accepted: [input: string, start: string, end: string, precision: Precision][] = [
    // English and ISO
    ['2023-07-18', '2023-07-18', '2023-07-19', 'day'],
    ['2024-02-29', '2024-02-29', '2024-03-01', 'day'],
    ['2023-12-31', '2023-12-31', '2024-01-01', 'day'],
    ['2023-07', '2023-07-01', '2023-08-01', 'month'],
    ['2023-12', '2023-12-01', '2024-01-01', 'month'],
    ['2024', '2024-01-01', '2025-01-01', 'year'],
    ['1900', '1900-01-01', '1901-01-01', 'year'],
    ['2199', '2199-01-01', '2200-01-01', 'year'],
    ['Q2 2024', '2024-04-01', '2024-07-01', 'quarter'],
    ['2024-Q2', '2024-04-01', '2024-07-01', 'quarter'],
    ['Q4 2024', '2024-10-01', '2025-01-01', 'quarter'],
    ['H1 2024', '2024-01-01', '2024-07-01', 'half'],
    ['2024-H1', '2024-01-01', '2024-07-01', 'half'],
    ['H2 2024', '2024-07-01', '2025-01-01', 'half'],
    ['early 2024', '2024-01-01', '2024-05-01', 'year-part'],
    ['mid 2024', '2024-05-01', '2024-09-01', 'year-part'],
    ['mid-2024', '2024-05-01', '2024-09-01', 'year-part'],
    ['late 2024', '2024-09-01', '2025-01-01', 'year-part'],
    ['early May 2024', '2024-05-01', '2024-05-11', 'month-part'],
    ['mid May 2024', '2024-05-11', '2024-05-21', 'month-part'],
    ['mid-May 2024', '2024-05-11', '2024-05-21', 'month-part'],
    ['late May 2024', '2024-05-21', '2024-06-01', 'month-part'],
    ['late Feb 2024', '2024-02-21', '2024-03-01', 'month-part'],
    ['late February 2023', '2023-02-21', '2023-03-01', 'month-part'],
    ['May 2024', '2024-05-01', '2024-06-01', 'month'],
    ['Sep 2024', '2024-09-01', '2024-10-01', 'month'],
    ['Sept. 2024', '2024-09-01', '2024-10-01', 'month'],
    ['18 July 2023', '2023-07-18', '2023-07-19', 'day'],
    ['18 Jul 2023', '2023-07-18', '2023-07-19', 'day'],
    ['July 18, 2023', '2023-07-18', '2023-07-19', 'day'],
    ['July 18 2023', '2023-07-18', '2023-07-19', 'day'],
    ['during 2024', '2024-01-01', '2025-01-01', 'year'],
    ['in May 2024', '2024-05-01', '2024-06-01', 'month'],
    // Ranges
    ['2024-01/2024-04', '2024-01-01', '2024-05-01', 'range'],
    ['2023-12-06/2024-04-18', '2023-12-06', '2024-04-19', 'range'],
    ['early 2024/mid 2024', '2024-01-01', '2024-09-01', 'range'],
    ['2024/2024', '2024-01-01', '2025-01-01', 'range'],
    ['2024/2024-05', '2024-01-01', '2024-06-01', 'range'],
    ['January 2024 – April 2024', '2024-01-01', '2024-05-01', 'range'],
    ['2023 - 2024', '2023-01-01', '2025-01-01', 'range'],
    ['Q1 2024 to Q3 2024', '2024-01-01', '2024-10-01', 'range'],
    ['6 December 2023 – 18 April 2024', '2023-12-06', '2024-04-19', 'range'],
    ['2024-01 / 2024-04', '2024-01-01', '2024-05-01', 'range'],
    // French
    ['début 2024', '2024-01-01', '2024-05-01', 'year-part'],
    ['debut 2024', '2024-01-01', '2024-05-01', 'year-part'],
    ['mi-2024', '2024-05-01', '2024-09-01', 'year-part'],
    ['mi 2024', '2024-05-01', '2024-09-01', 'year-part'],
    ['fin 2024', '2024-09-01', '2025-01-01', 'year-part'],
    ['courant 2024', '2024-01-01', '2025-01-01', 'year'],
    ['dans le courant de 2024', '2024-01-01', '2025-01-01', 'year'],
    ["dans le courant de l’année 2024", '2024-01-01', '2025-01-01', 'year'],
    ['mai 2024', '2024-05-01', '2024-06-01', 'month'],
    ['en mai 2024', '2024-05-01', '2024-06-01', 'month'],
    ['juillet 2023', '2023-07-01', '2023-08-01', 'month'],
    ['février 2024', '2024-02-01', '2024-03-01', 'month'],
    ['fevrier 2024', '2024-02-01', '2024-03-01', 'month'],
    ['août 2023', '2023-08-01', '2023-09-01', 'month'],
    ['aout 2023', '2023-08-01', '2023-09-01', 'month'],
    ['décembre 2023', '2023-12-01', '2024-01-01', 'month'],
    ['decembre 2023', '2023-12-01', '2024-01-01', 'month'],
    ['début mai 2024', '2024-05-01', '2024-05-11', 'month-part'],
    ['mi-mai 2024', '2024-05-11', '2024-05-21', 'month-part'],
    ['fin mai 2024', '2024-05-21', '2024-06-01', 'month-part'],
    ['18 juillet 2023', '2023-07-18', '2023-07-19', 'day'],
    ['1er mai 2024', '2024-05-01', '2024-05-02', 'day'],
    ['T2 2024', '2024-04-01', '2024-07-01', 'quarter'],
    ['S2 2024', '2024-07-01', '2025-01-01', 'half'],
  ];

  it.each(accepted)('when given "%s", then it is the window [%s, %s) at %s precision', (input, start, end, precision) => {
    const date = parseFuzzyDate(input);
    expect(date.start.toISOString()).toBe(iso(start));
    expect(date.end.toISOString()).toBe(iso(end));
    expect(date.precision).toBe(precision);
    expect(date.text).toBe(input);
  });

  it.each(ACCEPTED_FORMS)('when given the advertised form "%s", then it is accepted', (form) => {
    expect(tryParseFuzzyDate(form).ok).toBe(true);
  });

  it('when the input has odd case and extra whitespace, then it is still understood and the text is kept trimmed', () => {
    const date = parseFuzzyDate('  EARLY \t may   2024 ');
    expect(date.start.toISOString()).toBe(iso('2024-05-01'));
    expect(date.end.toISOString()).toBe(iso('2024-05-11'));
    expect(date.precision).toBe('month-part');
    expect(date.text).toBe('EARLY \t may   2024');
  });

  it('when the input uses non-breaking spaces (French typography), then it is understood', () => {
    expect(parseFuzzyDate('fin\u00a02024').precision).toBe('year-part');
    expect(parseFuzzyDate('18\u202fjuillet\u202f2023').start.toISOString()).toBe(iso('2023-07-18'));
  });

  const refused: [input: string, reason: RegExp][] = [
    ['2024-02-30', /February 2024 has only 29 days/],
    ['2023-02-29', /February 2023 has only 28 days/],
    ['2024-04-31', /April 2024 has only 30 days/],
    ['2024-05-00', /no day 00/],
    ['Q5 2024', /no quarter 5/],
    ['Q0 2024', /no quarter 0/],
    ['H3 2024', /no half 3/],
    ['2024-13', /no month 13/],
    ['2024-00', /no month 00/],
    ['1899', /between 1900 and 2199/],
    ['2200', /between 1900 and 2199/],
    ['late 2024/early 2024', /the end \(early 2024\) comes before the start \(late 2024\)/],
    ['2025/2024', /comes before the start/],
    ['2024-05/2024-03', /comes before the start/],
    ['2024/foo', /"foo" is not a form we understand/],
    ['2024/2025/2026', /not a form we understand/],
    ['hello', /is not a date we understand/],
    ['next year', /is not a date we understand/],
    ['24', /is not a date we understand/],
    ['2024-7-18', /is not a date we understand/],
    ['mid', /is not a date we understand/],
    ['Mayday 2024', /is not a date we understand/],
    ['2024 '.repeat(21), /longer than 100 characters/],
  ];

  it.each(refused)('when given "%s", then it is refused saying what is wrong and which forms work', (input, reason) => {
    const error = caughtError(input);
    expect(error.code).toBe('invalid_fuzzy_date');
    expect(error.input).toBe(input);
    expect(error.message).toMatch(reason);
    expect(error.message).toContain(`Use one of: ${ACCEPTED_FORMS.join(', ')}.`);
  });

  it.each(['', '   ', '\n\t'])('when given the blank input %j, then it asks for a date with examples', (input) => {
    const error = caughtError(input);
    expect(error.message).toBe(`Enter a date, for example ${ACCEPTED_FORMS.join(', ')}.`);
  });

  it('when the input is long, then the message quotes only its first 40 characters', () => {
    const error = caughtError(`${'z'.repeat(60)}`);
    expect(error.message.startsWith(`"${'z'.repeat(39)}…" is not a date we understand.`)).toBe(true);
  });

  it('when the caller passes something that is not a string, then it is still a FuzzyDateError', () => {
    for (const value of [undefined, null, 42, {}, Object.create(null), Symbol('x')]) {
      expect(() => parseFuzzyDate(value as unknown as string)).toThrow(FuzzyDateError);
    }
  });
});

describe('tryParseFuzzyDate', () => {
  it('when the input is valid, then it returns ok with the value', () => {
    const result = tryParseFuzzyDate('Q2 2024');
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.precision).toBe('quarter');
  });

  it('when the input is invalid, then it returns the error message instead of throwing', () => {
    const result = tryParseFuzzyDate('Q5 2024');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/^"Q5 2024" is not a valid date: there is no quarter 5/);
  });
});

describe('formatFuzzyDate', () => {
  const labels: [input: string, label: string][] = [
    ['2023-07-18', '18 July 2023'],
    ['1er mai 2024', '1 May 2024'],
    ['2023-07', 'July 2023'],
    ['mai 2024', 'May 2024'],
    ['early May 2024', 'early May 2024'],
    ['mi-mai 2024', 'mid May 2024'],
    ['late Feb 2024', 'late February 2024'],
    ['début 2024', 'early 2024'],
    ['mid-2024', 'mid 2024'],
    ['fin 2024', 'late 2024'],
    ['2024-Q2', 'Q2 2024'],
    ['2024-H1', 'H1 2024'],
    ['2024', '2024'],
    ['courant 2024', '2024'],
    ['2024-01/2024-04', 'January 2024 – April 2024'],
    ['2023-12-06/2024-04-18', '6 December 2023 – 18 April 2024'],
    ['2023/2024', '2023 – 2024'],
    ['early 2024/mid 2024', 'January 2024 – August 2024'],
    ['2024-01/2024-12', '2024 – 2024'],
    ['2023-12-06/2024-04', '6 December 2023 – 30 April 2024'],
  ];

  it.each(labels)('when "%s" is displayed, then it reads "%s" and parses back to the same date', (input, label) => {
    const date = parseFuzzyDate(input);
    expect(formatFuzzyDate(date)).toBe(label);
    const again = parseFuzzyDate(label);
    expect([again.start, again.end, again.precision]).toEqual([date.start, date.end, date.precision]);
  });

  it('when a year is displayed, then it never shows 1 January', () => {
    expect(formatFuzzyDate({ start: d('2024-01-01'), end: d('2025-01-01'), precision: 'year' })).toBe('2024');
  });

  it('when the stored precision does not match the window, then the window is shown as a range', () => {
    expect(formatFuzzyDate({ start: d('2024-02-01'), end: d('2024-05-01'), precision: 'quarter' })).toBe(
      'February 2024 – April 2024',
    );
    expect(formatFuzzyDate({ start: d('2024-01-01'), end: d('2024-03-01'), precision: 'something-else' })).toBe(
      'January 2024 – February 2024',
    );
  });

  it('when the window is empty or the dates are invalid, then it still returns a label', () => {
    expect(formatFuzzyDate({ start: d('2024-03-05'), end: d('2024-03-05'), precision: 'range' })).toBe('5 March 2024');
    expect(formatFuzzyDate({ start: new Date(NaN), end: d('2024-03-05'), precision: 'day' })).toBe('unknown date');
  });
});

describe('toEdtf', () => {
  const codes: [input: string, edtf: string][] = [
    ['2023-07-18', '2023-07-18'],
    ['2023-07', '2023-07'],
    ['2024', '2024'],
    ['Q1 2024', '2024-33'],
    ['Q2 2024', '2024-34'],
    ['Q4 2024', '2024-36'],
    ['H1 2024', '2024-40'],
    ['H2 2024', '2024-41'],
    ['early 2024', '2024-01/2024-04'],
    ['mid 2024', '2024-05/2024-08'],
    ['late 2024', '2024-09/2024-12'],
    ['early May 2024', '2024-05-01/2024-05-10'],
    ['late Feb 2024', '2024-02-21/2024-02-29'],
    ['2024-01/2024-04', '2024-01/2024-04'],
    ['2023-12-06/2024-04-18', '2023-12-06/2024-04-18'],
    ['2023/2024', '2023/2024'],
  ];

  it.each(codes)('when "%s" is exported, then its EDTF is "%s"', (input, edtf) => {
    expect(toEdtf(parseFuzzyDate(input))).toBe(edtf);
  });

  it('when the dates are invalid, then it returns the EDTF unspecified year instead of throwing', () => {
    expect(toEdtf({ start: new Date(NaN), end: new Date(NaN), precision: 'year' })).toBe('XXXX');
  });
});

describe('compareFuzzyDates', () => {
  const item = (input: string, title?: string) => ({ ...parseFuzzyDate(input), title });

  it('when two dates start at different times, then the earlier start comes first', () => {
    expect(compareFuzzyDates(item('2023-12-31'), item('2024'))).toBeLessThan(0);
    expect(compareFuzzyDates(item('2024-02'), item('2024'))).toBeGreaterThan(0);
  });

  it('when two dates start together, then the finer one (earlier end) comes first', () => {
    expect(compareFuzzyDates(item('2024-01-01'), item('2024'))).toBeLessThan(0);
    expect(compareFuzzyDates(item('2024'), item('Q1 2024'))).toBeGreaterThan(0);
  });

  it('when two dates have the same window, then they are ordered by title', () => {
    expect(compareFuzzyDates(item('2024', 'Apple'), item('courant 2024', 'Banana'))).toBeLessThan(0);
    expect(compareFuzzyDates(item('2024', 'Same'), item('2024', 'Same'))).toBe(0);
    expect(compareFuzzyDates(item('2024'), item('2024', 'A'))).toBeLessThan(0);
  });

  it('when a list is sorted, then a year sits after the days and months that begin it, not on 1 January', () => {
    const titles = [
      item('2024', 'year'),
      item('H1 2024', 'half'),
      item('Q1 2024', 'quarter'),
      item('early 2024', 'early'),
      item('2024-01', 'month'),
      item('early January 2024', 'month-part'),
      item('2024-01-01', 'day'),
      item('2023-12', 'previous month'),
      item('2024-02-10', 'later day'),
    ]
      .sort(compareFuzzyDates)
      .map((x) => x.title);
    expect(titles).toEqual([
      'previous month',
      'day',
      'month-part',
      'month',
      'quarter',
      'early',
      'half',
      'year',
      'later day',
    ]);
  });
});

describe('precisionLabel', () => {
  it('when given each precision, then it returns human words', () => {
    expect(PRECISIONS.map(precisionLabel)).toEqual([
      'day',
      'part of a month',
      'month',
      'part of a year',
      'quarter',
      'half-year',
      'year',
      'date range',
    ]);
  });

  it('when given an unknown precision, then it returns it readably instead of throwing', () => {
    expect(precisionLabel('fortnight-ish')).toBe('fortnight ish');
  });
});
