// Scorecards: how the claims of a source, or about an organization, turned out.
// A source's card counts the claims it made and those it relays from the source it cites
// (the French article relays the Wall Street Journal's), since it put them before its readers.
import type { Db } from '../../platform/db.ts';
import * as repo from './scorecards.repo.ts';
import { calibration, type Calibration } from './calibration.ts';
import { gapText, median } from './rules.ts';
import { compareNames } from '../../platform/text/sort-key.ts';

export interface Scorecard {
  claims: number;
  /** Of `claims`, how many are relayed from a cited source. */
  relayed: number;
  resolved: number;
  met: number;
  early: number;
  late: number;
  partlyMet: number;
  missed: number;
  /** Withdrawn or unverifiable. */
  other: number;
  /** Not resolved yet. */
  open: number;
  /** Median signed gap of the early and late claims (negative: early); null when there are none. */
  medianGapDays: number | null;
  medianGapLabel: string | null;
  /** Claims with a verdict on timing: met, early, late, partly met or missed (withdrawn and unverifiable left out). */
  scored: number;
  /** Of `scored`, the share met inside the window; null when nothing is scored yet. */
  metRate: number | null;
  /** Of `scored`, the share that came true at all (met, early or late). */
  trueRate: number | null;
  metRateLabel: string;
  trueRateLabel: string;
  /** Segments of the outcome bar, as percentages of all claims (open ones included). */
  bar: { key: string; label: string; count: number; x: number; width: number }[];
}

const percent = (r: number | null) => (r === null ? '–' : `${Math.round(r * 100)}%`);

const BAR_SEGMENTS: [Exclude<keyof Scorecard, 'bar'>, string, string][] = [
  ['met', 'met', 'Met in window'],
  ['early', 'early', 'Early'],
  ['late', 'late', 'Late'],
  ['partlyMet', 'partly_met', 'Partly met'],
  ['missed', 'missed', 'Missed'],
  ['other', 'withdrawn', 'Withdrawn or unverifiable'],
  ['open', 'open', 'Not resolved yet'],
];

function bar(card: Omit<Scorecard, 'bar'>): Scorecard['bar'] {
  let x = 0;
  return BAR_SEGMENTS.flatMap(([field, key, label]) => {
    const count = card[field] as number;
    if (!count || !card.claims) return [];
    const width = (count / card.claims) * 100;
    const seg = { key, label, count, x: Math.round(x * 100) / 100, width: Math.round(width * 100) / 100 };
    x += width;
    return [seg];
  });
}

interface ClaimOutcome {
  sourceId: number | null;
  status: string;
  outcome: string | null;
  gapDays: number | null;
  likelihoodLow?: number | null;
  likelihoodHigh?: number | null;
}

export function summarize(rows: readonly ClaimOutcome[], relayedFrom: number | null = null): Scorecard {
  const count = (o: string) => rows.filter((r) => r.outcome === o).length;
  const gaps = rows.filter((r) => (r.outcome === 'early' || r.outcome === 'late') && r.gapDays !== null).map((r) => r.gapDays!);
  const medianGapDays = median(gaps);
  const resolved = rows.filter((r) => r.status === 'resolved').length;
  const scored = count('met') + count('early') + count('late') + count('partly_met') + count('missed');
  const metRate = scored ? count('met') / scored : null;
  const trueRate = scored ? (count('met') + count('early') + count('late')) / scored : null;
  const card = {
    claims: rows.length,
    relayed: relayedFrom === null ? 0 : rows.filter((r) => r.sourceId === relayedFrom).length,
    resolved,
    met: count('met'),
    early: count('early'),
    late: count('late'),
    partlyMet: count('partly_met'),
    missed: count('missed'),
    other: count('withdrawn') + count('unverifiable'),
    open: rows.length - resolved,
    medianGapDays,
    medianGapLabel: gapText(medianGapDays),
    scored,
    metRate,
    trueRate,
    metRateLabel: percent(metRate),
    trueRateLabel: percent(trueRate),
  };
  return { ...card, bar: bar(card) };
}

