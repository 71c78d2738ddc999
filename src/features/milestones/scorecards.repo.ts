// Queries behind the scorecards: outcomes only, no text.
import type { Db } from '../../platform/db.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { nameOrder } from '../../platform/text/sort-key.ts';

const outcomeSelect = { sourceId: true, status: true, outcome: true, gapDays: true, likelihoodLow: true, likelihoodHigh: true } as const;

export async function getSourceCites(db: Db, sourceId: number): Promise<number | null> {
  const source = await db.source.findUnique({ where: { id: sourceId }, select: { citesId: true } });
  if (!source) throw new NotFoundError(`No source with id ${sourceId}.`);
  return source.citesId;
}

export function outcomesOfSources(db: Db, sourceIds: number[]) {
  return db.milestone.findMany({ where: { sourceId: { in: sourceIds } }, select: outcomeSelect, orderBy: { id: 'asc' } });
}

export function outcomesAboutOrganization(db: Db, organizationId: number) {
  return db.milestone.findMany({
    where: { organizations: { some: { organizationId } } },
    select: outcomeSelect,
    orderBy: { id: 'asc' },
  });
}

export function allOutcomes(db: Db) {
  return db.milestone.findMany({
    select: { ...outcomeSelect, organizations: { select: { organizationId: true }, orderBy: { organizationId: 'asc' } } },
    orderBy: { id: 'asc' },
  });
}

export function allSources(db: Db) {
  return db.source.findMany({
    select: { id: true, publisher: true, title: true, language: true, citesId: true },
    orderBy: [{ publisher: 'asc' }, { title: 'asc' }, { id: 'asc' }],
  });
}

export function allOrganizations(db: Db) {
  return db.organization.findMany({ select: { id: true, slug: true, name: true }, orderBy: nameOrder() });
}
