import type { Prisma } from '../../generated/sqlite/client.ts';
import { allPages, inChunks } from '../../platform/batches.ts';
import { insertRows } from '../../platform/bulk.ts';
import { readRows, type Db } from '../../platform/db.ts';
import { join, sqltag as sql } from '@prisma/client/runtime/client';

const factInclude = {
  subject: { select: { slug: true, name: true } },
  refSubject: { select: { slug: true, name: true } },
  source: { select: { id: true, publisher: true, title: true, url: true } },
} satisfies Prisma.SubjectFactInclude;

export type FactRow = Prisma.SubjectFactGetPayload<{ include: typeof factInclude }>;

const order = [{ recordedAt: 'asc' as const }, { id: 'asc' as const }];
const bySubjectOldestFirst = (a: Pick<FactRow, 'subjectId' | 'recordedAt' | 'id'>, b: Pick<FactRow, 'subjectId' | 'recordedAt' | 'id'>) => a.subjectId - b.subjectId || a.recordedAt.getTime() - b.recordedAt.getTime() || a.id - b.id;

export function factsOfSubject(db: Db, subjectId: number): Promise<FactRow[]> {
  return db.subjectFact.findMany({ where: { subjectId }, include: factInclude, orderBy: order });
}

/** Every fact, oldest first, for the export and for comparing an import against. */
export async function allFacts(db: Db): Promise<FactRow[]> {
  // Read in id pages (bounded `IN` lists for the relations), then put in the export's order.
  const rows = await allPages((after, take) => db.subjectFact.findMany({ where: { id: { gt: after } }, include: factInclude, orderBy: { id: 'asc' }, take }));
  return rows.sort(bySubjectOldestFirst);
}

/** A fact's own columns: what an import compares its facts against. */
export type HeldFact = Pick<FactRow, 'id' | 'subjectId' | 'kind' | 'value' | 'text' | 'unit' | 'note' | 'refSubjectId' | 'sourceId' | 'recordedAt'>;

/**
 * The facts of the subjects given, oldest first: what an import compares its facts against. Raw
 * reads (readRows), as the import's other reads: Prisma keeps no query plan between calls, and
 * this one (with its relations) was compiled again for every import.
 */
export async function factsOfSubjects(db: Db, subjectIds: number[]): Promise<HeldFact[]> {
  const rows = await inChunks(subjectIds, (chunk) =>
    readRows<(Omit<HeldFact, 'recordedAt'> & { recordedAt: Date | string })[]>(
      db,
      sql`SELECT "id", "subjectId", "kind", "value", "text", "unit", "note", "refSubjectId", "sourceId", "recordedAt" FROM "SubjectFact" WHERE "subjectId" IN (${join(chunk)})`,
    ),
  );
  const id = (v: number | null) => (v === null ? null : Number(v));
  return rows
    .map((f) => ({ ...f, id: Number(f.id), subjectId: Number(f.subjectId), refSubjectId: id(f.refSubjectId), sourceId: id(f.sourceId), recordedAt: new Date(f.recordedAt) }))
    .sort(bySubjectOldestFirst);
}

export async function subjectIdsBySlug(db: Db, slugs: string[]): Promise<{ id: number; slug: string; name: string }[]> {
  const rows = await inChunks(slugs, (chunk) => readRows<{ id: number; slug: string; name: string }[]>(db, sql`SELECT "id", "slug", "name" FROM "Subject" WHERE "slug" IN (${join(chunk)})`));
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/** The ids of the sources named by publisher and title (unknown ones are left out): read by title, kept by both. */
export async function sourceIdsByName(db: Db, names: { publisher: string; title: string }[]) {
  const wanted = new Set(names.map((n) => `${n.publisher}\u0000${n.title}`));
  const titles = [...new Set(names.map((n) => n.title))];
  const rows = await inChunks(titles, (chunk) => readRows<{ id: number; publisher: string; title: string }[]>(db, sql`SELECT "id", "publisher", "title" FROM "Source" WHERE "title" IN (${join(chunk)})`), 500);
  return rows.filter((r) => wanted.has(`${r.publisher}\u0000${r.title}`)).map((r) => ({ ...r, id: Number(r.id) }));
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
  // Multi-row raw INSERTs (platform/bulk.ts): bounded statements, not compiled row by row by Prisma.
  const createdAt = new Date();
  await insertRows(tx, 'SubjectFact', rows.map((r) => ({ subjectId: r.subjectId, kind: r.kind, value: r.value ?? null, text: r.text ?? null, unit: r.unit ?? null, note: r.note ?? '', refSubjectId: r.refSubjectId ?? null, sourceId: r.sourceId ?? null, recordedAt: new Date(r.recordedAt), createdAt })));
  await insertRows(tx, 'AuditLog', audits.map((a) => ({ at: new Date(a.at ?? createdAt), userId: a.userId ?? null, action: a.action, entityType: a.entityType, entityId: a.entityId, entityLabel: a.entityLabel ?? '', changes: a.changes ?? '{}' })));
}
