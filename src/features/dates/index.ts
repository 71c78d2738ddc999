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
export type { FuzzyDate, Precision } from './fuzzy-date.ts';
