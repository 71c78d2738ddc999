// The milestones feature: flagging claims as they come due, resolving them, scorecards, feeds
// and webhooks. Other features, scripts and the scheduler import from here; the routers are in
// ./routes.ts.

export { flagMilestones, type FlagOptions, type FlagSummary } from './flag.service.ts';
export { deliverPendingWebhooks, sendTestDelivery, type FetchLike, type AttemptResult } from './webhooks.service.ts';
export { resolveMilestone, rescheduleMilestone, resolutionQueue, type ResolveInput, type RescheduleInput } from './resolution.service.ts';
export { calibrationFor, scorecardFor, scorecardsPage, type Scorecard } from './scorecards.service.ts';
export type { Calibration } from './calibration.ts';
export { statusAt, scoreResolution, scoreRelative, scoreClaim, SCORING_RULES, SHAPES, type Shape, splitUpcoming, parseInstant, overdueAt, OUTCOMES, type Outcome } from './rules.ts';
export { STATUS_LABELS, OUTCOME_LABELS } from '../../domain/vocabulary.ts';
export { dayLabel } from '../dates/index.ts';
export { signatureHeader, verifySignature, SIGNATURE_HEADER, IDEMPOTENCY_HEADER } from './webhook-signature.ts';
