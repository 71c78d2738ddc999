// Reads a JSON file of one object whose lists may hold 100,000 records (the export), from its text
// or from a stream of it, without one long JSON.parse (decision 40): the object's own structure
// and its lists' separators are scanned here, each member and each list item is parsed alone by
// JSON.parse, and the event loop gets a turn every ITEMS_PER_TURN items and every chunk. The
// whole text is never needed at once: a file streamed from disk is held one chunk at a time.

import fs from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

/** A file that is not JSON, is cut short, or holds something else than one object. */
export class JsonReadError extends Error {}

export type TextChunks = Iterable<string | Buffer> | AsyncIterable<string | Buffer>;

/** Largest member or list item (a record of the export is a few kB). */
export const MAX_ITEM_CHARS = 4 * 1024 * 1024;
const ITEMS_PER_TURN = 500;
const CHUNK_CHARS = 1024 * 1024;

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * A file's text in chunks of about CHUNK_CHARS, read synchronously: a command that reads a file
 * several times (the Epoch import) would pay a stream's start each time, about 20 ms cold for a
 * few hundred kB. Blocks the event loop about a millisecond a chunk: for commands, not the server.
 */
export function* fileChunks(path: string, size = CHUNK_CHARS): Generator<string> {
  const fd = fs.openSync(path, 'r');
  try {
    const buf = Buffer.alloc(size);
    const decoder = new StringDecoder('utf8');
    for (let n = fs.readSync(fd, buf, 0, size, null); n > 0; n = fs.readSync(fd, buf, 0, size, null)) yield decoder.write(buf.subarray(0, n));
    const rest = decoder.end();
    if (rest) yield rest;
  } finally {
    fs.closeSync(fd);
  }
}

/** A string as chunks, so that a text already in memory is read as a stream is. */
export function* chunksOf(text: string, size = CHUNK_CHARS): Generator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

export type JsonEntry =
  | { kind: 'value'; key: string; value: unknown }
  | { kind: 'list'; key: string }
  | { kind: 'item'; key: string; index: number; value: unknown };

const WS = new Set([0x20, 0x0a, 0x0d, 0x09]);

/**
 * The object's members in file order: a list member as `list` then one `item` per element (parsed
 * alone), any other member as `value`. Throws JsonReadError with a message for the person who
 * sent the file.
 */
