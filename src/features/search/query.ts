// A reader's search, read forgivingly: words, "quoted phrases" and -excluded words. Nothing a
// reader types is an error or reaches an engine as syntax: FTS operators (OR, NEAR(, *, ^, :)
// are plain words or punctuation, an unclosed quote runs to the end, a lone "-" is nothing.
// The engines receive only folded words (letters and digits) in a syntax this module writes.
import { searchWords } from './search-text.ts';

/** Words that must appear next to each other, in order; `prefix`: the last may be the start of a longer word. */
export interface Term {
  words: string[];
  prefix: boolean;
}

export interface SearchQuery {
  /** Every term must match. */
  include: Term[];
  /** No term may match (whole words). */
  exclude: Term[];
}

/** A reader cannot usefully type more; longer input is cut (never refused). */
export const MAX_TERMS = 16;
const MAX_WORD = 64;
const MAX_PHRASE_WORDS = 8;

function term(text: string, prefix: boolean): Term | null {
  const words = searchWords(text)
    .slice(0, MAX_PHRASE_WORDS)
    .map((w) => w.slice(0, MAX_WORD));
  return words.length ? { words, prefix } : null;
}

/** Reads a search box. `null` when there is nothing to search for. */
export function parseSearch(input: string): SearchQuery | null {
  const include: Term[] = [];
  const exclude: Term[] = [];
  // A quoted run (closed or not), or a run of non-space characters.
  const re = /(-?)"([^"]*)"?|(\S+)/g;
  for (const m of input.slice(0, 1000).matchAll(re)) {
    if (include.length + exclude.length >= MAX_TERMS) break;
    const negated = m[1] === '-' || (m[3]?.startsWith('-') ?? false);
    if (m[2] !== undefined) {
      // A phrase: its words in order, the last one whole.
      const t = term(m[2], false);
      if (t) (negated ? exclude : include).push(t);
      continue;
    }
    const raw = negated ? m[3]!.slice(1) : m[3]!;
    // "gpt-4" is one word to the reader: its parts must stand together, the last may be a prefix.
    const t = term(raw, !negated);
    if (t) (negated ? exclude : include).push(t);
  }
  if (include.length === 0 && exclude.length === 0) return null;
  return { include, exclude };
}

/** Every word the query looks for, for highlighting: [word, prefix?]. */
export function highlightWords(q: SearchQuery): { word: string; prefix: boolean }[] {
  return q.include.flatMap((t) => t.words.map((word, i) => ({ word, prefix: t.prefix && i === t.words.length - 1 })));
}

// Engine syntax. Words hold only letters and digits (searchWords), so quoting them is enough.

/**
 * The words a prefix term stands for, by term (read from a vocabulary, search.sql.ts): the term is
 * then written as an OR of whole words. A term absent from the map keeps its prefix.
 */
export type Expansions = ReadonlyMap<Term, readonly string[]>;

function fts5Term(t: Term, expansions?: Expansions): string {
  const words = expansions?.get(t);
  if (!words?.length) return `"${t.words.join(' ')}"${t.prefix ? ' *' : ''}`;
  const head = t.words.slice(0, -1);
  return `(${words.map((w) => `"${[...head, w].join(' ')}"`).join(' OR ')})`;
}

function fts5Terms(terms: Term[], op: 'AND' | 'OR', expansions?: Expansions): string {
  return terms.map((t) => fts5Term(t, expansions)).join(` ${op} `);
}

/**
 * Relevance (docs/decisions/0048): tier 1 holds the rows with every included term in their title,
 * tier 2 the other matches. Within a tier, rows keep the timeline's order.
 */
export type Tier = 1 | 2;

/**
 * Whether a title match alone puts a row in tier 1 (both engines): one-word terms, since a row's
 * title words are also in its searchText (buildSearchText starts with the title). Phrases also ask
 * searchText: the title's own tokens could join words that searchText keeps apart (`a_b` is
 * `a xunderscorex b` there).
 */
export function titleDecidesTier1(q: SearchQuery): boolean {
  return q.include.every((t) => t.words.length === 1);
}

/**
 * The FTS5 MATCH expression for rows holding every included term in searchText and no excluded
 * one; with `tier`, only that tier's rows (see titleDecidesTier1). `q.include` must not be empty.
 * `expansions`: see Expansions.
 */
export function toFts5Match(q: SearchQuery, tier?: Tier, expansions?: Expansions): string {
  const all = fts5Terms(q.include, 'AND', expansions);
  const inText = `{searchText} : (${all})`;
  const inTitle = `{title} : (${all})`;
  const m = tier === undefined ? inText : tier === 1 ? (titleDecidesTier1(q) ? inTitle : `${inText} AND ${inTitle}`) : `(${inText}) NOT (${inTitle})`;
  return q.exclude.length ? `(${m}) NOT ${toFts5Any(q.exclude)}` : m;
}

/** The FTS5 MATCH expression for rows holding any of the terms in searchText. */
export function toFts5Any(terms: Term[]): string {
  return `{searchText} : (${fts5Terms(terms, 'OR')})`;
}

/**
 * A to_tsquery('simple', …) text for the terms, all required (`any`: one of them); `weight`: each
 * word only where it has that weight (the stored vectors' searchText part is D, docs/decisions/0039).
 */
export function toTsquery(terms: Term[], any = false, weight = ''): string {
  const parts = terms.map((t) => {
    const words = t.words.map((w, i) => {
      const label = `${t.prefix && i === t.words.length - 1 ? '*' : ''}${weight}`;
      return `'${w}'${label ? `:${label}` : ''}`;
    });
    return words.length > 1 ? `(${words.join(' <-> ')})` : words[0]!;
  });
  return parts.join(any ? ' | ' : ' & ');
}

/** Whether folded `words` (searchWords of a text) satisfy the query: every included term, no excluded one. */
export function matchesWords(q: SearchQuery, words: readonly string[]): boolean {
  const has = (t: Term) =>
    words.some((_, i) =>
      t.words.every((w, k) => {
        const x = words[i + k];
        return x !== undefined && (t.prefix && k === t.words.length - 1 ? x.startsWith(w) : x === w);
      }),
    );
  return q.include.every(has) && !q.exclude.some(has);
}
