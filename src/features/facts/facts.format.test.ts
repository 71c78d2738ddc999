import { describe, expect, it } from 'vitest';
import { compact, formatFact, scientific } from './facts.format.ts';

describe('fact formatting', () => {
  it('writes parameter counts with B and T', () => {
    expect(formatFact(175e9, 'parameters')).toBe('175B parameters');
    expect(formatFact(180000000000.0, 'parameters')).toBe('180B parameters');
    expect(formatFact(1.76e12, 'parameters')).toBe('1.76T parameters');
    expect(formatFact(7.2e9, 'parameters')).toBe('7.2B parameters');
    expect(formatFact(340e6, 'parameters')).toBe('340M parameters');
  });

  it('writes compute in scientific notation with superscripts', () => {
    expect(formatFact(2.1e25, 'FLOP')).toBe('2.1×10²⁵ FLOP');
    expect(formatFact(3.76e24, 'FLOP')).toBe('3.8×10²⁴ FLOP');
    expect(formatFact(5.0000000000001e26, 'FLOP')).toBe('5×10²⁶ FLOP');
    expect(scientific(1.5e-3)).toBe('1.5×10⁻³');
  });

  it('writes money, chip counts and dataset sizes', () => {
    expect(formatFact(79_000_000, 'USD')).toBe('$79M');
    expect(formatFact(10743500.868805483, 'USD')).toBe('$10.7M');
    expect(formatFact(25000, 'chips')).toBe('25,000 chips');
    expect(formatFact(1, 'chips')).toBe('1 chip');
    expect(formatFact(3.5e12, 'datapoints')).toBe('3.5T datapoints');
  });

  it('rounds up across a scale instead of writing 1000B', () => {
    expect(compact(999.99e9)).toBe('1T');
    expect(compact(12)).toBe('12');
  });

  it('falls back to the text when there is no number', () => {
    expect(formatFact(null, null, 'Open weights (restricted use)')).toBe('Open weights (restricted use)');
  });
});
