// The record of changes, as view models: per record (History) and for everything (the admin log).
import type { Db } from '../../platform/db.ts';
import { ENTITY_TYPES, type Changes, type EntityType, type SnapshotValue } from './audit.ts';
import * as repo from './history.repo.ts';

export interface ChangeVM {
  id: number;
  at: string;
  atLabel: string;
  who: string;
  action: string;
  entityType: string;
  entityLabel: string;
  historyUrl: string | null;
  fields: { field: string; before: string; after: string }[];
}

const stamp = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

export function showValue(v: SnapshotValue | undefined): string {
  if (v === null || v === undefined || v === '') return '—';
  if (Array.isArray(v)) return v.length ? v.join(', ') : '—';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  return String(v);
}

/** The field changes of an audit row; a damaged one reads as none. */
export function parseChanges(text: string): Changes {
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Changes) : {};
  } catch {
    return {};
  }
}

export const isEntityType = (t: string): t is EntityType => (ENTITY_TYPES as readonly string[]).includes(t);
export const adminPath = (t: EntityType) => `/admin/${t}s`;

function changeVM(row: repo.AuditRow): ChangeVM {
  return {
    id: row.id,
    at: row.at.toISOString(),
    atLabel: `${stamp.format(row.at)} UTC`,
    who: row.user ? row.user.name || row.user.email : row.userId === null ? 'import or system' : 'a deleted user',
    action: row.action,
    entityType: row.entityType,
    entityLabel: row.entityLabel,
    historyUrl: isEntityType(row.entityType) ? `${adminPath(row.entityType)}/${row.entityId}/history` : null,
    fields: Object.entries(parseChanges(row.changes)).map(([field, c]) => ({ field, before: showValue(c?.before), after: showValue(c?.after) })),
  };
}

export async function historyOf(db: Db, type: EntityType, id: number): Promise<ChangeVM[]> {
  return (await repo.historyRows(db, type, id)).map(changeVM);
}

export async function listChanges(db: Db, beforeId: number | undefined, limit: number): Promise<{ changes: ChangeVM[]; nextBefore: number | null }> {
  const rows = await repo.changeRows(db, beforeId, limit + 1);
  const page = rows.slice(0, limit);
  return { changes: page.map(changeVM), nextBefore: rows.length > limit ? page.at(-1)!.id : null };
}