export const SCORECARD_SORTS = ['name', 'claims', 'met-rate', 'true-rate', 'missed', 'gap'] as const;
export type ScorecardSort = (typeof SCORECARD_SORTS)[number];

/** Best first for rates, most first for counts, earliest-to-latest median gap; ties by name. */
function sortRows<T extends { name: string; card: Scorecard }>(rows: T[], sort: ScorecardSort): T[] {
  const nullsLast = (v: number | null, sign: number) => (v === null ? Infinity : sign * v);
  const key: Record<ScorecardSort, (r: T) => number> = {
    name: () => 0,
    claims: (r) => -r.card.claims,
    'met-rate': (r) => nullsLast(r.card.metRate, -1),
    'true-rate': (r) => nullsLast(r.card.trueRate, -1),
    missed: (r) => -r.card.missed,
    gap: (r) => nullsLast(r.card.medianGapDays, 1),
  };
  return [...rows].sort((a, b) => key[sort](a) - key[sort](b) || compareNames(a.name, b.name));
}

const calibrationOf = (rows: readonly ClaimOutcome[]): Calibration | null =>
  calibration(rows.map((r) => ({ outcome: r.outcome, likelihoodLow: r.likelihoodLow ?? null, likelihoodHigh: r.likelihoodHigh ?? null })));

/** Brier score and calibration table of a source's claims (its own and relayed) that stated a likelihood. */
export async function calibrationFor(db: Db, sourceId: number): Promise<Calibration | null> {
  const citesId = await repo.getSourceCites(db, sourceId);
  return calibrationOf(await repo.outcomesOfSources(db, citesId ? [sourceId, citesId] : [sourceId]));
}

export async function scorecardFor(db: Db, of: { sourceId: number } | { organizationId: number }): Promise<Scorecard> {
  if ('sourceId' in of) {
    const citesId = await repo.getSourceCites(db, of.sourceId);
    return summarize(await repo.outcomesOfSources(db, citesId ? [of.sourceId, citesId] : [of.sourceId]), citesId);
  }
  return summarize(await repo.outcomesAboutOrganization(db, of.organizationId));
}

/** Every source and organization with at least one claim, each with its scorecard. */
export async function scorecardsPage(db: Db, sort: ScorecardSort = 'name') {
  const [claims, sources, organizations] = await Promise.all([repo.allOutcomes(db), repo.allSources(db), repo.allOrganizations(db)]);
  const bySource = new Map<number, ClaimOutcome[]>();
  const byOrg = new Map<number, ClaimOutcome[]>();
  const push = <K>(map: Map<K, ClaimOutcome[]>, k: K, v: ClaimOutcome) => {
    const list = map.get(k);
    if (list) list.push(v);
    else map.set(k, [v]);
  };
  for (const c of claims) {
    if (c.sourceId !== null) push(bySource, c.sourceId, c);
    for (const o of c.organizations) push(byOrg, o.organizationId, c);
  }
  const names = new Map(sources.map((s) => [s.id, s.publisher]));
  return {
    sort,
    sources: sortRows(
      sources
        .map((s) => {
          const rows = [...(bySource.get(s.id) ?? []), ...(s.citesId ? (bySource.get(s.citesId) ?? []) : [])];
          return {
            id: s.id,
            name: s.publisher,
            publisher: s.publisher,
            title: s.title,
            language: s.language,
            url: `/sources/${s.id}`,
            relayedFrom: s.citesId ? (names.get(s.citesId) ?? null) : null,
            card: summarize(rows, s.citesId),
            calibration: calibrationOf(rows),
          };
        })
        .filter((s) => s.card.claims > 0),
      sort,
    ),
    organizations: sortRows(
      organizations
        .filter((o) => byOrg.has(o.id))
        .map((o) => ({ slug: o.slug, name: o.name, url: `/organizations/${o.slug}`, card: summarize(byOrg.get(o.id)!) })),
      sort,
    ),
  };
}
