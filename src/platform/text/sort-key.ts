// Reader order of names (docs/decisions/0045): case and accents ignored, then the exact name,
// then the id. Both engines compare text byte by byte (the C collation), so the order is kept
// as a stored key beside each name, "sortName", computed here and nowhere else.

/**
 * The key a name sorts by: compatibility-decomposed (NFKD), its combining marks removed,
 * lower-cased. "Écho AI" -> "echo ai", "AT&T" -> "at&t", "Ａｌｅｘ" -> "alex". Punctuation and
 * spaces are kept and order as their bytes do: "Adobe" < "AI21 Labs" < "AT&T", "Ecco" <
 * "Écho AI" < "edge".
 */
export function sortKey(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

const bytes = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

/** Names in reader order, as the databases order (sortName, name): for lists sorted in memory. */
export function compareNames(a: string, b: string): number {
  return bytes(sortKey(a), sortKey(b)) || bytes(a, b);
}

type Asc = 'asc';

/** Prisma's orderBy for rows of a table with a sortName: (sortName, name, id). */
export const nameOrder = (): [{ sortName: Asc }, { name: Asc }, { id: Asc }] => [{ sortName: 'asc' }, { name: 'asc' }, { id: 'asc' }];

/**
 * Prisma's orderBy for the rows of a join table by the name of the record they link to
 * (`relation`: organization, subject or tag), then its id: linkedNameOrder('tag') orders EventTag
 * rows by (tag.sortName, tag.name, tagId).
 */
export function linkedNameOrder<K extends 'organization' | 'subject' | 'tag'>(
  relation: K,
): [Record<K, { sortName: Asc }>, Record<K, { name: Asc }>, Record<`${K}Id`, Asc>] {
  const on = <T>(v: T) => ({ [relation]: v }) as Record<K, T>;
  return [on({ sortName: 'asc' }), on({ name: 'asc' }), { [`${relation}Id`]: 'asc' } as Record<`${K}Id`, Asc>];
}
