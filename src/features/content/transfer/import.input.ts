// What an import reads from (decision 44): segments of at most SEGMENT_ROWS rows of one list, in
// file order, and as many times as the import needs. A file is read twice (the check, then the
// write) and never held whole: a JSON text comes again from its source (the CLI opens the file
// again, a text in memory is cut again), and only one segment's rows are in memory at a time.
import { createHash } from 'node:crypto';
import { JsonReadError, chunksOf, jsonEntries, type TextChunks } from '../../../platform/json-read.ts';
import { EXPORT_FORMAT } from './export.service.ts';
import { ENTITY_LISTS, type EntityList } from './transfer.schema.ts';

export type RawRow = { row: number; value: unknown };
export type Raw = Partial<Record<EntityList, RawRow[]>>;

export interface Segment {
  entity: EntityList;
  rows: RawRow[];
}

/** Rows of one list read, checked and written together (and the held rows read for them). */
export const SEGMENT_ROWS = 500;

/** How one read of the input ended: a problem with the file as a whole, the extra lists, a digest of what was read. */
export interface ReadEnd {
  problem: string | null;
  extra: Record<string, unknown[]>;
  /** Of the bytes read (a JSON text); the same for every read of an unchanged file. */
  digest: string | null;
}

export interface ImportInput {
  /** Segments in file order (`only`: that list's alone); `end` is filled when the read is over. */
  segments(end: ReadEnd, only?: EntityList): AsyncGenerator<Segment>;
  /** Rows in all, when known before reading (rows in memory). */
  total: number | null;
  /** The rows are in memory already: the check keeps each row's checked record for the write, which does not check it again. */
  inMemory: boolean;
  /**
   * Segments of different lists alternate (a dataset converted row by row: a few rows' sources,
   * then their events), each naming only records of earlier segments or of the database; read
   * in that order, never once per list.
   */
  interleaved?: boolean;
  /**
   * Records of a text read as it streams that the check may keep for the write, so that a small
   * file is read once: past this many the check keeps none and the write reads the text again.
   */
  keepUpTo?: number;
}

/** Top-level fields of the export besides its lists; `facts` is read by importWithFacts (facts.transfer.ts). */
const FIELDS = ['format', 'version', 'exportedAt', 'licence', 'facts'];

/** What is wrong with the top-level fields of a JSON file, in the order it is told. */
export function topLevelProblem(keys: string[], obj: Record<string, unknown>, lists: Set<string>): string | null {
  const unknown = keys.filter((k) => ![...FIELDS, ...ENTITY_LISTS].includes(k));
  if (unknown.length) return `Unknown top-level field${unknown.length > 1 ? 's' : ''}: ${unknown.map((k) => `"${k.slice(0, 40)}"`).join(', ')}.`;
  if (obj.format !== undefined && obj.format !== EXPORT_FORMAT) return `"format" must be "${EXPORT_FORMAT}".`;
  if (obj.version !== undefined && obj.version !== 1) return 'This file was written by a newer version of Timeline (version must be 1).';
  const notList = ENTITY_LISTS.find((e) => keys.includes(e) && !lists.has(e));
  return notList ? `"${notList}" must be a list.` : null;
}

/** Rows already in memory (a CSV file, a converted dataset, a parsed object), in the lists' order. */
export function rowsInput(raw: Raw, segmentRows = SEGMENT_ROWS): ImportInput {
  return {
    total: ENTITY_LISTS.reduce((n, e) => n + (raw[e]?.length ?? 0), 0),
    inMemory: true,
    async *segments(end, only) {
      Object.assign(end, { problem: null, extra: {}, digest: null } satisfies ReadEnd);
      for (const entity of ENTITY_LISTS) {
        if (only && entity !== only) continue;
        const rows = raw[entity] ?? [];
        for (let i = 0; i < rows.length; i += segmentRows) yield { entity, rows: rows.slice(i, i + segmentRows) };
      }
    },
  };
}

/**
 * A JSON text that can be read again: `open` gives its chunks afresh each time (a file opened
 * again, a string cut again). `extra` names lists kept whole (the facts).
 */
export function jsonInput(open: () => TextChunks, extra: readonly string[] = [], segmentRows = SEGMENT_ROWS): ImportInput {
  return {
    total: null,
    inMemory: false,
    async *segments(end, only) {
      Object.assign(end, { problem: null, extra: {}, digest: null } satisfies ReadEnd);
      const hash = createHash('sha256');
      const digested = (async function* () {
        for await (const c of open() as AsyncIterable<string | Buffer>) {
          hash.update(c);
          yield c;
        }
      })();
      const fields: Record<string, unknown> = {};
      const keys: string[] = [];
      const lists = new Set<string>();
      let seg: Segment | null = null;
      try {
        for await (const e of jsonEntries(digested)) {
          if (e.kind === 'item') {
            if (extra.includes(e.key)) {
              end.extra[e.key]!.push(e.value);
              continue;
            }
            if (!(ENTITY_LISTS as readonly string[]).includes(e.key) || (only && e.key !== only)) continue;
            if (!seg || seg.entity !== e.key || seg.rows.length >= segmentRows) {
              if (seg?.rows.length) yield seg;
              seg = { entity: e.key as EntityList, rows: [] };
            }
            seg.rows.push({ row: e.index + 1, value: e.value });
            continue;
          }
          keys.push(e.key);
          if (e.kind === 'value') {
            if (FIELDS.includes(e.key)) fields[e.key] = e.value;
            continue;
          }
          lists.add(e.key);
          if (extra.includes(e.key)) end.extra[e.key] = [];
        }
        if (seg?.rows.length) yield seg;
      } catch (err) {
        if (!(err instanceof JsonReadError)) throw err;
        end.problem = err.message;
        return;
      }
      end.problem = topLevelProblem(keys, fields, lists);
      // A `facts` that is not a list is told by importWithFacts.
      for (const k of extra) if (!(k in end.extra) && k in fields) end.extra[k] = fields[k] as unknown[];
      end.digest = hash.digest('hex');
    },
  };
}

/** A JSON text in memory, read as a stream is. */
export const jsonTextInput = (text: string, extra: readonly string[] = [], segmentRows = SEGMENT_ROWS) => jsonInput(() => chunksOf(text), extra, segmentRows);
