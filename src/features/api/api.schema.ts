// The JSON API's answers, described once: these schemas shape every response (fields the pages
// add to their view models stay out) and generate the OpenAPI document and the /api page.
import { z } from 'zod';

export const registry = z.registry<{ id: string; description?: string }>();

function named<T extends z.ZodType>(id: string, description: string, schema: T): T {
  registry.add(schema, { id, description });
  return schema;
}

const isoInstant = z.string().describe('ISO 8601 instant, UTC');

export const DateOut = named(
  'FuzzyDate',
  'A date as precise as its source: the window [start, end) it stands for, at a precision.',
  z.object({
    start: isoInstant.describe('First instant of the window (inclusive)'),
    end: isoInstant.describe('End of the window (exclusive)'),
    precision: z.string().describe('day, month, quarter, half, early/mid/late, year…'),
    label: z.string().describe('Display label at that precision: "18 July 2023", "early 2024"'),
    text: z.string().describe('The date as the source wrote it'),
  }),
);

export const LinkOut = named('Link', 'A record named and linked.', z.object({ slug: z.string(), name: z.string(), url: z.string() }));

export const SourceRefOut = named(
  'SourceRef',
  'A source as cited by a record.',
  z.object({
    id: z.number().int(),
    publisher: z.string(),
    title: z.string(),
    url: z.string().nullable(),
    pageUrl: z.string().describe('The source page in Timeline: /sources/:id'),
    isPrimary: z.boolean(),
    language: z.string(),
    publishedOn: isoInstant.nullable(),
    publishedLabel: z.string().nullable(),
    quote: z.string().nullable(),
  }),
);

const SegmentsOut = z
  .array(z.object({ text: z.string(), hit: z.boolean().describe('Whether this piece is a matched word') }))
  .describe('The text cut into pieces that join back into it exactly; the matched words are the pieces with `hit: true`. Plain text, never HTML: escape it when you print it.');

export const HighlightsOut = named(
  'Highlights',
  'With a search (`q` with words to find): where the searched words are, as pieces of the text (words are matched as the search does: case and accents folded, by their start).',
  z.object({ title: SegmentsOut, body: SegmentsOut.describe('The summary (an event) or the claim (a milestone), in pieces') }),
);

export const EventOut = named(
  'Event',
  'Something that happened, with its sources.',
  z.object({
    type: z.literal('event'),
    id: z.number().int(),
    slug: z.string(),
    url: z.string(),
    title: z.string(),
    summary: z.string(),
    kind: z.string(),
    kindLabel: z.string(),
    confidence: z.string(),
    date: DateOut,
    organizations: z.array(LinkOut),
    subjects: z.array(LinkOut),
    tags: z.array(z.object({ slug: z.string(), name: z.string() })),
    sources: z.array(SourceRefOut).describe("The event's sources, with their quotes"),
    highlights: HighlightsOut.optional().describe('Only with a search (`q` with words to find)'),
    matched: z.enum(['title', 'text']).optional().describe('In relevance order only: `title` when every searched word is in the title (these come first), `text` when some are only elsewhere'),
  }),
);

const Titled = z.object({ slug: z.string(), title: z.string(), url: z.string() });

export const ClaimReadingOut = named(
  'ClaimReading',
  'How the claim\'s expected date was read: its shape, window, the day relative words were read against, and a stated likelihood.',
  z.object({
    shape: z.string().describe('window, deadline, earliest, interval or offset'),
    text: z.string().nullable().describe('The expected date as written'),
    label: z.string().nullable(),
    start: isoInstant.nullable().describe('null where the shape is open at the start'),
    end: isoInstant.nullable().describe('Exclusive; null where the shape is open at the end'),
    relativeTo: z.string().nullable().describe('YYYY-MM-DD: the day the words were said'),
    rule: z.string().describe('What met, early and late mean for this shape'),
    likelihood: z.object({ text: z.string(), figure: z.string() }).nullable().describe('As the source wrote it, and as a figure'),
  }),
);

