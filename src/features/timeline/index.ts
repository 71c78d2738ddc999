export { listTimeline, listFacets, cachedFacets, createFacetCache, groupByYearAndMonth, resolveOrThrow, type FacetCache, type Facets } from './timeline.service.ts';
export { timelineQuerySchema, namedListQuery, MAX_FILTER_VALUES, SORTS, type TimelineQuery } from './timeline.schema.ts';
export {
  eventPage,
  milestonePage,
  organizationPage,
  organizationsPage,
  subjectsPage,
  subjectPage,
  sourcePage,
  listSourcesPage,
  searchNamedList,
  sourceIdFromParam,
  allMilestones,
  type Scoring,
} from './timeline.pages.ts';
export type * from './timeline.view-models.ts';
export { EVENT_KINDS, CONFIDENCES, MILESTONE_STATUSES, OUTCOMES } from '../../domain/vocabulary.ts';
