import type { Db } from '../../../platform/db.ts';
import { toCsv } from './csv.ts';
import { allPages, pagesOf, TRANSFER_PAGE } from '../../../platform/batches.ts';
import { rowsToRecords, sourceKeys, type Json, type PlainRecord, type Records } from './records.ts';
import { loadAll, NO_ROWS, readers, type AllRows } from './transfer.repo.ts';
import { ENTITY_LISTS, type EntityList } from './transfer.schema.ts';

export const EXPORT_FORMAT = 'timeline-export';
export const EXPORT_VERSION = 1;

export type ExportBundle = { format: typeof EXPORT_FORMAT; version: typeof EXPORT_VERSION; exportedAt: string } & Records;

/** Everything, as plain records referring to each other by slug (and sources by key). */
export async function exportAll(db: Db, now: Date): Promise<ExportBundle> {
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: now.toISOString(), ...rowsToRecords(await loadAll(db)) };
}

export async function exportCsv(db: Db, entity: EntityList): Promise<string> {
  let text = '';
  for await (const chunk of exportCsvStream(db, entity)) text += chunk;
  return text;
}

/** Every source's key (sources have no slug), from a light read of all sources. */
async function allSourceKeys(db: Db): Promise<Map<number, string>> {
  return sourceKeys(await allPages((after, take) => db.source.findMany({ where: { id: { gt: after } }, select: { id: true, publisher: true, title: true }, orderBy: { id: 'asc' }, take })));
}

/** The records of one entity, a keyset page at a time: memory stays bounded by the page size. */
export async function* recordPages(db: Db, entity: EntityList, keys?: Map<number, string>): AsyncGenerator<PlainRecord[]> {
  const sourceKeyMap = keys ?? (await allSourceKeys(db));
  const read = readers[entity](db) as (after: number, take: number) => Promise<{ id: number }[]>;
  for await (const page of pagesOf(read, TRANSFER_PAGE)) {
    yield rowsToRecords({ ...NO_ROWS, [entity]: page } as AllRows, sourceKeyMap)[entity] as PlainRecord[];
  }
}

/** One entity's CSV, header first, then a chunk of text per page. */
export async function* exportCsvStream(db: Db, entity: EntityList): AsyncGenerator<string> {
  yield toCsv(entity, [], true);
  for await (const records of recordPages(db, entity)) yield toCsv(entity, records, false);
}

const indent = (text: string) => text.replace(/\n/g, '\n    ');

/**
 * The JSON export as text chunks, the same text as `JSON.stringify(bundle, null, 2)` (plus the
 * fields of `tail`, written last), written page by page so that 100,000 events never sit in
 * memory at once.
 */
export async function* exportJsonStream(db: Db, now: Date, tail: Record<string, () => Promise<Json>> = {}): AsyncGenerator<string> {
  const keys = await allSourceKeys(db);
  yield `{\n  "format": ${JSON.stringify(EXPORT_FORMAT)},\n  "version": ${EXPORT_VERSION},\n  "exportedAt": ${JSON.stringify(now.toISOString())}`;
  for (const entity of ENTITY_LISTS) {
    yield `,\n  ${JSON.stringify(entity)}: [`;
    let first = true;
    for await (const records of recordPages(db, entity, keys)) {
      let chunk = '';
      for (const r of records) {
        chunk += `${first ? '' : ','}\n    ${indent(JSON.stringify(r, null, 2))}`;
        first = false;
      }
      yield chunk;
    }
    yield first ? ']' : '\n  ]';
  }
  for (const [name, value] of Object.entries(tail)) yield `,\n  ${JSON.stringify(name)}: ${JSON.stringify(await value(), null, 2).replace(/\n/g, '\n  ')}`;
  yield '\n}\n';
}
