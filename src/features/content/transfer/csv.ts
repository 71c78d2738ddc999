// One CSV file per entity, with a header row. Slug lists are `|`-separated; nested lists are JSON.
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { CSV_COLUMNS, type EntityList } from './transfer.schema.ts';
import type { PlainRecord } from './records.ts';

// A cell a spreadsheet would read as a formula gets a leading single quote (OWASP CSV injection).
// Cells already starting with quotes before such a character get one more, so that the import
// strips exactly one quote and every value comes back as it was.
const FORMULA = /^'*[=+\-@\t\r]/;
const NEUTRALISED = /^'+[=+\-@\t\r]/;
const neutralise = (cell: string) => (FORMULA.test(cell) ? `'${cell}` : cell);
const restore = (cell: string) => (NEUTRALISED.test(cell) ? cell.slice(1) : cell);

export function toCsv(entity: EntityList, records: PlainRecord[]): string {
  const columns = CSV_COLUMNS[entity];
  const rows = records.map((r) =>
    Object.entries(columns).map(([name, kind]) => {
      const v = r[name];
      if (v === null || v === undefined) return '';
      if (kind === 'list' && Array.isArray(v)) return v.join('|');
      if (kind === 'json') return JSON.stringify(v);
      return String(v);
    }),
  );
  return stringify([Object.keys(columns), ...rows.map((cells) => cells.map(neutralise))]);
}

export interface CsvProblem {
  row: number;
  field: string;
  message: string;
}

/** Records of one entity from CSV text; row numbers count the header as row 1. */
export function fromCsv(entity: EntityList, text: string): { records: Record<string, unknown>[]; problems: CsvProblem[] } {
  const columns = CSV_COLUMNS[entity];
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: false });
  } catch (err) {
    return { records: [], problems: [{ row: 0, field: 'file', message: `This is not readable CSV: ${(err as Error).message}` }] };
  }
  const [header, ...body] = rows;
  if (!header) return { records: [], problems: [{ row: 1, field: 'file', message: 'The file is empty: it needs a header row.' }] };
  const unknown = header.filter((h) => !(h in columns));
  // Columns added later (edtf, aliases) may be missing from older files.
  const missing = Object.keys(columns).filter((c) => c !== 'edtf' && c !== 'aliases' && !header.includes(c));
  const problems: CsvProblem[] = [];
  if (unknown.length) problems.push({ row: 1, field: 'header', message: `Unknown column${unknown.length > 1 ? 's' : ''} for ${entity}: ${unknown.join(', ')}.` });
  if (missing.length) problems.push({ row: 1, field: 'header', message: `Missing column${missing.length > 1 ? 's' : ''} for ${entity}: ${missing.join(', ')}.` });
  if (problems.length) return { records: [], problems };
  const records = body.map((cells, i) => {
    const record: Record<string, unknown> = {};
    header.forEach((name, c) => {
      const cell = restore(cells[c] ?? '');
      const kind = columns[name];
      if (kind === 'list') record[name] = cell.split('|').map((s) => s.trim()).filter(Boolean);
      else if (kind === 'json') {
        try {
          record[name] = cell.trim() === '' ? [] : JSON.parse(cell);
        } catch {
          problems.push({ row: i + 2, field: name, message: `The ${name} column holds JSON, e.g. [] or [{"source":"…","quote":null}].` });
        }
      } else record[name] = cell;
    });
    return record;
  });
  return { records, problems };
}
