// Text search that behaves the same on SQLite and PostgreSQL without engine-specific SQL.
//
// Prisma's `contains` compiles to LIKE without escaping `%` and `_` (prisma/orm#19506), and
// LIKE is case-insensitive on SQLite but not on PostgreSQL. So each searchable row keeps a
// derived `searchText` column: lower-cased, with the LIKE wildcards replaced by private-use
// characters. Queries are normalised the same way, so they never contain a wildcard and
// always match literally and case-insensitively.

const PERCENT = '\uE000';
const UNDERSCORE = '\uE001';

export function normalizeForSearch(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replaceAll('%', PERCENT)
    .replaceAll('_', UNDERSCORE)
    .trim();
}

/** Builds the value stored in a row's `searchText` column from its searchable fields. */
export function buildSearchText(parts: ReadonlyArray<string | null | undefined>): string {
  return normalizeForSearch(parts.filter((p): p is string => Boolean(p)).join(' \n '));
}
