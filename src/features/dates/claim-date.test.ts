import { describe, expect, it } from 'vitest';
import { ACCEPTED_CLAIM_FORMS, ClaimDateError, likelihoodText, offsetWindow, parseClaimDate, tryParseClaimDate, type ClaimShape } from './claim-date.ts';
import { parseFuzzyDate } from './fuzzy-date.ts';

const SAID = new Date('2023-09-11T00:00:00Z');
const day = (iso: string | null): string | null => (iso === null ? null : `${iso}T00:00:00.000Z`);
const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

function refused(input: string, relativeTo: Date | null = SAID): ClaimDateError {
  try {
    parseClaimDate(input, { relativeTo });
  } catch (error) {
    expect(error).toBeInstanceOf(ClaimDateError);
    return error as ClaimDateError;
  }
  throw new Error(`expected "${input}" to be refused`);
}

describe('parseClaimDate: shapes', () => {
  // text, shape, start, end (null: open), label (said on 11 September 2023)
  const cases: [string, ClaimShape, string | null, string | null, string][] = [
    // windows
    ['May 2024', 'window', '2024-05-01', '2024-06-01', 'May 2024'],
    ['in May 2024', 'window', '2024-05-01', '2024-06-01', 'May 2024'],
    ['late 2026 or early 2027', 'window', '2026-09-01', '2027-05-01', 'September 2026 – April 2027'],
    ['2026, maybe 2027', 'window', '2026-01-01', '2028-01-01', '2026 – 2027'],
    ['2026 or 2027', 'window', '2026-01-01', '2028-01-01', '2026 – 2027'],
    ['2026-27', 'window', '2026-01-01', '2028-01-01', '2026 – 2027'],
    ['between 2025 and 2027', 'window', '2025-01-01', '2028-01-01', '2025 – 2027'],
    ['the end of 2025', 'window', '2025-09-01', '2026-01-01', 'late 2025'],
    ['the first half of 2025', 'window', '2025-01-01', '2025-07-01', 'H1 2025'],
    ['the third quarter of 2025', 'window', '2025-07-01', '2025-10-01', 'Q3 2025'],
    ['the late 2020s', 'window', '2027-01-01', '2030-01-01', '2027 – 2029'],
    ['the 2030s', 'window', '2030-01-01', '2040-01-01', '2030 – 2039'],
    ['sometime in 2025', 'window', '2025-01-01', '2026-01-01', '2025'],
    ['next year', 'window', '2024-01-01', '2025-01-01', '2024'],
    ['early next year', 'window', '2024-01-01', '2024-05-01', 'early 2024'],
    ['this year', 'window', '2023-01-01', '2024-01-01', '2023'],
    ['next quarter', 'window', '2023-10-01', '2024-01-01', 'Q4 2023'],
    // an earliest date and a deadline together, a range said as two guesses, an aside
    ['as early as next year or by 2026', 'window', '2024-01-01', '2027-01-01', '2024 – 2026'],
    ['dès 2025 et au plus tard en 2027', 'window', '2025-01-01', '2028-01-01', '2025 – 2027'],
    ['maybe five, maybe ten years', 'interval', '2028-09-11', '2033-09-11', '5–10 years after 11 September 2023'],
    ['peut-être deux, peut-être trois ans', 'interval', '2025-09-11', '2026-09-11', '2–3 years after 11 September 2023'],
    ['d’ici, disons, les trois à huit prochaines années', 'deadline', '2023-09-11', '2031-09-11', 'before 11 September 2031'],
    ['within, say, two years', 'deadline', '2023-09-11', '2025-09-11', 'before 11 September 2025'],
    ['next month', 'window', '2023-10-01', '2023-11-01', 'October 2023'],
    ['this decade', 'window', '2020-01-01', '2030-01-01', '2020 – 2029'],
    // French windows, the seed article's words among them
    ["l'année prochaine", 'window', '2024-01-01', '2025-01-01', '2024'],
    ["l'an prochain", 'window', '2024-01-01', '2025-01-01', '2024'],
    ['cette année', 'window', '2023-01-01', '2024-01-01', '2023'],
    ['à partir de début 2024', 'window', '2024-01-01', '2024-05-01', 'early 2024'],
    ['dans le courant de l’année prochaine', 'window', '2024-01-01', '2025-01-01', '2024'],
    ['qu’on attend en mai 2024', 'window', '2024-05-01', '2024-06-01', 'May 2024'],
    ['début de l’année prochaine', 'window', '2024-01-01', '2024-05-01', 'early 2024'],
    ['au premier semestre 2025', 'window', '2025-01-01', '2025-07-01', 'H1 2025'],
    ['au troisième trimestre 2025', 'window', '2025-07-01', '2025-10-01', 'Q3 2025'],
    ['fin des années 2020', 'window', '2027-01-01', '2030-01-01', '2027 – 2029'],
    ['le trimestre prochain', 'window', '2023-10-01', '2024-01-01', 'Q4 2023'],
    // deadlines: from the day said to the end
    ['by 2027', 'deadline', '2023-09-11', '2028-01-01', 'by the end of 2027'],
    ['by the end of 2025', 'deadline', '2023-09-11', '2026-01-01', 'by the end of 2025'],
    ['before 2030', 'deadline', '2023-09-11', '2030-01-01', 'by the end of 2029'],
    ['by 2026 or 2027', 'deadline', '2023-09-11', '2028-01-01', 'by the end of 2027'],
    ['2026 at the latest', 'deadline', '2023-09-11', '2027-01-01', 'by the end of 2026'],
    ['within two years', 'deadline', '2023-09-11', '2025-09-11', 'before 11 September 2025'],
    ['within the next 18 months', 'deadline', '2023-09-11', '2025-03-11', 'before 11 March 2025'],
    ['in the next 2 or 3 years', 'deadline', '2023-09-11', '2026-09-11', 'before 11 September 2026'],
    ['by the end of the year', 'deadline', '2023-09-11', '2024-01-01', 'by the end of 2023'],
    ['by the end of next year', 'deadline', '2023-09-11', '2025-01-01', 'by the end of 2024'],
    ['by the end of the decade', 'deadline', '2023-09-11', '2030-01-01', 'by the end of 2029'],
    ["d'ici deux ans", 'deadline', '2023-09-11', '2025-09-11', 'before 11 September 2025'],
    ['dans les six mois', 'deadline', '2023-09-11', '2024-03-11', 'before 11 March 2024'],
    ['dans les deux prochaines années', 'deadline', '2023-09-11', '2025-09-11', 'before 11 September 2025'],
    ["d'ici 2030", 'deadline', '2023-09-11', '2031-01-01', 'by the end of 2030'],
    ["d'ici la fin de l'année", 'deadline', '2023-09-11', '2024-01-01', 'by the end of 2023'],
    ['avant 2030', 'deadline', '2023-09-11', '2030-01-01', 'by the end of 2029'],
    ['au plus tard en 2026', 'deadline', '2023-09-11', '2027-01-01', 'by the end of 2026'],
    // earliest dates: open end
    ['as early as 2026', 'earliest', '2026-01-01', null, '2026 or later'],
    ['not before 2026', 'earliest', '2026-01-01', null, '2026 or later'],
    ['2030 or later', 'earliest', '2030-01-01', null, '2030 or later'],
    ['from 2026 onwards', 'earliest', '2026-01-01', null, '2026 or later'],
    ['after 2026', 'earliest', '2027-01-01', null, '2027 or later'],
    ['pas avant 2026', 'earliest', '2026-01-01', null, '2026 or later'],
    ['dès 2025', 'earliest', '2025-01-01', null, '2025 or later'],
    ['au plus tôt en 2027', 'earliest', '2027-01-01', null, '2027 or later'],
    // intervals after the day said
    ['6 to 12 months', 'interval', '2024-03-11', '2024-09-11', '6–12 months after 11 September 2023'],
    ['1-2 years', 'interval', '2024-09-11', '2025-09-11', '1–2 years after 11 September 2023'],
    ['one to five years', 'interval', '2024-09-11', '2028-09-11', '1–5 years after 11 September 2023'],
    ['in 18 months', 'interval', '2025-03-01', '2025-04-01', 'March 2025 (18 months after 11 September 2023)'],
    ['in two years', 'interval', '2025-01-01', '2026-01-01', '2025 (2 years after 11 September 2023)'],
    ['in a year and a half', 'interval', '2025-03-01', '2025-04-01', 'March 2025 (18 months after 11 September 2023)'],
    ['18 months from now', 'interval', '2025-03-01', '2025-04-01', 'March 2025 (18 months after 11 September 2023)'],
    ['in 10 days', 'interval', '2023-09-21', '2023-09-22', '21 September 2023 (10 days after 11 September 2023)'],
    ['dans 2 à 3 ans', 'interval', '2025-09-11', '2026-09-11', '2–3 years after 11 September 2023'],
    ['dans six mois', 'interval', '2024-03-01', '2024-04-01', 'March 2024 (6 months after 11 September 2023)'],
    ['dans un an et demi', 'interval', '2025-03-01', '2025-04-01', 'March 2025 (18 months after 11 September 2023)'],
    // offsets after another event or claim: open until the anchor is known
    ['5-10 years after powerful AI', 'offset', null, null, '5–10 years after powerful AI'],
    ["after Google's Gemini", 'offset', null, null, "after Google's Gemini"],
    ['within a year of AGI', 'offset', null, null, 'within 1 year after AGI'],
    ["après l'annonce de Gemini", 'offset', null, null, "after l'annonce de Gemini"],
    ['deux ans après la sortie de GPT-5', 'offset', null, null, '2 years after la sortie de GPT-5'],
    ['2 years after 2025', 'interval', '2027-01-01', '2028-01-01', '2027'],
  ];

  it.each(cases)('when "%s" is read, then it is a %s from %s to %s reading "%s"', (text, shape, start, end, label) => {
    const r = parseClaimDate(text, { relativeTo: SAID });
    expect(r.shape).toBe(shape);
    expect(iso(r.start)).toBe(day(start));
    expect(iso(r.end)).toBe(day(end));
    expect(r.label).toBe(label);
    expect(r.text).toBe(text);
  });

  it('when the date is absolute, then it reads the same with or without a day said, and gives the fuzzy-date window', () => {
    for (const text of ['May 2024', 'début 2024', 'courant 2024', 'Q2 2024', '2024-01/2024-04', '18 juillet 2023']) {
      const withSaid = parseClaimDate(text, { relativeTo: SAID });
      const without = parseClaimDate(text);
      const fuzzy = parseFuzzyDate(text);
      expect([without.start, without.end, without.precision]).toEqual([fuzzy.start, fuzzy.end, fuzzy.precision]);
      expect([withSaid.start, withSaid.end]).toEqual([without.start, without.end]);
      expect(without.relativeTo).toBeNull();
    }
  });

  it('when a relative word is read, then the reading records the day said it used', () => {
    expect(iso(parseClaimDate('next year', { relativeTo: SAID }).relativeTo)).toBe(day('2023-09-11'));
    expect(parseClaimDate('2025', { relativeTo: SAID }).relativeTo).toBeNull();
  });

  it('when an absolute deadline has no day said, then its start is open', () => {
    const r = parseClaimDate('by 2027');
    expect([r.shape, r.start, iso(r.end)]).toEqual(['deadline', null, day('2028-01-01')]);
  });

  it('when the anchor of an offset is known, then the window counts from its start', () => {
    const r = parseClaimDate('5-10 years after powerful AI', { anchorStart: new Date('2030-03-15T00:00:00Z') });
    expect([iso(r.start), iso(r.end)]).toEqual([day('2035-03-15'), day('2040-03-15')]);
    expect(r.offset?.anchor).toBe('powerful AI');
    expect(offsetWindow(r.offset!, new Date('2031-01-31T00:00:00Z'))).toEqual({
      start: new Date('2036-01-31T00:00:00Z'),
      end: new Date('2041-01-31T00:00:00Z'),
    });
    const open = parseClaimDate("after Google's Gemini", { anchorStart: new Date('2023-12-06T00:00:00Z') });
    expect([iso(open.start), open.end]).toEqual([day('2023-12-06'), null]);
  });

  it('when a month has fewer days than the day said, then the duration ends on its last day', () => {
    const r = parseClaimDate('within one month', { relativeTo: new Date('2024-01-31T00:00:00Z') });
    expect(iso(r.end)).toBe(day('2024-02-29'));
  });
});

