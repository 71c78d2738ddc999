// Who changed what: one AuditLog row per write (changes as JSON {field: {before, after}}).
import type { Db } from '../../platform/db.ts';

export interface AuditEntry {
  at: Date;
  userId: number | null;
  action: 'create' | 'update' | 'delete';
  entityType: string;
  entityId: number;
  entityLabel: string;
  changes: Record<string, { before: unknown; after: unknown }>;
}

export async function writeAudit(db: Db, e: AuditEntry): Promise<void> {
  await db.auditLog.create({ data: { ...e, changes: JSON.stringify(e.changes) } });
}

/** The fields whose value differs, as {field: {before, after}}. */
export function diff(before: Record<string, unknown>, after: Record<string, unknown>): AuditEntry['changes'] {
  const out: AuditEntry['changes'] = {};
  for (const [k, v] of Object.entries(after)) {
    const b = before[k] ?? null;
    const a = v ?? null;
    const same = b instanceof Date && a instanceof Date ? b.getTime() === a.getTime() : b === a;
    if (!same) out[k] = { before: b, after: a };
  }
  return out;
}
