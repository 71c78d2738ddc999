export { importEpoch, epochSummary, type EpochReport, type EpochOptions, type EpochCounts } from './epoch.service.ts';
export { mapColumns, EPOCH_FIELDS } from './epoch.columns.ts';
export { normaliseName, NameMatcher, ORGANIZATION_ALIASES } from './match.ts';
