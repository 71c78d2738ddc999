// Turns the slugs and ids of an input into rows, collecting one message per field that names
// something Timeline does not know.
import type { Db } from '../../platform/db.ts';
import type { FieldErrors } from '../../platform/errors.ts';
import * as repo from './content.repo.ts';

const list = (xs: string[]) => xs.map((x) => `“${x}”`).join(', ');

export async function resolveNamed(
  db: Db,
  input: { organizations?: string[]; subjects?: string[] },
  errors: FieldErrors,
): Promise<{ organizations: repo.Named[]; subjects: repo.Named[] }> {
  const [organizations, subjects] = await Promise.all([
    repo.organizationsBySlug(db, input.organizations ?? []),
    repo.subjectsBySlug(db, input.subjects ?? []),
  ]);
  const missing = (asked: string[] = [], got: repo.Named[]) => asked.filter((s) => !got.some((g) => g.slug === s));
  const orgs = missing(input.organizations, organizations);
  if (orgs.length) errors.organizations = `Unknown organization${orgs.length > 1 ? 's' : ''}: ${list(orgs)}.`;
  const subs = missing(input.subjects, subjects);
  if (subs.length) errors.subjects = `Unknown subject${subs.length > 1 ? 's' : ''}: ${list(subs)}.`;
  return { organizations, subjects };
}

export const dayText = (d: Date | null): string | null => (d ? d.toISOString().slice(0, 10) : null);
export const sourceRef = (id: number | null): string | null => (id === null ? null : `#${id}`);
export const slugsOf = (rows: { slug: string }[]) => rows.map((r) => r.slug).sort();
