export {
  ACCEPTED_FORMS,
  FuzzyDateError,
  PRECISIONS,
  compareFuzzyDates,
  formatFuzzyDate,
  isPrecision,
  parseFuzzyDate,
  precisionLabel,
  toEdtf,
  tryParseFuzzyDate,
} from './fuzzy-date.ts';
export { dayLabel } from './day-label.ts';
export type { FuzzyDate, Precision } from './fuzzy-date.ts';
