export { importEpoch, epochSummary, type EpochReport, type EpochOptions, type EpochCounts } from './epoch.service.ts';
export { CHUNK_CHARS as EPOCH_CHUNK_CHARS } from './epoch.read.ts';
export { mapColumns, EPOCH_FIELDS } from './epoch.columns.ts';
export { normaliseName, NameMatcher, ORGANIZATION_ALIASES } from './match.ts';
export { importTimelineJs, exportTimelineJs, timelineJsDoc, timelineJsSummary, TIMELINEJS_TITLE, type TimelineJsReport } from './timelinejs.service.ts';
export { datesOf, type TjsDoc, type TjsEvent, type TjsSlide } from './timelinejs.ts';
export { DATA_LICENCE } from './licence.ts';
