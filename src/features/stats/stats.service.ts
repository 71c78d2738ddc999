// The datasets behind /stats, each as a chart, a table and a CSV.
import { stringify } from 'csv-stringify/sync';
import type { Db } from '../../platform/db.ts';
import { FACT_LABELS, formatFact, FACT_UNITS, type FactKind } from '../facts/index.ts';
import { OUTCOME_LABELS, scorecardsPage } from '../milestones/index.ts';
import { heatmap, logScatter, quarterKey, quarterRange, stackedColumns, stackedRows } from './charts.ts';
import * as repo from './stats.repo.ts';
import { compareNames } from '../../platform/text/sort-key.ts';

export const DATASETS = ['entries-by-organization', 'claims-by-outcome', 'source-records', 'model-parameters', 'model-training-compute'] as const;
export type Dataset = (typeof DATASETS)[number];

/** A table as plain cells: the chart's data, shown below it and served as CSV. */
export interface DataTable {
  columns: string[];
  rows: (string | number)[][];
}

const OUTCOME_KEYS = [
  { key: 'met', label: 'Met in window' },
  { key: 'early', label: OUTCOME_LABELS.early! },
  { key: 'late', label: OUTCOME_LABELS.late! },
  { key: 'partly_met', label: OUTCOME_LABELS.partly_met! },
  { key: 'missed', label: OUTCOME_LABELS.missed! },
  { key: 'withdrawn', label: 'Withdrawn or unverifiable' },
  { key: 'open', label: 'Not resolved yet' },
];

/** Organizations and quarters of the entries chart on the page (all of them are in its CSV). */
export const ENTRIES_ROWS_SHOWN = 25;
export const ENTRIES_QUARTERS_SHOWN = 40;

/** Events and claims per organization per quarter; entries dated more loosely than a quarter are counted apart. */
export async function entriesByOrganization(db: Db) {
  const [placements, orgs] = await Promise.all([repo.placementsByQuarter(db), repo.organizations(db)]);
  const counts = new Map<number, Map<string, number>>();
  const wide = new Map<number, number>();
  for (const p of placements) {
    if (p.first !== p.last) {
      wide.set(p.organizationId, (wide.get(p.organizationId) ?? 0) + p.n);
      continue;
    }
    const q = quarterKey(p.first);
    const row = counts.get(p.organizationId) ?? new Map<string, number>();
    row.set(q, (row.get(q) ?? 0) + p.n);
    counts.set(p.organizationId, row);
  }
  const quarters = quarterRange([...counts.values()].flatMap((m) => [...m.keys()]));
  const listed = orgs.filter((o) => counts.has(o.id) || wide.has(o.id));
  const tableOf = (of: typeof orgs, columns: typeof quarters): DataTable => ({
    columns: ['Organization', ...columns.map((q) => q.label), 'Dated more loosely than a quarter'],
    rows: of.map((o) => [o.name, ...columns.map((q) => counts.get(o.id)?.get(q.key) ?? 0), wide.get(o.id) ?? 0]),
  });
  // The page shows the organizations with the most entries over the latest quarters; the CSV all of them.
  const total = (id: number) => [...(counts.get(id)?.values() ?? [])].reduce((a, b) => a + b, wide.get(id) ?? 0);
  const top = new Set([...listed].sort((a, b) => total(b.id) - total(a.id)).slice(0, ENTRIES_ROWS_SHOWN));
  const shown = listed.filter((o) => top.has(o));
  const recent = quarters.slice(-ENTRIES_QUARTERS_SHOWN);
  const page = tableOf(shown, recent);
  const rows = shown.map((o) => ({ label: o.name, counts: recent.map((q) => counts.get(o.id)?.get(q.key) ?? 0) }));
  return {
    chart: heatmap(rows, recent),
    table: tableOf(listed, quarters),
    page,
    organizations: { shown: shown.length, all: listed.length, cut: shown.length < listed.length },
    quarters: { shown: recent.length, all: quarters.length, from: recent[0]?.label ?? null, cut: recent.length < quarters.length },
    wideTotal: [...wide.values()].reduce((a, b) => a + b, 0),
  };
}

