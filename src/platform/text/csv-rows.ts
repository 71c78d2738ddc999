// The rows of a CSV text as csv-parse gives them with { bom, skip_empty_lines, relax_column_count },
// read in one pass with indexOf inside quoted cells. csv-parse took 28–60 ms for the 372 kB Epoch
// sample (it walks the text byte by byte through a resizable buffer, warm or cold alike); this
// reader takes a few. Anything csv-parse would refuse (a quote left open, a quote inside a bare
// cell, text after a closing quote) or read differently (a string that is not well-formed UTF-16,
// which csv-parse reads as UTF-8 bytes) is handed to csv-parse itself, so its rows and its error
// messages stay the ones the import gives.
import { parse } from 'csv-parse/sync';

const QUOTE = 34;
const COMMA = 44;
const CR = 13;
const LF = 10;
/** What can end a bare cell or make it csv-parse's: a comma, a line ending, a quote. */
const SPECIAL = /[",\r\n]/g;

/** Not read here: csv-parse decides (its rows, or its error). */
const HAND_OVER = Symbol('hand over');

function fastRows(text: string): string[][] | typeof HAND_OVER {
  const n = text.length;
  const rows: string[][] = [];
  let record: string[] = [];
  // The record delimiter, found as csv-parse finds it: the first \r\n, \n or \r outside quotes.
  let rd: '' | '\r\n' | '\n' | '\r' = '';
  /** Length of the record delimiter at `at`, discovering it on the first line ending; 0 when there is none. */
  const delimiterAt = (at: number): number => {
    const c = text.charCodeAt(at);
    if (c !== CR && c !== LF) return 0;
    if (rd === '') rd = c === LF ? '\n' : text.charCodeAt(at + 1) === LF ? '\r\n' : '\r';
    if (rd === '\n') return c === LF ? 1 : 0;
    if (rd === '\r') return c === CR ? 1 : 0;
    return c === CR && text.charCodeAt(at + 1) === LF ? 2 : 0;
  };
  let pos = 0;
  // Each turn reads one cell, starting at `pos`, and what ends it: a comma, the record delimiter or the end.
  for (;;) {
    let value: string;
    // A quoted cell (however empty) always makes a record; an empty line does not (skip_empty_lines).
    let quoted = false;
    if (pos < n && text.charCodeAt(pos) === QUOTE) {
      quoted = true;
      value = '';
      let from = pos + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q < 0) return HAND_OVER;
        if (q + 1 < n && text.charCodeAt(q + 1) === QUOTE) {
          value += text.slice(from, q + 1);
          from = q + 2;
          continue;
        }
        value += text.slice(from, q);
        pos = q + 1;
        break;
      }
    } else {
      // A bare cell: found by a regular expression (compiled to machine code) rather than a loop
      // over its characters, which runs in the interpreter on a cold start.
      const start = pos;
      for (;;) {
        SPECIAL.lastIndex = pos;
        pos = SPECIAL.exec(text)?.index ?? n;
        if (pos >= n) break;
        const c = text.charCodeAt(pos);
        if (c === COMMA || ((c === CR || c === LF) && delimiterAt(pos))) break;
        if (c === QUOTE) return HAND_OVER;
        // A line ending that is not the record delimiter is part of the cell.
        pos++;
      }
      value = text.slice(start, pos);
    }
    const ends = pos >= n;
    if (!ends && text.charCodeAt(pos) === COMMA) {
      record.push(value);
      pos++;
      continue;
    }
    const d = ends ? 0 : delimiterAt(pos);
    if (!ends && d === 0) return HAND_OVER;
    if (quoted || record.length || value !== '') {
      record.push(value);
      rows.push(record);
      record = [];
    }
    if (ends) return rows;
    pos += d;
  }
}

/**
 * The rows of a CSV text, each a list of its cells as text (rows may differ in length), empty
 * lines skipped, a leading byte-order mark dropped. Throws csv-parse's error on a text it refuses.
 */
export function csvRows(text: string): string[][] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // String.prototype.isWellFormed (ES2024, Node 20): the project's lib is ES2023.
  const wellFormed = (body as unknown as { isWellFormed(): boolean }).isWellFormed();
  const rows = wellFormed ? fastRows(body) : HAND_OVER;
  if (rows !== HAND_OVER) return rows;
  return parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true }) as string[][];
}
