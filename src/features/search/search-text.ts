// What a searchable row's `searchText` column holds, and how a query's words are read the same way.
//
// Both engines index `searchText` with their own full-text index (docs/decisions/0021): SQLite
// FTS5 with `unicode61 remove_diacritics 2`, PostgreSQL stored to_tsvector('simple', …) vectors (decision 39).
// Their tokenizers differ at the edges (PostgreSQL reads "gpt-3.5" as one version token, FTS5 as
// three words), so the application hands them text that is already cut into words: lower-case
// letters and digits, diacritics removed, separated by single spaces. Each engine then finds
// exactly these words. `%` and `_` are kept as marker words, so that a search for them is literal.

export const PERCENT_WORD = 'xpercentx';
export const UNDERSCORE_WORD = 'xunderscorex';

// Letters NFKD does not decompose but PostgreSQL's unaccent (and readers) fold.
const EXTRA_FOLDS: Record<string, string> = {
  ß: 'ss',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
};
const EXTRA = new RegExp(`[${Object.keys(EXTRA_FOLDS).join('')}]`, 'g');

/** Folded words of a text: ["debut", "de", "gpt", "4", "xpercentx"]. */
export function searchWords(text: string): string[] {
  const folded = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(EXTRA, (c) => EXTRA_FOLDS[c] ?? c)
    .replaceAll('%', ` ${PERCENT_WORD} `)
    .replaceAll('_', ` ${UNDERSCORE_WORD} `)
    .normalize('NFC');
  return folded.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** Kept for callers that normalise one string: its words joined by spaces. */
export function normalizeForSearch(text: string): string {
  return searchWords(text).join(' ');
}

/** Builds the value stored in a row's `searchText` column from its searchable fields. */
export function buildSearchText(parts: ReadonlyArray<string | null | undefined>): string {
  return normalizeForSearch(parts.filter((p): p is string => Boolean(p)).join(' \n '));
}
