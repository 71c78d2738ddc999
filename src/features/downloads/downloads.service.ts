// Public downloads (docs/decisions/0035): the current data as JSON and one CSV per entity, built
// by the export code, with the licence line and the date the data last changed. Only public
// records go out: the export holds no accounts, sessions, audit log or webhooks.
import { ENTITY_LISTS, exportCsvStream, exportWithFactsStream, type EntityList } from '../content/index.ts';
import { DATA_LICENCE, exportTimelineJs } from '../datasets/index.ts';
import type { Db } from '../../platform/db.ts';

export interface DataStamp {
  /** The content version: changes whenever content does (the ETag). */
  version: number;
  /** When the data last changed (falls back to `now` before any write). */
  changedAt: Date;
}

export async function dataStamp(db: Db, now: Date): Promise<DataStamp> {
  const row = await db.contentVersion.findUnique({ where: { id: 1 }, select: { version: true, updatedAt: true } });
  return { version: row?.version ?? 0, changedAt: row?.updatedAt ?? now };
}

const DESCRIPTIONS: Record<EntityList, string> = {
  organizations: 'Companies, labs and institutes, with their aliases.',
  subjects: 'Models, products and hardware, with their organizations.',
  tags: 'Tags on events.',
  sources: 'Every source cited, with its discrepancies.',
  events: 'Things that happened, with fuzzy dates, organizations, subjects, tags and sources.',
  milestones: 'Claims about the future, their windows and outcomes.',
};

export interface DownloadFile {
  name: string;
  url: string;
  format: string;
  description: string;
}

export function downloadList(): DownloadFile[] {
  return [
    { name: 'timeline.json', url: '/downloads/timeline.json', format: 'JSON', description: 'Everything in one file (records by slug, sources by key, subject facts), importable with npm run import.' },
    ...ENTITY_LISTS.map((e) => ({ name: `${e}.csv`, url: `/downloads/${e}.csv`, format: 'CSV', description: DESCRIPTIONS[e] })),
    { name: 'timelinejs.json', url: '/downloads/timelinejs.json', format: 'TimelineJS JSON', description: 'The events as a TimelineJS (Knight Lab) timeline.' },
  ];
}

export const isEntityList = (v: string): v is EntityList => (ENTITY_LISTS as readonly string[]).includes(v);

/** The JSON export with the licence and the facts, as text chunks (memory flat whatever the size). */
export function jsonDownload(db: Db, stamp: DataStamp): AsyncGenerator<string> {
  return exportWithFactsStream(db, stamp.changedAt, { licence: DATA_LICENCE });
}

export const csvDownload = (db: Db, entity: EntityList): AsyncGenerator<string> => exportCsvStream(db, entity);

export async function* timelineJsDownload(db: Db, stamp: DataStamp): AsyncGenerator<string> {
  yield `${JSON.stringify(await exportTimelineJs(db, stamp.changedAt, DATA_LICENCE))}\n`;
}

export { DATA_LICENCE };