describe('parseClaimDate: hedges and likelihoods', () => {
  it('when a likelihood is given in parentheses, then it is kept as 0..1 and as written, with the window', () => {
    const r = parseClaimDate('2026 (70-80% chance)');
    expect([iso(r.start), iso(r.end), r.shape]).toEqual([day('2026-01-01'), day('2027-01-01'), 'window']);
    expect(r.likelihood).toEqual({ low: 0.7, high: 0.8, text: '70-80% chance' });
    expect(r.hedge).toBe('70-80% chance');
    expect(likelihoodText(r.likelihood)).toBe('70–80%');
  });

  it.each([
    ['50% by 2028', 0.5, 0.5, 'deadline'],
    ['a 90% chance by 2030', 0.9, 0.9, 'deadline'],
    ['roughly 2029, with 50% probability', 0.5, 0.5, 'window'],
    ['2025 (~50%)', 0.5, 0.5, 'window'],
    ['by 2027 (p=0.25)', 0.25, 0.25, 'deadline'],
    ['50 to 70 percent by 2030', 0.5, 0.7, 'deadline'],
    ["90 % de chances d'ici 2030", 0.9, 0.9, 'deadline'],
  ] as const)('when "%s" is read, then the likelihood is %s–%s on a %s', (text, low, high, shape) => {
    const r = parseClaimDate(text, { relativeTo: SAID });
    expect(r.likelihood?.low).toBeCloseTo(low);
    expect(r.likelihood?.high).toBeCloseTo(high);
    expect(r.shape).toBe(shape);
  });

  it('when a hedge word is given, then it is kept as text and the window is unchanged', () => {
    expect(parseClaimDate('around 2030').hedge).toBe('around');
    expect(parseClaimDate('probably late 2026').label).toBe('late 2026');
    expect(parseClaimDate('vers 2030').hedge).toBe('vers');
    expect(parseClaimDate('2027 or so').hedge).toBe('or so');
    expect(parseClaimDate('2026, maybe 2027').hedge).toBe('maybe 2027');
  });

  it('when a likelihood is over 100% or backwards, then it is refused', () => {
    expect(refused('2026 (120% chance)').message).toMatch(/between 0% and 100%/);
    expect(refused('2026 (80-70% chance)').message).toMatch(/low before high/);
  });
});

