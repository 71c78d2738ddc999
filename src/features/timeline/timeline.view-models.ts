// Plain objects handed to the templates and, for the JSON API, serialised as they are.
// No Prisma rows cross this line.

export interface DateVM {
  /** ISO instant, inclusive. */
  start: string;
  /** ISO instant, exclusive. */
  end: string;
  precision: string;
  /** Display label at the stored precision: "18 July 2023", "early 2024". */
  label: string;
  /** The text as written in the source: "début 2024". */
  text: string;
}

export interface LinkVM {
  slug: string;
  name: string;
  url: string;
}

export interface SourceRefVM {
  id: number;
  publisher: string;
  title: string;
  url: string | null;
  /** Page of the source in Timeline: /sources/:id */
  pageUrl: string;
  isPrimary: boolean;
  language: string;
  publishedOn: string | null;
  publishedLabel: string | null;
  quote: string | null;
}

export interface EventVM {
  type: 'event';
  id: number;
  slug: string;
  url: string;
  title: string;
  summary: string;
  kind: string;
  kindLabel: string;
  confidence: string;
  date: DateVM;
  organizations: LinkVM[];
  subjects: LinkVM[];
  tags: { slug: string; name: string }[];
  sources: SourceRefVM[];
  /** With a search: the title and summary in segments, the matched words marked (printed escaped). */
  highlight?: HighlightVM;
  /** In relevance order: where every searched word was found (docs/decisions/0048). */
  matched?: Matched;
}

export interface HighlightVM {
  title: { text: string; hit: boolean }[];
  body: { text: string; hit: boolean }[];
}

export interface MilestoneVM {
  type: 'milestone';
  /** With a search: the title and claim in segments, the matched words marked. */
  highlight?: HighlightVM;
  /** In relevance order: where every searched word was found. */
  matched?: Matched;
  id: number;
  slug: string;
  url: string;
  title: string;
  claim: string;
  kind: 'dated' | 'relative' | 'attribute' | string;
  /** The expected date as the source put it, parsed into a window (null for relative and attribute claims). */
  expected: DateVM | null;
  /** How the expected date was said and is scored (docs/decisions/0018); null for attribute claims. */
  reading: ClaimReadingVM | null;
  /** Where the claim sits on the timeline (the window, or the day it was claimed). */
  placement: DateVM;
  afterText: string | null;
  afterEvent: { slug: string; title: string; url: string } | null;
  status: string;
  statusLabel: string;
  outcome: string | null;
  outcomeLabel: string | null;
  gapDays: number | null;
  /** "early by 147 days", "late by 12 days", null when not applicable. */
  gapLabel: string | null;
  resolutionNote: string | null;
  resolvedAt: string | null;
  settledBy: { slug: string; title: string; url: string; date: DateVM } | null;
  source: SourceRefVM | null;
  claimedOn: string | null;
  claimedOnLabel: string | null;
  quote: string | null;
  organizations: LinkVM[];
  subjects: LinkVM[];
}

export type EntryVM = EventVM | MilestoneVM;

/** Relevance tiers: every searched word in the title, or some only in the rest. */
export type Matched = 'title' | 'text';

/** One heading in the grouped timeline: a year, then runs of entries sharing a month (or a wider window). */
export interface YearGroupVM {
  year: number;
  /** Unique on the page (a year can come once per relevance tier). */
  key: string;
  /** Said before the first year of the matches found outside the titles, in relevance order. */
  tierNote?: string;
  groups: { label: string; entries: EntryVM[] }[];
}

export interface PageInfoVM {
  nextCursor: string | null;
  /** Query string (without '?') of the next page, filters kept. */
  nextQuery: string | null;
  limit: number;
}

export interface ClaimReadingVM {
  shape: string;
  /** The expected date as written. */
  text: string | null;
  /** "by the end of 2027", "2026 or later", "May 2024"; null while an offset's anchor is unknown. */
  label: string | null;
  start: string | null;
  end: string | null;
  /** The day relative words were read against. */
  relativeTo: string | null;
  /** One sentence: what met, early and late mean for this shape. */
  rule: string;
  /** As the source wrote it ("70-80% chance"), and as a figure ("70–80%"). */
  likelihood: { text: string; figure: string } | null;
}
