// Stated likelihoods against what happened: a Brier score and a calibration table (docs/decisions/0020).
// Pure: takes outcomes and stated likelihoods, returns figures.

export interface StatedOutcome {
  outcome: string | null;
  likelihoodLow: number | null;
  likelihoodHigh: number | null;
}

export interface CalibrationRow {
  /** "60–80%" */
  bin: string;
  claims: number;
  /** Mean stated likelihood in the bin, 0..1. */
  stated: number;
  /** Share of the bin's claims that came true as stated, 0..1. */
  realised: number;
  statedLabel: string;
  realisedLabel: string;
}

export interface Calibration {
  /** Claims with a stated likelihood and a verdict that can be scored. */
  scored: number;
  /** Mean squared gap between the stated likelihood and what happened (0 best, 1 worst). */
  brier: number;
  brierLabel: string;
  rows: CalibrationRow[];
}

/** Came true as stated: 1; early, late or missed: 0; anything else is not scored. */
const REALISED: Record<string, 0 | 1> = { met: 1, early: 0, late: 0, missed: 0 };
const BINS = 5;

const pct = (x: number) => `${Math.round(x * 100)}%`;

export function calibration(claims: readonly StatedOutcome[]): Calibration | null {
  const scored = claims
    .filter((c) => c.likelihoodLow !== null && c.likelihoodHigh !== null && c.outcome !== null && c.outcome in REALISED)
    .map((c) => ({ p: (c.likelihoodLow! + c.likelihoodHigh!) / 2, o: REALISED[c.outcome!]! }));
  if (scored.length === 0) return null;
  const brier = scored.reduce((sum, c) => sum + (c.p - c.o) ** 2, 0) / scored.length;
  const rows: CalibrationRow[] = [];
  for (let b = 0; b < BINS; b++) {
    const lo = b / BINS;
    const hi = (b + 1) / BINS;
    const inBin = scored.filter((c) => c.p >= lo && (c.p < hi || (b === BINS - 1 && c.p <= 1)));
    if (inBin.length === 0) continue;
    const stated = inBin.reduce((s, c) => s + c.p, 0) / inBin.length;
    const realised = inBin.reduce((s, c) => s + c.o, 0) / inBin.length;
    rows.push({ bin: `${pct(lo)}–${pct(hi)}`, claims: inBin.length, stated, realised, statedLabel: pct(stated), realisedLabel: pct(realised) });
  }
  return { scored: scored.length, brier, brierLabel: brier.toFixed(3), rows };
}
