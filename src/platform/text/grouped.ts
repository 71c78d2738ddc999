// Counts as readers read them, grouped by thousands.

/**
 * A count with thousands separators, as `toLocaleString('en-US')` writes it ("25,000"). Whole
 * numbers are grouped here: the first toLocaleString of a process loads ICU's number formats
 * (3–9 ms), which an import of chip counts (facts.format.ts) paid on every cold start. Other
 * numbers go to toLocaleString.
 */
export function grouped(n: number): string {
  if (!Number.isSafeInteger(n) || Object.is(n, -0)) return n.toLocaleString('en-US');
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}
