import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ClaimDateError, parseClaimDate, type ClaimDate } from './claim-date.ts';

const RUNS = { numRuns: 400, seed: 20230911 };

const said = fc.integer({ min: Date.UTC(1990, 0, 1) / 86_400_000, max: Date.UTC(2100, 0, 1) / 86_400_000 }).map((d) => new Date(d * 86_400_000));
const year = fc.integer({ min: 1950, max: 2150 });
const EN_NUMBERS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const FR_NUMBERS = ['un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix'];
const amount = fc.integer({ min: 1, max: 10 });
const unitEn = fc.constantFrom('days', 'weeks', 'months', 'quarters', 'years');
const unitFr = fc.constantFrom('jours', 'semaines', 'mois', 'trimestres', 'ans');

/** Texts from every part of the grammar; relative ones are read against a random day said. */
const phrase = fc.oneof(
  fc.tuple(year, fc.constantFrom('by', 'before', 'as early as', 'not before', "d'ici", 'avant', 'pas avant', 'after', 'in', 'late', 'début')).map(([y, w]) => `${w} ${y}`),
  fc.tuple(year, fc.integer({ min: 0, max: 3 })).map(([y, k]) => `${y} or ${y + k}`),
  fc.tuple(year, fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 })).map(([y, a, b]) => `${y} (${Math.min(a, b)}-${Math.max(a, b)}% chance)`),
  fc.tuple(amount, unitEn, fc.constantFrom('within', 'in', 'in the next', '')).map(([n, u, w]) => `${w} ${EN_NUMBERS[n - 1]} ${u}`.trim()),
  fc.tuple(amount, amount, unitEn).map(([a, b]) => `${Math.min(a, b)} to ${Math.max(a, b)} ${'years'}`),
  fc.tuple(amount, unitFr, fc.constantFrom("d'ici", 'dans', 'dans les')).map(([n, u, w]) => `${w} ${FR_NUMBERS[n - 1]} ${u}`),
  fc.tuple(amount, amount).map(([a, b]) => `${Math.min(a, b)}-${Math.max(a, b)} years after powerful AI`),
  fc.constantFrom('next year', 'this year', 'next quarter', 'next month', "l'année prochaine", 'cette année', 'by the end of the year', 'the next decade', "dans le courant de l'année prochaine"),
);

function expectWellFormed(r: ClaimDate): void {
  if (r.start && r.end) expect(r.start.getTime()).toBeLessThan(r.end.getTime());
  if (r.shape === 'window' || r.shape === 'interval') expect(r.start && r.end).toBeTruthy();
  if (r.shape === 'earliest') expect(r.end).toBeNull();
  if (r.likelihood) {
    expect(r.likelihood.low).toBeGreaterThanOrEqual(0);
    expect(r.likelihood.high).toBeLessThanOrEqual(1);
    expect(r.likelihood.low).toBeLessThanOrEqual(r.likelihood.high);
  }
  expect(r.label.length).toBeGreaterThan(0);
}

function readOrRefused(text: string, relativeTo: Date | null): void {
  let r: ClaimDate;
  try {
    r = parseClaimDate(text, { relativeTo });
  } catch (error) {
    expect(error).toBeInstanceOf(ClaimDateError);
    return;
  }
  expectWellFormed(r);
}

describe('claim dates (properties)', () => {
  it('when any phrase of the grammar is read against any day said, then start < end where both exist, or it is refused cleanly', () => {
    fc.assert(fc.property(phrase, said, readOrRefused), RUNS);
  });

  it('when a duration phrase is read, then it never starts before the day said', () => {
    const durations = fc.tuple(amount, unitEn, fc.constantFrom('within', 'in', 'in the next')).map(([n, u, w]) => `${w} ${n} ${u}`);
    fc.assert(
      fc.property(durations, said, (text, day) => {
        const r = parseClaimDate(text, { relativeTo: day });
        expect(r.start!.getTime()).toBeGreaterThanOrEqual(day.getTime());
        expect(r.end!.getTime()).toBeGreaterThan(day.getTime());
      }),
      RUNS,
    );
  });

  it('when arbitrary text is read, with or without a day said, then it is a well-formed reading or a ClaimDateError, nothing else', () => {
    const text = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary', maxLength: 80 }),
      fc.string({ unit: 'grapheme', maxLength: 120 }),
      fc.string({ unit: fc.constantFrom(...'0123456789-/()%,QHTS early late by within next year ans mois dans d\'ici after –'.split('')), maxLength: 40 }),
    );
    fc.assert(fc.property(text, fc.option(said), readOrRefused), { ...RUNS, numRuns: 2000 });
  });

  it('when a grammar phrase is mutated, then it is a well-formed reading or a ClaimDateError, nothing else', () => {
    const mutated = fc
      .tuple(phrase, fc.nat(), fc.string({ unit: 'binary', minLength: 1, maxLength: 3 }))
      .map(([p, at, chars]) => p.slice(0, at % (p.length + 1)) + chars + p.slice(at % (p.length + 1)));
    fc.assert(fc.property(mutated, fc.option(said), readOrRefused), { ...RUNS, numRuns: 1000 });
  });
});
