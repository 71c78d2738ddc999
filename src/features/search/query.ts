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

function fts5Terms(terms: Term[], op: 'AND' | 'OR'): string {
  return terms.map((t) => `"${t.words.join(' ')}"${t.prefix ? ' *' : ''}`).join(` ${op} `);
}

/** The FTS5 MATCH expression for rows holding every term in searchText, for timeline order (no ranking). */
export function toFts5All(terms: Term[]): string {
  return `{searchText} : (${fts5Terms(terms, 'AND')})`;
}

/**
 * The FTS5 MATCH expression for ranking rows holding every term in searchText. The second half never
 * narrows the match (every term is in searchText), but makes bm25 count the terms found in the
 * title too, so that a title match ranks before a summary match.
 */
export function toFts5(terms: Term[]): string {
  const all = fts5Terms(terms, 'AND');
  const any = fts5Terms(terms, 'OR');
  return `{searchText} : (${all}) AND ({title} : (${any}) OR {searchText} : (${any}))`;
}

/**
 * The FTS5 MATCH expression of a ranked top-k read (no other filter): the same rows as toFts5 with
 * the exclusions folded in (`… NOT {searchText} : (…)`), so that FTS5 alone yields the candidates.
 * When every included term is one word the expression is not restricted to a column: a row's title
 * words are also in its searchText (buildSearchText starts with the title), so the matched rows are
 * the same, and bm25 counts title hits (weight 10) without the second, OR-ed half that doubles the
 * work. Phrases keep toFts5's form: the title's own tokens could join words that searchText keeps
 * apart (`a_b` is `a xunderscorex b` there).
 */
export function toFts5Ranked(q: SearchQuery): string {
  const single = q.include.every((t) => t.words.length === 1);
  const inc = single ? `(${fts5Terms(q.include, 'AND')})` : toFts5(q.include);
  return q.exclude.length ? `${inc} NOT ${toFts5Any(q.exclude)}` : inc;
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
