import { aliasesOf, aliasText, checkAliases, searchName, withoutOwnName } from './aliases.ts';
import type { Snapshot, WriteContext } from './audit.ts';
import { createAudited, deleteAudited, invalid, updateAudited } from './commit.ts';
import * as repo from './content.repo.ts';
import type { OrganizationInput } from './content.schema.ts';
import { searchTextAfterRename } from './rename.ts';

type OrganizationFields = Omit<OrganizationInput, 'slug' | 'aliases'> & { slug: string; aliases: string[] | string };

export function organizationSnapshot(o: OrganizationFields): Snapshot {
  const aliases = typeof o.aliases === 'string' ? aliasesOf(o.aliases) : o.aliases;
  return { slug: o.slug, name: o.name, website: o.website, description: o.description, aliases: [...aliases] };
}

/** The aliases to store: without the record's own name; refused when another organization has one. */
async function checkedAliases(ctx: WriteContext, id: number | null, input: OrganizationInput): Promise<string[]> {
  const aliases = withoutOwnName(input.name, input.aliases);
  const errors = await checkAliases(ctx.db, 'organization', id, input.name, aliases);
  if (Object.keys(errors).length) invalid(errors);
  return aliases;
}

export async function createOrganization(ctx: WriteContext, input: OrganizationInput) {
  const aliases = await checkedAliases(ctx, null, input);
  const { slug: given, ...rest } = input;
  const fields = { ...rest, aliases };
  return createAudited(ctx, {
    type: 'organization',
    slug: { model: 'organization', given, from: input.name },
    create: (slug, db) => repo.createOrganization(db, { slug, ...fields, aliases: aliasText(aliases) }),
    links: () => [],
    label: input.name,
    snapshot: (slug) => organizationSnapshot({ ...fields, slug }),
  });
}

export async function updateOrganization(ctx: WriteContext, id: number, input: OrganizationInput) {
  const row = await repo.getOrganization(ctx.db, id);
  const aliases = await checkedAliases(ctx, id, input);
  const fields = { ...input, aliases, slug: input.slug ?? row.slug };
  const stored = aliasText(aliases);
  const renamed =
    fields.name !== row.name || stored !== row.aliases
      ? await searchTextAfterRename(ctx.db, 'organization', id, searchName({ name: fields.name, aliases: stored }))
      : [];
  return updateAudited(ctx, {
    type: 'organization',
    id,
    label: fields.name,
    before: organizationSnapshot(row),
    after: organizationSnapshot(fields),
    slugModel: 'organization',
    ops: [repo.updateOrganization(ctx.db, id, { ...fields, aliases: stored }), ...renamed],
  });
}

export async function deleteOrganization(ctx: WriteContext, id: number) {
  const row = await repo.getOrganization(ctx.db, id);
  await deleteAudited(ctx, { type: 'organization', id, label: row.name, before: organizationSnapshot(row) });
  return row;
}