/** Claims by the quarter their window closes (undated claims: the quarter they were made), stacked by outcome. */
export async function claimsByOutcome(db: Db) {
  const claims = await repo.claimOutcomes(db);
  const byQuarter = new Map<string, Record<string, number>>();
  for (const c of claims) {
    const q = quarterKey(c.last);
    const key = c.status !== 'resolved' || !c.outcome ? 'open' : c.outcome === 'unverifiable' ? 'withdrawn' : c.outcome;
    const counts = byQuarter.get(q) ?? {};
    counts[key] = (counts[key] ?? 0) + c.n;
    byQuarter.set(q, counts);
  }
  const quarters = quarterRange(byQuarter.keys());
  const columns = quarters.map((q) => ({ label: q.label, counts: byQuarter.get(q.key) ?? {} }));
  const table: DataTable = {
    columns: ['Quarter', ...OUTCOME_KEYS.map((k) => k.label), 'Total'],
    rows: columns.map((c) => {
      const cells = OUTCOME_KEYS.map((k) => c.counts[k.key] ?? 0);
      return [c.label, ...cells, cells.reduce((a, b) => a + b, 0)];
    }),
  };
  return { chart: stackedColumns(columns, OUTCOME_KEYS), table, keys: OUTCOME_KEYS };
}

/** Each source's claims, made or relayed, by outcome. */
export async function sourceRecords(db: Db) {
  const { sources } = await scorecardsPage(db, 'claims');
  const rows = sources.map((s) => ({
    label: s.publisher,
    counts: {
      met: s.card.met,
      early: s.card.early,
      late: s.card.late,
      partly_met: s.card.partlyMet,
      missed: s.card.missed,
      withdrawn: s.card.other,
      open: s.card.open,
    } as Record<string, number>,
  }));
  const table: DataTable = {
    columns: ['Source', 'Title', ...OUTCOME_KEYS.map((k) => k.label), 'Claims', 'Of which relayed', 'Met in window (share of scored)'],
    rows: sources.map((s, i) => [
      s.publisher,
      s.title,
      ...OUTCOME_KEYS.map((k) => rows[i]!.counts[k.key] ?? 0),
      s.card.claims,
      s.card.relayed,
      s.card.metRateLabel,
    ]),
  };
  return { chart: stackedRows(rows, OUTCOME_KEYS), table, keys: OUTCOME_KEYS };
}

const PLOTTED_FACTS = { 'model-parameters': 'parameters', 'model-training-compute': 'trainingCompute' } as const satisfies Partial<Record<Dataset, FactKind>>;
type FactDataset = keyof typeof PLOTTED_FACTS;

const dayOf = (d: Date) => d.toISOString().slice(0, 10);

/** Each model's newest value of a numeric fact, at the date of its first release, on a log scale. */
function modelFactChart(points: repo.ModelFactPoint[], kind: FactKind) {
  const newest = new Map<number, repo.ModelFactPoint>();
  for (const p of points) if (p.kind === kind) newest.set(p.subjectId, p);
  const models = [...newest.values()].sort((a, b) => a.released.getTime() - b.released.getTime() || compareNames(a.name, b.name));
  const unit = FACT_UNITS[kind] ?? null;
  const table: DataTable = {
    columns: ['Model', 'First released', `${FACT_LABELS[kind]}${unit ? ` (${unit})` : ''}`, 'As people read it', 'Source'],
    rows: models.map((m) => [m.name, dayOf(m.released), m.value, formatFact(m.value, unit), m.source ?? '']),
  };
  const chart = logScatter(models.map((m) => ({ date: m.released, value: m.value, title: `${m.name} (${dayOf(m.released)}): ${formatFact(m.value, unit)}` })));
  return { chart, table, label: FACT_LABELS[kind] };
}

export async function modelFacts(db: Db) {
  const points = await repo.modelFactPoints(db, Object.values(PLOTTED_FACTS));
  return [
    { id: 'model-parameters', title: 'Model size over time', noun: 'parameter count', fact: modelFactChart(points, PLOTTED_FACTS['model-parameters']) },
    { id: 'model-training-compute', title: 'Training compute over time', noun: 'training compute', fact: modelFactChart(points, PLOTTED_FACTS['model-training-compute']) },
  ];
}

export async function statsPage(db: Db) {
  const [entries, claims, sources, factCharts] = await Promise.all([entriesByOrganization(db), claimsByOutcome(db), sourceRecords(db), modelFacts(db)]);
  return { entries, claims, sources, factCharts, outcomeKeys: OUTCOME_KEYS };
}

/** A spreadsheet must not run a cell as a formula: text starting with = + - @ (or a tab or CR) gets a leading apostrophe. */
function neutral(v: string | number): string | number {
  return typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

export async function datasetCsv(db: Db, dataset: Dataset): Promise<string> {
  const table =
    dataset === 'entries-by-organization'
      ? (await entriesByOrganization(db)).table
      : dataset === 'claims-by-outcome'
        ? (await claimsByOutcome(db)).table
        : dataset === 'source-records'
          ? (await sourceRecords(db)).table
          : modelFactChart(await repo.modelFactPoints(db, [PLOTTED_FACTS[dataset as FactDataset]]), PLOTTED_FACTS[dataset as FactDataset]).table;
  return stringify([table.columns, ...table.rows.map((r) => r.map(neutral))]);
}
