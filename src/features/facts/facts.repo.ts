import type { Prisma } from '../../generated/sqlite/client.ts';
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
export function allFacts(db: Db): Promise<FactRow[]> {
  return db.subjectFact.findMany({ include: factInclude, orderBy: [{ subjectId: 'asc' }, ...order] });
}

export function subjectIdsBySlug(db: Db, slugs: string[]) {
  return db.subject.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true, name: true } });
}

export function sourceIdsAll(db: Db) {
  return db.source.findMany({ select: { id: true, publisher: true, title: true }, orderBy: { id: 'asc' } });
}

export type FactCreate = Prisma.SubjectFactUncheckedCreateInput;

/** New fact rows and their audit entries, in one transaction. */
export async function insertFacts(db: Db, rows: FactCreate[], audits: Prisma.AuditLogUncheckedCreateInput[]): Promise<void> {
  if (!rows.length) return;
  await db.$transaction([db.subjectFact.createMany({ data: rows }), ...audits.map((data) => db.auditLog.create({ data }))]);
}
