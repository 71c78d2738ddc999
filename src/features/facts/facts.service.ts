// Facts as pages and the API show them: the newest per kind, with what it replaced.
import type { Db } from '../../platform/db.ts';
import { FACT_KINDS, FACT_LABELS, isFactKind, type FactKind } from './facts.kinds.ts';
import { formatFact } from './facts.format.ts';
import { factsOfSubject, type FactRow } from './facts.repo.ts';

export interface FactVM {
  kind: FactKind;
  label: string;
  display: string;
  value: number | null;
  text: string | null;
  unit: string | null;
  baseModel: { slug: string; name: string; url: string } | null;
  note: string;
  recordedAt: string;
  source: { id: number; publisher: string; title: string; url: string | null; page: string } | null;
  /** Earlier values of this kind, newest first. */
  earlier: { display: string; recordedAt: string; source: string | null }[];
}

const display = (f: FactRow) => (f.kind === 'baseModel' && f.refSubject ? f.refSubject.name : formatFact(f.value, f.unit, f.text));

/** The newest fact of each kind (rows in recordedAt order), in the order of FACT_KINDS. */
export function currentFacts(rows: FactRow[]): FactVM[] {
  const byKind = new Map<FactKind, FactRow[]>();
  for (const r of rows) {
    if (!isFactKind(r.kind)) continue;
    byKind.set(r.kind, [...(byKind.get(r.kind) ?? []), r]);
  }
  return FACT_KINDS.filter((k) => byKind.has(k)).map((kind) => {
    const list = byKind.get(kind)!;
    const f = list[list.length - 1]!;
    return {
      kind,
      label: FACT_LABELS[kind],
      display: display(f),
      value: f.value,
      text: f.text,
      unit: f.unit,
      baseModel: f.refSubject ? { ...f.refSubject, url: `/subjects/${f.refSubject.slug}` } : null,
      note: f.note,
      recordedAt: f.recordedAt.toISOString(),
      source: f.source ? { ...f.source, page: `/sources/${f.source.id}` } : null,
      earlier: list
        .slice(0, -1)
        .reverse()
        .filter((e) => display(e) !== display(f) || e.sourceId !== f.sourceId)
        .map((e) => ({ display: display(e), recordedAt: e.recordedAt.toISOString(), source: e.source?.publisher ?? null })),
    };
  });
}

export async function subjectFacts(db: Db, subjectId: number): Promise<FactVM[]> {
  return currentFacts(await factsOfSubject(db, subjectId));
}