export const MilestoneOut = named(
  'Milestone',
  'A claim about the future, scored against what happened.',
  z.object({
    type: z.literal('milestone'),
    id: z.number().int(),
    slug: z.string(),
    url: z.string(),
    title: z.string(),
    claim: z.string(),
    kind: z.string().describe('dated, relative or attribute'),
    expected: DateOut.nullable().describe('The expected window; null for relative and attribute claims'),
    reading: ClaimReadingOut.nullable(),
    placement: DateOut.describe('Where the claim sits on the timeline'),
    afterText: z.string().nullable(),
    afterEvent: Titled.nullable(),
    status: z.string(),
    statusLabel: z.string(),
    outcome: z.string().nullable(),
    outcomeLabel: z.string().nullable(),
    gapDays: z.number().int().nullable(),
    gapLabel: z.string().nullable(),
    resolutionNote: z.string().nullable(),
    resolvedAt: isoInstant.nullable(),
    settledBy: Titled.extend({ date: DateOut }).nullable(),
    source: SourceRefOut.nullable(),
    claimedOn: isoInstant.nullable(),
    claimedOnLabel: z.string().nullable(),
    quote: z.string().nullable(),
    organizations: z.array(LinkOut),
    subjects: z.array(LinkOut),
    highlights: HighlightsOut.optional().describe('Only with a search (`q` with words to find)'),
    matched: z.enum(['title', 'text']).optional().describe('In relevance order only: `title` when every searched word is in the title (these come first), `text` when some are only elsewhere'),
  }),
);

export const EntryOut = named('Entry', 'An event or a milestone, told apart by `type`.', z.discriminatedUnion('type', [EventOut, MilestoneOut]));

export const PageOut = named(
  'Page',
  'Where the next page is.',
  z.object({
    nextCursor: z.string().nullable().describe('Give as `cursor` for the next page; null on the last page'),
    next: z.string().nullable().describe('The next page as a path, filters kept'),
  }),
);

export const ScorecardOut = named(
  'Scorecard',
  'How the claims of a source, or about an organization, turned out.',
  z.object({
    claims: z.number().int(),
    relayed: z.number().int(),
    resolved: z.number().int(),
    met: z.number().int(),
    early: z.number().int(),
    late: z.number().int(),
    partlyMet: z.number().int(),
    missed: z.number().int(),
    other: z.number().int(),
    open: z.number().int(),
    medianGapDays: z.number().int().nullable(),
    medianGapLabel: z.string().nullable(),
    scored: z.number().int().describe('Claims with a verdict that can be scored'),
    metRate: z.number().nullable().describe('Share of scored claims met inside their window, 0..1'),
    trueRate: z.number().nullable().describe('Share of scored claims that came true, early or late included, 0..1'),
    metRateLabel: z.string(),
    trueRateLabel: z.string(),
  }),
);

const Discrepancy = z.object({ claim: z.string(), correction: z.string() });
const SlugTitle = z.object({ slug: z.string(), title: z.string(), url: z.string() });

export const EventDetailOut = named(
  'EventDetail',
  'An event with the claims it settles and those waiting for it.',
  z.object({
    event: EventOut,
    updatedAt: isoInstant,
    claimsInSources: z.array(MilestoneOut).describe("Claims made in this event's sources"),
    settles: z.array(MilestoneOut),
    awaitedBy: z.array(MilestoneOut),
  }),
);

export const MilestoneDetailOut = named(
  'MilestoneDetail',
  'A claim with the claim it revises and the one that revised it.',
  z.object({ milestone: MilestoneOut, updatedAt: isoInstant, revises: SlugTitle.nullable(), revisedBy: SlugTitle.nullable() }),
);

export const OrganizationOut = named(
  'Organization',
  'An organization with its counts.',
  z.object({
    slug: z.string(),
    name: z.string(),
    url: z.string(),
    description: z.string(),
    events: z.number().int(),
    milestones: z.number().int(),
  }),
);

export const OrganizationDetailOut = named(
  'OrganizationDetail',
  'An organization with its other names, its subjects and how the claims about it turned out.',
  z.object({
    scorecard: ScorecardOut,
    organization: z.object({
      slug: z.string(),
      name: z.string(),
      website: z.string().nullable(),
      description: z.string(),
      aliases: z.array(z.string()).describe('Other names it is known by ("Meta AI", "FAIR"); imports and search use them'),
      subjects: z.array(LinkOut),
    }),
  }),
);

export const SubjectOut = named(
  'Subject',
  'A model, product or other subject with its counts.',
  z.object({
    slug: z.string(),
    name: z.string(),
    kind: z.string(),
    url: z.string(),
    organizations: z.array(z.string()),
    events: z.number().int(),
    milestones: z.number().int(),
  }),
);

export const FactOut = named(
  'Fact',
  "A typed fact about a model: its newest value, its source, and earlier values.",
  z.object({
    kind: z.string(),
    label: z.string(),
    display: z.string().describe('As people read it: "175B parameters", "2.1×10²⁵ FLOP"'),
    value: z.number().nullable(),
    text: z.string().nullable(),
    unit: z.string().nullable(),
    baseModel: LinkOut.nullable(),
    note: z.string(),
    recordedAt: isoInstant,
    source: z.object({ id: z.number().int(), publisher: z.string(), title: z.string(), url: z.string().nullable(), page: z.string() }).nullable(),
    earlier: z.array(z.object({ display: z.string(), recordedAt: isoInstant, source: z.string().nullable() })),
  }),
);

