import type { Snapshot, WriteContext } from './audit.ts';
import { createAudited, deleteAudited, updateAudited } from './commit.ts';
import * as repo from './content.repo.ts';
import type { OrganizationInput } from './content.schema.ts';
import { searchTextAfterRename } from './rename.ts';

type OrganizationFields = Omit<OrganizationInput, 'slug'> & { slug: string };

export function organizationSnapshot(o: OrganizationFields): Snapshot {
  return { slug: o.slug, name: o.name, website: o.website, description: o.description };
}

export async function createOrganization(ctx: WriteContext, input: OrganizationInput) {
  const { slug: given, ...fields } = input;
  return createAudited(ctx, {
    type: 'organization',
    slug: { model: 'organization', given, from: input.name },
    create: (slug, db) => repo.createOrganization(db, { slug, ...fields }),
    links: () => [],
    label: input.name,
    snapshot: (slug) => organizationSnapshot({ ...fields, slug }),
  });
}

export async function updateOrganization(ctx: WriteContext, id: number, input: OrganizationInput) {
  const row = await repo.getOrganization(ctx.db, id);
  const fields = { ...input, slug: input.slug ?? row.slug };
  const renamed = fields.name !== row.name ? await searchTextAfterRename(ctx.db, 'organization', id, fields.name) : [];
  return updateAudited(ctx, {
    type: 'organization',
    id,
    label: fields.name,
    before: organizationSnapshot(row),
    after: organizationSnapshot(fields),
    slugModel: 'organization',
    ops: [repo.updateOrganization(ctx.db, id, fields), ...renamed],
  });
}

export async function deleteOrganization(ctx: WriteContext, id: number) {
  const row = await repo.getOrganization(ctx.db, id);
  await deleteAudited(ctx, { type: 'organization', id, label: row.name, before: organizationSnapshot(row) });
  return row;
}
