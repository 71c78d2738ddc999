// Epoch AI's tables ("All models", "Notable models", "Frontier models"...) share column names but
// not their set or order: columns are found by header name; the others are ignored and listed.
export const EPOCH_FIELDS = {
  model: ['Model', 'System'],
  date: ['Publication date'],
  organization: ['Organization'],
  link: ['Link'],
  abstract: ['Abstract'],
  parameters: ['Parameters'],
  trainingCompute: ['Training compute (FLOP)'],
  // Not the bare "Training dataset size": in the frontier table it holds model names.
  datasetSize: ['Training dataset size (total)', 'Training dataset size (datapoints)'],
  hardware: ['Training hardware'],
  hardwareQuantity: ['Hardware quantity'],
  trainingCost: ['Training compute cost (2023 USD)'],
  accessibility: ['Model accessibility'],
  baseModel: ['Base model'],
  domain: ['Domain'],
  country: ['Country (of organization)', 'Country (from Organization)'],
  confidence: ['Confidence'],
} as const;
export type EpochField = keyof typeof EPOCH_FIELDS;
const REQUIRED: EpochField[] = ['model', 'date'];

const norm = (h: string) => h.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/\s+/g, ' ');

export interface ColumnMap {
  /** For each field, the column indexes of its names in order of preference. */
  columns: Partial<Record<EpochField, number[]>>;
  /** Header names that no field reads. */
  ignored: string[];
  /** Required fields with no column. */
  missing: EpochField[];
}

export function mapColumns(header: string[]): ColumnMap {
  const at = new Map<string, number>();
  header.forEach((h, i) => {
    if (!at.has(norm(h))) at.set(norm(h), i);
  });
  const columns: ColumnMap['columns'] = {};
  const used = new Set<number>();
  for (const [field, names] of Object.entries(EPOCH_FIELDS) as [EpochField, readonly string[]][]) {
    const found = names.map((n) => at.get(norm(n))).filter((i): i is number => i !== undefined);
    if (found.length) columns[field] = found;
    for (const i of found) used.add(i);
  }
  return {
    columns,
    ignored: header.filter((h, i) => !used.has(i) && h.trim() !== ''),
    missing: REQUIRED.filter((f) => !columns[f]),
  };
}

/** The first non-empty cell among a field's columns. */
export function cell(cells: string[], map: ColumnMap, field: EpochField): string {
  for (const i of map.columns[field] ?? []) {
    const v = (cells[i] ?? '').trim();
    if (v !== '') return v;
  }
  return '';
}