export async function* jsonEntries(chunks: TextChunks): AsyncGenerator<JsonEntry> {
  const decoder = new TextDecoder('utf-8', { fatal: false });
  let buf = '';
  let pos = 0;
  /** Characters dropped from the front of buf, for positions in messages. */
  let offset = 0;
  let eof = false;
  let started = false;
  type State = 'start' | 'key-or-end' | 'key' | 'colon' | 'value' | 'item-or-end' | 'item' | 'after-item' | 'after-value' | 'done';
  let state: State = 'start';
  let key = '';
  let index = 0;
  let sinceTurn = 0;

  const fail = (what: string): never => {
    throw new JsonReadError(`This is not valid JSON: ${what}.`);
  };
  const unexpected = (at: number): never =>
    fail(`unexpected ${JSON.stringify(buf[at])} at character ${offset + at + 1} (${expecting[state]})`);
  const expecting: Record<State, string> = {
    start: 'expected “{”',
    'key-or-end': 'expected a field name in quotes or “}”',
    key: 'expected a field name in quotes',
    colon: 'expected “:”',
    value: 'expected a value',
    'item-or-end': 'expected a list item or “]”',
    item: 'expected a list item',
    'after-item': 'expected “,” or “]”',
    'after-value': 'expected “,” or “}”',
    done: 'nothing may follow the object',
  };
  const skipWs = () => {
    while (pos < buf.length && WS.has(buf.charCodeAt(pos))) pos++;
    return pos < buf.length;
  };
  /** End (exclusive) of the JSON string starting at `from` (a quote), or -1 if buf ends first. */
  const stringEnd = (from: number): number => {
    let i = from + 1;
    for (;;) {
      const q = buf.indexOf('"', i);
      if (q < 0) return -1;
      let slashes = 0;
      for (let j = q - 1; buf.charCodeAt(j) === 0x5c; j--) slashes++;
      if (slashes % 2 === 0) return q + 1;
      i = q + 1;
    }
  };
  /** End (exclusive) of the value starting at `from`, or -1 if buf ends before it does. */
  const valueEnd = (from: number): number => {
    const c = buf.charCodeAt(from);
    if (c === 0x22) return stringEnd(from);
    if (c === 0x7b || c === 0x5b) {
      let depth = 0;
      for (let i = from; i < buf.length; i++) {
        const ch = buf.charCodeAt(i);
        if (ch === 0x22) {
          const e = stringEnd(i);
          if (e < 0) return -1;
          i = e - 1;
        } else if (ch === 0x7b || ch === 0x5b) depth++;
        else if (ch === 0x7d || ch === 0x5d) {
          if (--depth === 0) return i + 1;
        }
      }
      return -1;
    }
    let i = from;
    while (i < buf.length) {
      const ch = buf.charCodeAt(i);
      if (ch === 0x2c || ch === 0x5d || ch === 0x7d || WS.has(ch)) return i;
      i++;
    }
    return eof ? i : -1;
  };
  const parse = (from: number, to: number, where: string): unknown => {
    try {
      return JSON.parse(buf.slice(from, to));
    } catch (err) {
      const m = /at position (\d+)/.exec((err as Error).message);
      const at = m ? ` at character ${offset + from + Number(m[1]) + 1}` : '';
      return fail(`${(err as Error).message.replace(/ in JSON at position \d+.*$| at position \d+.*$/s, '')}${at} (${where})`);
    }
  };
  /** The value at pos if buf holds all of it: [value] and pos moved past it; null to wait for more. */
  const takeValue = (where: string): [unknown] | null => {
    const end = valueEnd(pos);
    if ((end < 0 ? buf.length : end) - pos > MAX_ITEM_CHARS) fail(`${where} is longer than ${MAX_ITEM_CHARS / 1024 / 1024} MB`);
    if (end < 0) return null;
    const value = parse(pos, end, where);
    pos = end;
    return [value];
  };

  const source: AsyncIterator<string | Buffer> | Iterator<string | Buffer> =
    Symbol.asyncIterator in chunks ? (chunks as AsyncIterable<string | Buffer>)[Symbol.asyncIterator]() : (chunks as Iterable<string | Buffer>)[Symbol.iterator]();
  for (;;) {
    const next = await source.next();
    if (next.done) {
      eof = true;
      buf = buf.slice(pos) + decoder.decode();
    } else {
      const text = typeof next.value === 'string' ? next.value : decoder.decode(next.value, { stream: true });
      buf = buf.slice(pos) + text;
    }
    offset += pos;
    pos = 0;
    if (!started && buf.length) {
      if (buf.charCodeAt(0) === 0xfeff) buf = buf.slice(1);
      started = true;
    }
    for (;;) {
      if (!skipWs()) break;
      const ch = buf[pos]!;
      if (state === 'start') {
        if (ch === '{') {
          pos++;
          state = 'key-or-end';
        } else if ('["-0123456789tfn'.includes(ch)) throw new JsonReadError('The JSON file must hold one object, as written by the export.');
        else unexpected(pos);
      } else if (state === 'key-or-end' || state === 'key') {
        if (ch === '}' && state === 'key-or-end') {
          pos++;
          state = 'done';
        } else if (ch === '"') {
          const end = stringEnd(pos);
          if (end < 0) {
            if (buf.length - pos > MAX_ITEM_CHARS) fail('a field name is too long');
            break;
          }
          key = parse(pos, end, 'a field name') as string;
          pos = end;
          state = 'colon';
        } else unexpected(pos);
      } else if (state === 'colon') {
        if (ch !== ':') unexpected(pos);
        pos++;
        state = 'value';
      } else if (state === 'value') {
        if (ch === '[') {
          pos++;
          index = 0;
          state = 'item-or-end';
          yield { kind: 'list', key };
        } else {
          if ('}],:'.includes(ch)) unexpected(pos);
          const got = takeValue(`“${key.slice(0, 40)}”`);
          if (!got) break;
          state = 'after-value';
          yield { kind: 'value', key, value: got[0] };
        }
      } else if (state === 'item-or-end' || state === 'item') {
        if (ch === ']' && state === 'item-or-end') {
          pos++;
          state = 'after-value';
        } else {
          if ('}],:'.includes(ch)) unexpected(pos);
          const got = takeValue(`“${key.slice(0, 40)}”, item ${index + 1}`);
          if (!got) break;
          state = 'after-item';
          yield { kind: 'item', key, index: index++, value: got[0] };
          if (++sinceTurn >= ITEMS_PER_TURN) {
            sinceTurn = 0;
            await turn();
          }
        }
      } else if (state === 'after-item') {
        if (ch === ',') state = 'item';
        else if (ch === ']') state = 'after-value';
        else unexpected(pos);
        pos++;
      } else if (state === 'after-value') {
        if (ch === ',') state = 'key';
        else if (ch === '}') state = 'done';
        else unexpected(pos);
        pos++;
      } else unexpected(pos);
    }
    if (eof) break;
    await turn();
  }
  if (state === 'start' && !buf.trim()) throw new JsonReadError('The file is empty.');
  if (state !== 'done') fail('the file ends before the JSON does (is it cut short?)');
}

/** The object as JSON.parse would give it, read by jsonEntries. */
export async function readJsonObject(chunks: TextChunks): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  // As JSON.parse does: "__proto__" is a field, not the object's prototype.
  const set = (key: string, value: unknown) => Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  for await (const e of jsonEntries(chunks)) {
    if (e.kind === 'value') set(e.key, e.value);
    else if (e.kind === 'list') set(e.key, []);
    else (out[e.key] as unknown[]).push(e.value);
  }
  return out;
}