export const SubjectDetailOut = named(
  'SubjectDetail',
  'A subject with its organizations and typed facts.',
  z.object({
    facts: z.array(FactOut),
    subject: z.object({ slug: z.string(), name: z.string(), kind: z.string(), description: z.string(), aliases: z.array(z.string()), organizations: z.array(LinkOut) }),
  }),
);

const Span = z.object({ months: z.number(), days: z.number() });

export const ClaimDateOut = named(
  'ClaimDate',
  'An expected date read as a claim shape; instants are ISO, end exclusive, null where open.',
  z.object({
    text: z.string(),
    shape: z.string(),
    start: isoInstant.nullable(),
    end: isoInstant.nullable(),
    precision: z.string(),
    label: z.string(),
    relativeTo: z.string().nullable(),
    likelihood: z.object({ low: z.number(), high: z.number(), text: z.string(), label: z.string() }).nullable(),
    hedge: z.string().nullable(),
    offset: z.object({ min: Span, max: Span.nullable(), anchor: z.string() }).nullable(),
  }),
);

export const SourceListItemOut = named(
  'SourceListItem',
  'A source in the list, with what it cites and its known discrepancies.',
  SourceRefOut.extend({ citesId: z.number().int().nullable(), discrepancies: z.array(Discrepancy) }),
);

export const CalibrationOut = named(
  'Calibration',
  'For claims with a stated likelihood: the Brier score and stated against realised, by bin.',
  z.object({
    scored: z.number().int(),
    brier: z.number(),
    brierLabel: z.string(),
    rows: z.array(
      z.object({ bin: z.string(), claims: z.number().int(), stated: z.number(), realised: z.number(), statedLabel: z.string(), realisedLabel: z.string() }),
    ),
  }),
);

export const SourceDetailOut = named(
  'SourceDetail',
  'A source with its scorecard, citations, events and claims.',
  z.object({
    scorecard: ScorecardOut,
    calibration: CalibrationOut.nullable(),
    source: SourceRefOut.extend({ cites: SourceRefOut.nullable(), citedBy: z.array(SourceRefOut), discrepancies: z.array(Discrepancy) }),
    events: z.array(EventOut.extend({ quote: z.string().nullable() })),
    eventsMore: z.number().int().describe('Events citing the source beyond those listed (the list is capped).'),
    milestones: z.array(MilestoneOut),
    milestonesMore: z.number().int().describe('Claims beyond those listed.'),
  }),
);

export const ErrorOut = named(
  'Error',
  'Every error: 400 with the fields at fault in details.fields, 404, 503.',
  z.object({ error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }) }),
);

export const listOf = (item: z.ZodType) => z.object({ data: z.array(item), page: PageOut });

const FacetValues = z.array(z.object({ value: z.string().describe('A slug or a vocabulary value'), count: z.number().int() }));
export const FacetsOut = named(
  'Facets',
  'With facets=1: entries per value for the query, each facet counted with every filter but its own; most first.',
  z.object({ organization: FacetValues, subject: FacetValues, kind: FacetValues, confidence: FacetValues, status: FacetValues, tag: FacetValues }),
);
export const timelineListOf = (item: z.ZodType) => z.object({ data: z.array(item), page: PageOut, facets: FacetsOut.optional() });
export const one = (item: z.ZodType) => z.object({ data: item });
export const arrayOf = (item: z.ZodType) => z.array(item);

const TjsDateOut = z.object({ year: z.number().int(), month: z.number().int().optional(), day: z.number().int().optional(), display_date: z.string().optional() });
const TjsSlideOut = z.object({
  start_date: TjsDateOut.optional(),
  end_date: TjsDateOut.optional(),
  display_date: z.string().optional(),
  text: z.object({ headline: z.string().optional(), text: z.string().optional() }).optional(),
  media: z.object({ url: z.string(), caption: z.string().optional(), credit: z.string().optional() }).optional(),
  group: z.string().optional(),
  unique_id: z.string().optional(),
});
export const TimelineJsOut = named(
  'TimelineJs',
  'The events as a TimelineJS (Knight Lab) timeline: a title slide (with the licence and the date) and one slide per event; headline and text are HTML-escaped.',
  z.object({ title: TjsSlideOut.optional(), events: z.array(TjsSlideOut), scale: z.enum(['human', 'cosmological']).optional() }),
);
