export { listTimeline, groupByYearAndMonth } from './timeline.service.ts';
export { timelineQuerySchema, type TimelineQuery } from './timeline.schema.ts';
export {
  eventPage,
  milestonePage,
  organizationsPage,
  subjectsPage,
  subjectPage,
  sourcePage,
  listSourcesPage,
  sourceIdFromParam,
  allMilestones,
  type Scoring,
} from './timeline.pages.ts';
export type * from './timeline.view-models.ts';
export { EVENT_KINDS, CONFIDENCES, MILESTONE_STATUSES, OUTCOMES } from '../../domain/vocabulary.ts';
