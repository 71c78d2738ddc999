import { describe, expect, it } from 'vitest';
import { calibration } from './calibration.ts';

const claim = (outcome: string | null, low: number | null, high = low) => ({ outcome, likelihoodLow: low, likelihoodHigh: high });

describe('calibration', () => {
  it('when no claim has both a stated likelihood and a scorable verdict, then there is nothing to show', () => {
    expect(calibration([])).toBeNull();
    expect(calibration([claim('met', null), claim(null, 0.7), claim('withdrawn', 0.7), claim('partly_met', 0.5)])).toBeNull();
  });

  it('when claims were stated at 70-80% and 20%, then the Brier score is the mean squared gap to what happened', () => {
    // 0.75 met: (0.25)^2 = 0.0625; 0.75 missed: 0.5625; 0.2 late: 0.04 -> mean 0.221667
    const c = calibration([claim('met', 0.7, 0.8), claim('missed', 0.7, 0.8), claim('late', 0.2)])!;
    expect(c.scored).toBe(3);
    expect(c.brier).toBeCloseTo(0.221667, 5);
    expect(c.brierLabel).toBe('0.222');
    expect(c.rows.map((r) => [r.bin, r.claims, r.statedLabel, r.realisedLabel])).toEqual([
      ['20%–40%', 1, '20%', '0%'],
      ['60%–80%', 2, '75%', '50%'],
    ]);
  });

  it('when a forecaster says 100% and it happens, then the Brier score is 0, in the top bin', () => {
    const c = calibration([claim('met', 1), claim('met', 1)])!;
    expect(c.brier).toBe(0);
    expect(c.rows).toEqual([{ bin: '80%–100%', claims: 2, stated: 1, realised: 1, statedLabel: '100%', realisedLabel: '100%' }]);
  });
});
