export {
  ACCEPTED_FORMS,
  FuzzyDateError,
  PRECISIONS,
  compareFuzzyDates,
  formatFuzzyDate,
  isPrecision,
  normaliseDateText,
  parseFuzzyDate,
  precisionLabel,
  toEdtf,
  tryParseFuzzyDate,
} from './fuzzy-date.ts';
export { dayLabel } from './day-label.ts';
export type { FuzzyDate, Precision } from './fuzzy-date.ts';
export {
  ACCEPTED_CLAIM_FORMS,
  CLAIM_SHAPES,
  ClaimDateError,
  claimWindowLabel,
  isClaimShape,
  likelihoodText,
  offsetWindow,
  parseLikelihood,
  parseClaimDate,
  tryParseClaimDate,
} from './claim-date.ts';
export type { ClaimDate, ClaimDateOptions, ClaimShape, Likelihood, Span } from './claim-date.ts';
export { claimDateJson, readClaimDateQuery } from './dates.http.ts';
