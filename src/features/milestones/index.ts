// The milestones feature: flagging claims as they come due, resolving them, scorecards, feeds
// and webhooks. Other features and the scheduler import from here only.
import type { Router } from 'express';
import type { Auth } from '../auth/index.ts';
import type { FeatureDeps } from '../deps.ts';
import { adminRoutes } from './admin.routes.ts';
import { publicRoutes } from './public.routes.ts';

export { flagMilestones, type FlagOptions, type FlagSummary } from './flag.service.ts';
export { deliverPendingWebhooks, sendTestDelivery, type FetchLike, type AttemptResult } from './webhooks.service.ts';
export { resolveMilestone, rescheduleMilestone, resolutionQueue, type ResolveInput, type RescheduleInput } from './resolution.service.ts';
export { calibrationFor, scorecardFor, scorecardsPage, type Scorecard } from './scorecards.service.ts';
export type { Calibration } from './calibration.ts';
export { statusAt, scoreResolution, scoreRelative, scoreClaim, SCORING_RULES, SHAPES, type Shape, splitUpcoming, parseInstant, overdueAt, OUTCOMES, type Outcome } from './rules.ts';
export { STATUS_LABELS, OUTCOME_LABELS, dayLabel } from './milestones.mappers.ts';
export { signatureHeader, verifySignature, SIGNATURE_HEADER, IDEMPOTENCY_HEADER } from './webhook-signature.ts';

/** Public: scorecards and feeds. Mounted before the timeline routes (/milestones/feed.atom). */
export function milestonePublicRoutes(deps: FeatureDeps): Router {
  return publicRoutes(deps);
}

/** Admin: resolution queue, resolve and reschedule forms, webhooks; relative to /admin. */
export function milestoneAdminRoutes(deps: FeatureDeps & { auth: Auth }): Router {
  return adminRoutes(deps);
}