describe('parseClaimDate: refusals', () => {
  it.each(['next year', 'within two years', 'dans les six mois', "l'année prochaine", '6 to 12 months', 'in 18 months', 'by the end of the year'])(
    'when "%s" comes without the day it was said, then it is refused asking for that date',
    (text) => {
      const error = refused(text, null);
      expect(error.needsSaidDate).toBe(true);
      expect(error.message).toMatch(/give the date the claim was made/);
    },
  );

  it.each([
    ['hello', /not an expected date we understand/],
    ['Q5 2024', /no quarter 5/],
    ['late 2024 or early 2024', /comes before the start/],
    ['by 2020', /not after the day the claim was made/],
    ['in 0 years', /more than zero/],
    ['in 300 years', /under a hundred years/],
    ['2024 '.repeat(50), /longer than 200 characters/],
  ])('when given "%s", then it is refused saying why and listing the accepted forms', (text, reason) => {
    const error = refused(text);
    expect(error.code).toBe('invalid_claim_date');
    expect(error.needsSaidDate).toBe(false);
    expect(error.message).toMatch(reason);
    expect(error.message).toContain(ACCEPTED_CLAIM_FORMS.join(', '));
  });

  it('when given blank text, then it asks for the expected date', () => {
    expect(refused('  ').message).toMatch(/^Enter the expected date as it was said/);
  });

  it('when given something that is not a string, then it is still a ClaimDateError', () => {
    for (const value of [undefined, null, 42, {}]) expect(() => parseClaimDate(value as unknown as string)).toThrow(ClaimDateError);
  });

  it.each(ACCEPTED_CLAIM_FORMS)('when given the advertised form "%s", then it is accepted with a day said', (form) => {
    expect(tryParseClaimDate(form, { relativeTo: SAID }).ok).toBe(true);
  });
});
