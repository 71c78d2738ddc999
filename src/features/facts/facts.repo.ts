import type { Prisma } from '../../generated/sqlite/client.ts';
import { allPages, inChunks } from '../../platform/batches.ts';
import type { Db } from '../../platform/db.ts';

const factInclude = {
  subject: { select: { slug: true, name: true } },
  refSubject: { select: { slug: true, name: true } },
  source: { select: { id: true, publisher: true, title: true, url: true } },
} satisfies Prisma.SubjectFactInclude;

export type FactRow = Prisma.SubjectFactGetPayload<{ include: typeof factInclude }>;

const order = [{ recordedAt: 'asc' as const }, { id: 'asc' as const }];

export function factsOfSubject(db: Db, subjectId: number): Promise<FactRow[]> {
  return db.subjectFact.findMany({ where: { subjectId }, include: factInclude, orderBy: order });
}

/** Every fact, oldest first, for the export and for comparing an import against. */
export async function allFacts(db: Db): Promise<FactRow[]> {
  // Read in id pages (bounded `IN` lists for the relations), then put in the export's order.
  const rows = await allPages((after, take) => db.subjectFact.findMany({ where: { id: { gt: after } }, include: factInclude, orderBy: { id: 'asc' }, take }));
  return rows.sort((a, b) => a.subjectId - b.subjectId || a.recordedAt.getTime() - b.recordedAt.getTime() || a.id - b.id);
}

export function subjectIdsBySlug(db: Db, slugs: string[]) {
  return inChunks(slugs, (chunk) => db.subject.findMany({ where: { slug: { in: chunk } }, select: { id: true, slug: true, name: true } }));
}

export function sourceIdsAll(db: Db) {
  return db.source.findMany({ select: { id: true, publisher: true, title: true }, orderBy: { id: 'asc' } });
}

export type FactCreate = Prisma.SubjectFactUncheckedCreateInput;

/**
 * New fact rows and their audit entries, written through `tx`: the caller's transaction client
 * (an import writes them in its records' transaction), so they commit with the rest or not at all.
 */
export async function insertFacts(tx: Db, rows: FactCreate[], audits: Prisma.AuditLogUncheckedCreateInput[]): Promise<void> {
  if (!rows.length) return;
  await tx.subjectFact.createMany({ data: rows });
  for (const data of audits) await tx.auditLog.create({ data });
}
