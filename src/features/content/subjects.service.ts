import { aliasesOf, aliasText, checkAliases, searchName, withoutOwnName } from './aliases.ts';
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
  aliases: string[] | string;
  organizations: string[];
}

export function subjectSnapshot(s: SubjectFields): Snapshot {
  const aliases = typeof s.aliases === 'string' ? aliasesOf(s.aliases) : [...s.aliases];
  return { slug: s.slug, name: s.name, kind: s.kind, description: s.description, aliases, organizations: [...s.organizations].sort() };
}

async function resolve(ctx: WriteContext, id: number | null, input: SubjectInput) {
  const errors: Record<string, string> = {};
  const aliases = withoutOwnName(input.name, input.aliases);
  const [{ organizations }, aliasErrors] = await Promise.all([
    resolveNamed(ctx.db, input, errors),
    checkAliases(ctx.db, 'subject', id, input.name, aliases),
  ]);
  Object.assign(errors, aliasErrors);
  if (Object.keys(errors).length) invalid(errors);
  return { organizationIds: organizations.map((o) => o.id), aliases };
}

export async function createSubject(ctx: WriteContext, input: SubjectInput) {
  const { organizationIds, aliases } = await resolve(ctx, null, input);
  const { slug: given, organizations, aliases: _given, ...fields } = input;
  return createAudited(ctx, {
    type: 'subject',
    slug: { model: 'subject', given, from: input.name },
    create: (slug, db) => repo.createSubject(db, { slug, ...fields, aliases: aliasText(aliases) }),
    links: (id, db) => repo.subjectLinkOps(db, id, organizationIds, false),
    label: input.name,
    snapshot: (slug) => subjectSnapshot({ ...input, aliases, slug }),
  });
}

export async function updateSubject(ctx: WriteContext, id: number, input: SubjectInput) {
  const row = await repo.getSubject(ctx.db, id);
  const { organizationIds, aliases } = await resolve(ctx, id, input);
  const { organizations, aliases: _given, ...rest } = input;
  const stored = aliasText(aliases);
  const fields = { ...rest, slug: input.slug ?? row.slug };
  const renamed =
    fields.name !== row.name || stored !== row.aliases
      ? await searchTextAfterRename(ctx.db, 'subject', id, searchName({ name: fields.name, aliases: stored }))
      : [];
  return updateAudited(ctx, {
    type: 'subject',
    id,
    label: fields.name,
    before: subjectSnapshot({ ...row, organizations: slugsOf(row.organizations.map((o) => o.organization)) }),
    after: subjectSnapshot({ ...fields, aliases, organizations }),
    slugModel: 'subject',
    ops: [repo.updateSubject(ctx.db, id, { ...fields, aliases: stored }), ...repo.subjectLinkOps(ctx.db, id, organizationIds, true), ...renamed],
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
