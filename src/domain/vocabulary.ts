// The words of the domain, defined once: what kinds of events and claims exist, how sure a
// record is, where a claim stands and how it turned out, with the labels readers see.
// A leaf module: it imports nothing, and read and write sides both import it.

export const EVENT_KINDS = [
  'release',
  'announcement',
  'report',
  'training',
  'partnership',
  'hardware',
  'investment',
  'rename',
  'retirement',
  'other',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const KIND_LABELS: Record<string, string> = {
  release: 'Release',
  announcement: 'Announcement',
  report: 'Report',
  training: 'Training',
  partnership: 'Partnership',
  hardware: 'Hardware',
  investment: 'Investment',
  rename: 'Rename',
  retirement: 'Retirement',
  other: 'Other',
};

export const CONFIDENCES = ['confirmed', 'reported', 'rumored'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

export const CONFIDENCE_LABELS: Record<string, string> = {
  confirmed: 'Confirmed',
  reported: 'Reported',
  rumored: 'Rumored',
};

export const SUBJECT_KINDS = ['model', 'product', 'suite', 'hardware', 'other'] as const;

/** dated: a window ("Q3 2024"); relative: after another event; attribute: no date. */
export const MILESTONE_KINDS = ['dated', 'relative', 'attribute'] as const;

export const MILESTONE_STATUSES = ['upcoming', 'due', 'overdue', 'resolved'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

export const STATUS_LABELS: Record<string, string> = {
  upcoming: 'Upcoming',
  due: 'Due now',
  overdue: 'Overdue',
  resolved: 'Resolved',
};

export const OUTCOMES = ['met', 'early', 'late', 'partly_met', 'missed', 'withdrawn', 'unverifiable'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const OUTCOME_LABELS: Record<string, string> = {
  met: 'Met',
  early: 'Early',
  late: 'Late',
  partly_met: 'Partly met',
  missed: 'Missed',
  withdrawn: 'Withdrawn',
  unverifiable: 'Unverifiable',
};

/** The shapes of a claim's expected date. */
export const SHAPES = ['window', 'deadline', 'earliest', 'interval', 'offset'] as const;
export type Shape = (typeof SHAPES)[number];

/** How a claim of each shape is scored (docs/decisions/0018), as the claim page says it. */
export const SCORING_RULES: Record<Shape, string> = {
  window: 'Met if it happens inside the window; early or late by the days outside it.',
  deadline: 'A deadline: met if it happens any time before the end; late by the days after it.',
  earliest: 'An earliest date: met if it happens on or after that date; early by the days before it. It cannot be late.',
  interval: 'A span after the day it was said: met inside it; early or late by the days outside it.',
  offset: 'Counted from another event: scored once that event is recorded, as a window (or an earliest date when open-ended).',
};
