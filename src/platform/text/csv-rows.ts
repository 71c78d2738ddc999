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

type RecordDelimiter = '\r\n' | '\n' | '\r';

function fastRows(text: string, given?: RecordDelimiter): string[][] | typeof HAND_OVER {
  const n = text.length;
  const rows: string[][] = [];
  let record: string[] = [];
  // The record delimiter, found as csv-parse finds it: the first \r\n, \n or \r outside quotes.
  let rd: '' | RecordDelimiter = given ?? '';
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
export function csvRows(text: string, recordDelimiter?: RecordDelimiter): string[][] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // String.prototype.isWellFormed (ES2024, Node 20): the project's lib is ES2023.
  const wellFormed = (body as unknown as { isWellFormed(): boolean }).isWellFormed();
  const rows = wellFormed ? fastRows(body, recordDelimiter) : HAND_OVER;
  if (rows !== HAND_OVER) return rows;
  return parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, ...(recordDelimiter ? { record_delimiter: recordDelimiter } : {}) }) as string[][];
}

/** Characters gathered before a piece of a streamed CSV is cut and read. */
const PIECE_CHARS = 1 << 18;

/**
 * The rows of a CSV that comes in chunks, a batch at a time, never holding the whole text. The
 * text is cut just after a line feed outside quotes (an even number of quotes before it since
 * the last cut) and each piece is read by `csvRows`, so well-formed files read as one text would.
 * A file whose lines end with a lone carriage return is read whole (a line feed may sit inside
 * one of its cells). csv-parse's error on a later piece names the file's line, not the piece's.
 */
export async function* csvRowBatches(chunks: AsyncIterable<string | Buffer> | Iterable<string | Buffer>, pieceChars = PIECE_CHARS): AsyncGenerator<string[][]> {
  const decoder = new TextDecoder();
  let buf = '';
  /** Where the scan for a cut resumes, and whether that point is inside quotes. */
  let scanned = 0;
  let quoted = false;
  let lastCut = -1;
  /** The file's record delimiter (its first line ending outside quotes), every piece read with it; false: a lone \r, never cut. */
  let rd: '\n' | '\r\n' | false | null = null;
  /** Line feeds scanned, those up to the last place a cut can be made, and those before the current piece. */
  let feeds = 0;
  let feedsAtCut = 0;
  let feedsBefore = 0;
  const special = /["\r\n]/g;
  const scan = () => {
    special.lastIndex = scanned;
    for (let m = special.exec(buf); m; m = special.exec(buf)) {
      const c = buf.charCodeAt(m.index);
      if (c === LF) feeds++;
      if (c === QUOTE) quoted = !quoted;
      else if (!quoted) {
        if (rd === null) rd = c === LF ? '\n' : buf.charCodeAt(m.index + 1) === LF ? '\r\n' : false;
        if (c === LF) {
          lastCut = m.index + 1;
          feedsAtCut = feeds;
        }
      }
    }
    scanned = buf.length;
  };
  /** A piece's rows; csv-parse's error counts lines from the piece's start, and is told the file's line instead. */
  const read = (piece: string, delimiter: RecordDelimiter | undefined) => {
    try {
      return csvRows(piece, delimiter);
    } catch (err) {
      if (feedsBefore > 0 && err instanceof Error) err.message = err.message.replace(/\bline (\d+)/, (_, n: string) => `line ${Number(n) + feedsBefore}`);
      throw err;
    }
  };
  for await (const c of chunks as AsyncIterable<string | Buffer>) {
    buf += typeof c === 'string' ? c : decoder.decode(c, { stream: true });
    scan();
    if (!rd || lastCut < pieceChars) continue;
    const piece = buf.slice(0, lastCut);
    buf = buf.slice(lastCut);
    // The rest was scanned already (no line feed outside quotes in it), and `quoted` is its end's.
    scanned = buf.length;
    lastCut = -1;
    const rows = read(piece, rd);
    feedsBefore = feedsAtCut;
    if (rows.length) yield rows;
  }
  buf += decoder.decode();
  if (buf.length) {
    const rows = read(buf, rd || undefined);
    if (rows.length) yield rows;
  }
}
