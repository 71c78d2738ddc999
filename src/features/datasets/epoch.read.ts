// One read of an Epoch file as it streams: its header checked, then its rows a batch at a time,
// each checked by parseRow. The import reads the file several times and never holds it whole
// (decision 52); every read after the first must give the same text (its digest).
import { createHash } from 'node:crypto';
import type { TextChunks } from '../../platform/json-read.ts';
import { csvRowBatches } from '../../platform/text/csv-rows.ts';
import { mapColumns, type ColumnMap } from './epoch.columns.ts';
import { parseRow, type EpochRow, type RowProblem } from './epoch.parse.ts';

/**
 * Characters a read takes at a time from the file (or a text in memory): with csvRowBatches'
 * pieces of 256 kB, a few hundred rows are parsed at once, whatever the file's size.
 */
export const CHUNK_CHARS = 1 << 16;

/** The file, opened afresh for each read (the CLI opens it again, a text in memory is cut again). */
export type EpochText = () => TextChunks;

export type ParsedRow = { row: EpochRow } | { problems: RowProblem[] };

/** How a read ended: what is wrong with the file as a whole, or its header's warnings, its rows and its digest. */
export interface EpochRead {
  problem: string | null;
  warnings: string[];
  /** Data rows (the header not counted). */
  rows: number;
  /** SHA-256 of the text read; set when the read is over. */
  digest: string | null;
}

export const newRead = (): EpochRead => ({ problem: null, warnings: [], rows: 0, digest: null });

/** A file that cannot be read as an Epoch table at all. */
class NotCsv extends Error {}

/** The text's chunks as strings, hashed and checked for binary data as they pass. */
async function* checkedText(open: EpochText, hash: ReturnType<typeof createHash>, seen: { text: boolean }): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  for await (const c of open() as AsyncIterable<string | Buffer>) {
    const text = typeof c === 'string' ? c : decoder.decode(c, { stream: true });
    if (text.includes('\u0000')) throw new NotCsv('This is not a CSV file (it holds binary data).');
    seen.text ||= /\S/.test(text);
    hash.update(text);
    yield text;
  }
  const rest = decoder.decode();
  hash.update(rest);
  if (rest) yield rest;
}

/** The header's columns, or why the file is not an Epoch table. */
function header(cells: string[] | undefined): { map: ColumnMap; warnings: string[] } | string {
  if (!cells || cells.length < 2) return 'This is not an Epoch AI table: the first line must be a header row of column names, separated by commas.';
  const map = mapColumns(cells);
  if (map.missing.length) {
    const names = map.missing.map((f) => (f === 'model' ? '“Model”' : '“Publication date”')).join(' and ');
    return `This is not an Epoch AI table: it has no ${names} column.`;
  }
  return { map, warnings: map.ignored.length ? [`${map.ignored.length} column${map.ignored.length === 1 ? '' : 's'} ignored: ${map.ignored.join(', ')}.`] : [] };
}

/**
 * The file's rows, checked, in batches as they are read (row numbers count the header as 1).
 * `end` says how the read ended; when it has a problem, the rows given before it are not to be used.
 */
export async function* epochRows(open: EpochText, end: EpochRead): AsyncGenerator<ParsedRow[]> {
  Object.assign(end, newRead());
  const hash = createHash('sha256');
  const seen = { text: false };
  let map: ColumnMap | null = null;
  try {
    for await (const batch of csvRowBatches(checkedText(open, hash, seen))) {
      let from = 0;
      if (!map) {
        const h = header(batch[0]);
        if (typeof h === 'string') throw new NotCsv(seen.text ? h : 'The file is empty.');
        ({ map } = h);
        end.warnings = h.warnings;
        from = 1;
      }
      const out: ParsedRow[] = [];
      for (let i = from; i < batch.length; i++) out.push(parseRow(batch[i]!, map, ++end.rows + 1));
      yield out;
    }
  } catch (err) {
    if (err instanceof NotCsv) end.problem = err.message;
    else if ((err as { code?: string }).code?.startsWith('CSV_')) end.problem = `This is not readable CSV: ${(err as Error).message}`;
    else throw err;
    return;
  }
  if (!map) end.problem = 'The file is empty.';
  end.digest = hash.digest('hex');
}
