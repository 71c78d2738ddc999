import type { FieldErrors } from '../../platform/errors.ts';
import type { Snapshot, WriteContext } from './audit.ts';
import { createAudited, deleteAudited, invalid, updateAudited } from './commit.ts';
import * as repo from './content.repo.ts';
import type { SourceInput } from './content.schema.ts';
import { dayText, sourceRef } from './resolve.ts';

type SourceFields = Omit<SourceInput, 'discrepancies'> & { discrepancies: { claim: string; correction: string }[] };

export const sourceLabel = (s: { publisher: string; title: string }) => `${s.publisher}: ${s.title}`;

export function sourceSnapshot(s: SourceFields): Snapshot {
  return {
    publisher: s.publisher,
    title: s.title,
    url: s.url,
    publishedOn: dayText(s.publishedOn),
    language: s.language,
    isPrimary: s.isPrimary,
    cites: sourceRef(s.citesId),
    discrepancies: s.discrepancies.map((d) => `${d.claim} → ${d.correction}`),
  };
}

async function checkCites(ctx: WriteContext, input: SourceInput, ownId: number | null) {
  const errors: FieldErrors = {};
  if (input.citesId !== null) {
    if (input.citesId === ownId) errors.cites = 'A source cannot cite itself.';
    else if (!(await repo.existingSourceIds(ctx.db, [input.citesId])).has(input.citesId)) errors.cites = 'The cited source no longer exists.';
  }
  if (Object.keys(errors).length) invalid(errors);
}

export async function createSource(ctx: WriteContext, input: SourceInput) {
  await checkCites(ctx, input, null);
  const { discrepancies, ...fields } = input;
  return createAudited(ctx, {
    type: 'source',
    create: (_slug, db) => repo.createSource(db, fields),
    links: (id, db) => repo.sourceLinkOps(db, id, discrepancies, false),
    label: sourceLabel(input),
    snapshot: () => sourceSnapshot(input),
  });
}

export async function updateSource(ctx: WriteContext, id: number, input: SourceInput) {
  const row = await repo.getSource(ctx.db, id);
  await checkCites(ctx, input, id);
  const { discrepancies, ...fields } = input;
  return updateAudited(ctx, {
    type: 'source',
    id,
    label: sourceLabel(input),
    before: sourceSnapshot(row),
    after: sourceSnapshot(input),
    ops: [repo.updateSource(ctx.db, id, fields), ...repo.sourceLinkOps(ctx.db, id, discrepancies, true)],
  });
}

export async function deleteSource(ctx: WriteContext, id: number) {
  const row = await repo.getSource(ctx.db, id);
  await deleteAudited(ctx, { type: 'source', id, label: sourceLabel(row), before: sourceSnapshot(row) });
  return row;
}
