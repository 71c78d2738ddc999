import type { Snapshot, WriteContext } from './audit.ts';
import { createAudited, deleteAudited, invalid, updateAudited } from './commit.ts';
import * as repo from './content.repo.ts';
import type { SubjectInput } from './content.schema.ts';
import { searchTextAfterRename } from './rename.ts';
import { resolveNamed, slugsOf } from './resolve.ts';

interface SubjectFields {
  slug: string;
  name: string;
  kind: string;
  description: string;
  organizations: string[];
}

export function subjectSnapshot(s: SubjectFields): Snapshot {
  return { slug: s.slug, name: s.name, kind: s.kind, description: s.description, organizations: [...s.organizations].sort() };
}

async function resolve(ctx: WriteContext, input: SubjectInput) {
  const errors = {};
  const { organizations } = await resolveNamed(ctx.db, input, errors);
  if (Object.keys(errors).length) invalid(errors);
  return organizations.map((o) => o.id);
}

export async function createSubject(ctx: WriteContext, input: SubjectInput) {
  const organizationIds = await resolve(ctx, input);
  const { slug: given, organizations, ...fields } = input;
  return createAudited(ctx, {
    type: 'subject',
    slug: { model: 'subject', given, from: input.name },
    create: (slug, db) => repo.createSubject(db, { slug, ...fields }),
    links: (id, db) => repo.subjectLinkOps(db, id, organizationIds, false),
    label: input.name,
    snapshot: (slug) => subjectSnapshot({ ...input, slug }),
  });
}

export async function updateSubject(ctx: WriteContext, id: number, input: SubjectInput) {
  const row = await repo.getSubject(ctx.db, id);
  const organizationIds = await resolve(ctx, input);
  const { organizations, ...rest } = input;
  const fields = { ...rest, slug: input.slug ?? row.slug };
  const renamed = fields.name !== row.name ? await searchTextAfterRename(ctx.db, 'subject', id, fields.name) : [];
  return updateAudited(ctx, {
    type: 'subject',
    id,
    label: fields.name,
    before: subjectSnapshot({ ...row, organizations: slugsOf(row.organizations.map((o) => o.organization)) }),
    after: subjectSnapshot({ ...fields, organizations }),
    slugModel: 'subject',
    ops: [repo.updateSubject(ctx.db, id, fields), ...repo.subjectLinkOps(ctx.db, id, organizationIds, true), ...renamed],
  });
}

export async function deleteSubject(ctx: WriteContext, id: number) {
  const row = await repo.getSubject(ctx.db, id);
  await deleteAudited(ctx, {
    type: 'subject',
    id,
    label: row.name,
    before: subjectSnapshot({ ...row, organizations: slugsOf(row.organizations.map((o) => o.organization)) }),
  });
  return row;
}
