// Who changed what: snapshots of a record's editable fields, compared field by field.
import type { Prisma } from '../../generated/sqlite/client.ts';

export const ENTITY_TYPES = ['organization', 'subject', 'source', 'event', 'milestone'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];
export type AuditAction = 'create' | 'update' | 'delete';

export type SnapshotValue = string | number | boolean | null | string[];
export type Snapshot = Record<string, SnapshotValue>;
export type Changes = Record<string, { before: SnapshotValue; after: SnapshotValue }>;

export interface WriteContext {
  db: import('../../platform/db.ts').Db;
  now: Date;
  userId: number | null;
}

/** Empty text and empty lists count as no value. */
const value = (v: SnapshotValue | undefined): SnapshotValue => (v === undefined || v === '' || (Array.isArray(v) && v.length === 0) ? null : v);

/**
 * Whether two values write the same JSON. Text is compared as it is: JSON.stringify of two strings
 * is equal exactly when they are, and never equals that of a value that is not a string, so a
 * long summary is not written out twice to be compared (an import audits every record it creates).
 */
const sameJson = (a: SnapshotValue, b: SnapshotValue) => a === b || (typeof a !== 'string' && typeof b !== 'string' && JSON.stringify(a) === JSON.stringify(b));

/** Fields whose value differs; a create compares against nothing, a delete with nothing. */
export function diffSnapshots(before: Snapshot | null, after: Snapshot | null): Changes {
  const out: Changes = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const key of keys) {
    const b = value(before?.[key]);
    const a = value(after?.[key]);
    if (!sameJson(b, a)) out[key] = { before: b, after: a };
  }
  return out;
}

export function auditData(
  ctx: WriteContext,
  entry: { type: EntityType; id: number; label: string; action: AuditAction; changes: Changes },
): Prisma.AuditLogUncheckedCreateInput {
  return {
    at: ctx.now,
    userId: ctx.userId,
    action: entry.action,
    entityType: entry.type,
    entityId: entry.id,
    entityLabel: entry.label.slice(0, 300),
    changes: JSON.stringify(entry.changes),
  };
}
