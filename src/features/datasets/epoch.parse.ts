// One Epoch row, checked: numbers, dates, organizations and links as Timeline records need them.
import { parseFuzzyDate } from '../dates/index.ts';
import { cell, type ColumnMap } from './epoch.columns.ts';

export interface EpochRow {
  row: number;
  model: string;
  date: string;
  organizations: string[];
  links: string[];
  abstract: string;
  parameters: number | null;
  trainingCompute: number | null;
  datasetSize: number | null;
  hardware: string;
  hardwareQuantity: number | null;
  trainingCost: number | null;
  accessibility: string;
  baseModel: string;
  domain: string;
  country: string;
  confidence: string;
}

export interface RowProblem {
  row: number;
  field: string;
  message: string;
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/** "3.76e+24", "180000000000.0", "1,024" -> numbers; "" -> null; anything else -> an error. */
export function parseNumber(text: string): { value: number | null } | { error: string } {
  const t = text.trim().replace(/(?<=\d),(?=\d{3}\b)/g, '');
  if (t === '') return { value: null };
  if (!NUMBER.test(t)) return { error: `“${text.slice(0, 40)}” is not a number.` };
  const value = Number(t);
  if (!Number.isFinite(value) || value < 0) return { error: `“${text.slice(0, 40)}” is not a usable count.` };
  return { value };
}

/** A calendar day, month or year as Epoch writes it (2023-03-15). */
export function checkDate(text: string): string | null {
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(text)) return `“${text.slice(0, 40)}” is not a date: write it as YYYY-MM-DD.`;
  const [y, m, d] = text.split('-').map(Number) as [number, number?, number?];
  if (m !== undefined && (m < 1 || m > 12)) return `“${text}” is not a date: there is no month ${m}.`;
  if (d !== undefined) {
    const days = new Date(Date.UTC(y, m!, 0)).getUTCDate();
    if (d < 1 || d > days) return `“${text}” is not a date: that month has ${days} days.`;
  }
  try {
    parseFuzzyDate(text);
  } catch (err) {
    return (err as Error).message;
  }
  return null;
}

/** Several links separated by new lines or "; " (a bare ";" can sit inside a URL). */
export function splitLinks(text: string): string[] {
  return [...new Set(text.split(/\s*[\r\n]+\s*|;\s+/).map((s) => s.trim()).filter((s) => /^https?:\/\/\S+$/i.test(s)))];
}

export const splitOrganizations = (text: string): string[] => [...new Set(text.split(',').map((s) => s.trim()).filter(Boolean))];

/** At most `max` characters, cut at a word boundary with an ellipsis. */
export function truncateAtWord(text: string, max: number): string {
  const t = text.trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  const space = cut.search(/\s\S*$/);
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

const MAX_NAME = 200;

/**
 * The text copied out of the string it was cut from. A CSV cell is a slice of the piece of the
 * file it was read from, and keeps that piece alive while any record or key holds it: the
 * import would hold the whole file by the end.
 */
const own = (s: string) => (' ' + s).slice(1);

export function parseRow(cells: string[], map: ColumnMap, row: number): { row: EpochRow } | { problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const get = (f: Parameters<typeof cell>[2]) => own(cell(cells, map, f));
  const model = get('model').replace(/\s+/g, ' ');
  if (!model) problems.push({ row, field: 'Model', message: 'The model name is missing.' });
  else if (model.length > MAX_NAME) problems.push({ row, field: 'Model', message: `The model name is longer than ${MAX_NAME} characters.` });
  const date = get('date');
  if (!date) problems.push({ row, field: 'Publication date', message: 'The publication date is missing: an event needs a date.' });
  else {
    const bad = checkDate(date);
    if (bad) problems.push({ row, field: 'Publication date', message: bad });
  }
  const num = (field: 'parameters' | 'trainingCompute' | 'datasetSize' | 'hardwareQuantity' | 'trainingCost', label: string) => {
    const r = parseNumber(get(field));
    if ('error' in r) {
      problems.push({ row, field: label, message: r.error });
      return null;
    }
    return r.value;
  };
  const parsed = {
    parameters: num('parameters', 'Parameters'),
    trainingCompute: num('trainingCompute', 'Training compute (FLOP)'),
    datasetSize: num('datasetSize', 'Training dataset size'),
    hardwareQuantity: num('hardwareQuantity', 'Hardware quantity'),
    trainingCost: num('trainingCost', 'Training compute cost (2023 USD)'),
  };
  if (problems.length) return { problems };
  return {
    row: {
      row,
      model,
      date,
      organizations: splitOrganizations(get('organization')),
      links: splitLinks(get('link')),
      abstract: get('abstract'),
      ...parsed,
      hardware: get('hardware').slice(0, 1000),
      accessibility: get('accessibility').slice(0, 1000),
      baseModel: get('baseModel').slice(0, MAX_NAME),
      domain: get('domain').slice(0, 1000),
      country: get('country').slice(0, 1000),
      confidence: get('confidence').slice(0, 100),
    },
  };
}
