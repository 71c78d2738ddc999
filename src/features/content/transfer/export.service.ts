import type { Db } from '../../../platform/db.ts';
import { toCsv } from './csv.ts';
import { rowsToRecords, type PlainRecord, type Records } from './records.ts';
import { loadAll } from './transfer.repo.ts';
import type { EntityList } from './transfer.schema.ts';

export const EXPORT_FORMAT = 'timeline-export';
export const EXPORT_VERSION = 1;

export type ExportBundle = { format: typeof EXPORT_FORMAT; version: typeof EXPORT_VERSION; exportedAt: string } & Records;

/** Everything, as plain records referring to each other by slug (and sources by key). */
export async function exportAll(db: Db, now: Date): Promise<ExportBundle> {
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: now.toISOString(), ...rowsToRecords(await loadAll(db)) };
}

export async function exportCsv(db: Db, entity: EntityList): Promise<string> {
  const records = rowsToRecords(await loadAll(db))[entity] as PlainRecord[];
  return toCsv(entity, records);
}
