// The typed facts a subject can hold, each with its default unit and a label for pages.
export const FACT_KINDS = [
  'parameters',
  'trainingCompute',
  'datasetSize',
  'hardware',
  'hardwareQuantity',
  'trainingCost',
  'accessibility',
  'baseModel',
  'domain',
  'country',
] as const;
export type FactKind = (typeof FACT_KINDS)[number];

/** Kinds whose value is a number (the others are text, or a link for baseModel). */
export const NUMERIC_FACTS: ReadonlySet<FactKind> = new Set(['parameters', 'trainingCompute', 'datasetSize', 'hardwareQuantity', 'trainingCost']);

export const FACT_UNITS: Partial<Record<FactKind, string>> = {
  parameters: 'parameters',
  trainingCompute: 'FLOP',
  datasetSize: 'datapoints',
  hardwareQuantity: 'chips',
  trainingCost: 'USD',
};

export const FACT_LABELS: Record<FactKind, string> = {
  parameters: 'Parameters',
  trainingCompute: 'Training compute',
  datasetSize: 'Training dataset size',
  hardware: 'Training hardware',
  hardwareQuantity: 'Hardware quantity',
  trainingCost: 'Training cost',
  accessibility: 'Accessibility',
  baseModel: 'Base model',
  domain: 'Domain',
  country: 'Country',
};

export const isFactKind = (v: string): v is FactKind => (FACT_KINDS as readonly string[]).includes(v);
