// What the database holds, as an import needs it (decision 44): organizations, subjects and tags
// whole (few by nature: the alias check and the names in searchText need them all), the keys of
// sources, events and milestones, and the full rows of one segment's records when they are compared.
import type { Db } from '../../../platform/db.ts';
import { allPages, TRANSFER_PAGE } from '../../../platform/batches.ts';
import { sourceInclude } from '../content.repo.ts';
import { comparableExport, rowsToRecords, sourceKeys, type PlainRecord, type Records } from './records.ts';
import { eventsBySlug, fullMilestone, keyReaders, nameReaders, NO_ROWS, type HeldOrganization, type HeldSubject, type HeldTag, type RecordRows } from './transfer.repo.ts';
import type { EntityList } from './transfer.schema.ts';

export const ptKey = (s: { publisher: string; title: string }) => `${s.publisher}\u0000${s.title}`;

export interface HeldKeys {
  organizations: HeldOrganization[];
  subjects: HeldSubject[];
  tags: HeldTag[];
  /** Every source's export key, by id. */
  sourceKey: Map<number, string>;
  sourceByPt: Map<string, number>;
  sourceByKey: Map<string, number>;
  eventId: Map<string, number>;
  milestoneId: Map<string, number>;
}

/** A held record as the export writes it (without the fields an import does not compare), with its id. */
export interface HeldRecord {
  id: number;
  rec: PlainRecord;
}

/** Where the held rows come from: the database (read per segment) or rows the caller read whole. */
export interface HeldSource {
  keys(db: Db): Promise<HeldKeys>;
  /** The held records of one list named by `keys` (slugs; for sources, publisher and title: ptKey), by key. */
  records(db: Db, entity: EntityList, keys: string[], held: HeldKeys): Promise<Map<string, HeldRecord>>;
}

function keysOf(rows: Pick<RecordRows, 'organizations' | 'subjects' | 'tags'>, sources: { id: number; publisher: string; title: string }[], events: { id: number; slug: string }[], milestones: { id: number; slug: string }[]): HeldKeys {
  const sourceKey = sourceKeys(sources);
  return {
    organizations: rows.organizations,
    subjects: rows.subjects,
    tags: rows.tags,
    sourceKey,
    sourceByPt: new Map(sources.map((s) => [ptKey(s), s.id])),
    sourceByKey: new Map([...sourceKey].map(([id, k]) => [k, id])),
    eventId: new Map(events.map((e) => [e.slug, e.id])),
    milestoneId: new Map(milestones.map((m) => [m.slug, m.id])),
  };
}

/** The key a record of `entity` is found by: its slug, or for a source its publisher and title. */
export const keyOfRecord = (entity: EntityList, r: unknown): string =>
  entity === 'sources' ? ptKey(r as { publisher: string; title: string }) : String((r as { slug: string }).slug);

/** Records of `entity` by key, each with the id of its row (`rows`, in the same order). */
function byKey(entity: EntityList, rows: { id: number }[], records: PlainRecord[]): Map<string, HeldRecord> {
  return new Map(records.map((r, i) => [keyOfRecord(entity, r), { id: rows[i]!.id, rec: comparableExport(entity, r) }]));
}

/** The held rows of the database, read per segment. */
export const databaseHeld: HeldSource = {
  async keys(db) {
    const [organizations, subjects, tags, sources, events, milestones] = await Promise.all([
      allPages(nameReaders.organizations(db)),
      allPages(nameReaders.subjects(db)),
      allPages(nameReaders.tags(db)),
      allPages(keyReaders.sources(db)),
      allPages(keyReaders.events(db)),
      allPages(keyReaders.milestones(db)),
    ]);
    return keysOf({ organizations, subjects, tags }, sources, events, milestones);
  },
  async records(db, entity, keys, held) {
    const rows: RecordRows = { ...NO_ROWS };
    const wanted = new Set(keys);
    if (entity === 'organizations' || entity === 'subjects' || entity === 'tags') {
      (rows[entity] as { slug: string }[]) = (held[entity] as { slug: string }[]).filter((r) => wanted.has(r.slug));
    } else if (entity === 'sources') {
      const ids = keys.flatMap((k) => held.sourceByPt.get(k) ?? []);
      if (ids.length) rows.sources = await db.source.findMany({ where: { id: { in: ids } }, include: sourceInclude, orderBy: { id: 'asc' } });
    } else if (entity === 'events') {
      const slugs = keys.filter((k) => held.eventId.has(k));
      rows.events = await eventsBySlug(db, slugs);
    } else {
      const slugs = keys.filter((k) => held.milestoneId.has(k));
      if (slugs.length) rows.milestones = await db.milestone.findMany({ where: { slug: { in: slugs } }, include: fullMilestone, orderBy: { id: 'asc' } });
    }
    return byKey(entity, rows[entity] as { id: number }[], rowsToRecords(rows, held.sourceKey)[entity] as PlainRecord[]);
  },
};

/**
 * What a dataset converter matches its rows against before it imports them (the Epoch import,
 * decision 46): the keys of what the database holds, and its organizations and subjects as records.
 */
export async function heldNames(db: Db): Promise<{ keys: HeldKeys } & Pick<Records, 'organizations' | 'subjects'>> {
  const keys = await databaseHeld.keys(db);
  const { organizations, subjects } = rowsToRecords({ ...NO_ROWS, organizations: keys.organizations, subjects: keys.subjects }, keys.sourceKey);
  return { keys, organizations, subjects };
}

/** Held events named by slug, as export records (unknown slugs are left out). */
export async function heldEvents(db: Db, slugs: string[], keys: HeldKeys): Promise<Omit<Records['events'][number], 'edtf'>[]> {
  const out: Omit<Records['events'][number], 'edtf'>[] = [];
  for (let i = 0; i < slugs.length; i += TRANSFER_PAGE) {
    for (const h of (await databaseHeld.records(db, 'events', slugs.slice(i, i + TRANSFER_PAGE), keys)).values()) out.push(h.rec as unknown as Omit<Records['events'][number], 'edtf'>);
  }
  return out;
}
