import type { Prisma } from '../../generated/sqlite/client.ts';
import type { Db } from '../../platform/db.ts';

const withUser = { user: { select: { name: true, email: true } } } satisfies Prisma.AuditLogInclude;
export type AuditRow = Prisma.AuditLogGetPayload<{ include: typeof withUser }>;

export function historyRows(db: Db, entityType: string, entityId: number): Promise<AuditRow[]> {
  return db.auditLog.findMany({ where: { entityType, entityId }, include: withUser, orderBy: [{ at: 'desc' }, { id: 'desc' }] });
}

/** Newest first, keyset-paginated by id. */
export function changeRows(db: Db, beforeId: number | undefined, take: number): Promise<AuditRow[]> {
  return db.auditLog.findMany({
    where: beforeId ? { id: { lt: beforeId } } : {},
    include: withUser,
    orderBy: { id: 'desc' },
    take,
  });
}
