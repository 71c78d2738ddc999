/**
 * Claim extraction: from an article's text, its publication date and language, the sentences that
 * hold a future-dated expression, each with the expression, the window it means and its shape.
 * Pure: no I/O. Our claim-date grammar reads the fuzzy and shaped expressions ("dans le courant de
 * l'année prochaine", "within two years"); chrono-node finds the plain calendar dates it does not
 * ("on March 3", "le 3 mars", "next Tuesday"), read forward from the publication date.
 */
import * as chrono from 'chrono-node';
import { formatFuzzyDate, normaliseDateText, tryParseClaimDate, type ClaimShape } from '../dates/index.ts';

export const EXTRACT_LANGUAGES = ['en', 'fr'] as const;
export type ExtractLanguage = (typeof EXTRACT_LANGUAGES)[number];

export interface Candidate {
  /** The sentence, verbatim: the claim's quote. */
  sentence: string;
  /** The date expression, verbatim. */
  phrase: string;
  /** ISO instants, end exclusive; null where the shape is open. */
  start: string | null;
  end: string | null;
  shape: ClaimShape;
  label: string;
  /** The stated likelihood as written, when the phrase carries one. */
  likelihood: string | null;
  /** Which reader found it. */
  reader: 'grammar' | 'chrono';
}

const DAY_MS = 86_400_000;
/** Words a span is built around: anything with a digit, and the words of relative horizons. */
const ANCHOR = /\d|^(?:years?|months?|weeks?|quarters?|decades?|ans?|annees?|mois|semaines?|trimestres?|decennies?|prochaine?s?|next|this|cette|ce)$/;
const BEFORE = 8;
const AFTER = 3;

interface Token {
  text: string;
  norm: string;
  start: number;
  end: number;
}

function tokens(sentence: string): Token[] {
  const out: Token[] = [];
  for (const m of sentence.matchAll(/\S+/g)) {
    const text = m[0];
    out.push({ text, norm: normaliseDateText(text).replace(/^[("«“]+|[)"»”.,;:!?]+$/g, ''), start: m.index, end: m.index + text.length });
  }
  return out;
}

/** Sentences, with headlines and paragraphs (line breaks) kept apart. */
export function sentences(text: string, lang: ExtractLanguage): string[] {
  const segmenter = new Intl.Segmenter(lang, { granularity: 'sentence' });
  const out: string[] = [];
  for (const paragraph of text.split(/\n\s*\n|\r?\n/)) {
    for (const s of segmenter.segment(paragraph)) {
      const sentence = s.segment.trim();
      if (sentence) out.push(sentence);
    }
  }
  return out;
}

/** Without the punctuation around it, keeping a closing parenthesis that closes one inside. */
function trimPhrase(text: string): string {
  let out = text.replace(/^[("«“,;:]+/, '').replace(/["»”.,;:!?]+$/, '');
  const count = (c: string) => out.split(c).length - 1;
  while (out.endsWith(')') && count(')') > count('(')) out = out.slice(0, -1).replace(/["»”.,;:!?]+$/, '');
  return out.trim();
}

interface Found {
  from: number;
  to: number;
  phrase: string;
  start: Date | null;
  end: Date | null;
  shape: ClaimShape;
  label: string;
  likelihood: string | null;
  reader: Candidate['reader'];
}

/** The longest span around each anchor that the claim-date grammar reads, without overlaps. */
function grammarSpans(sentence: string, published: Date): Found[] {
  const toks = tokens(sentence);
  const found: Found[] = [];
  const taken = (a: number, b: number) => found.some((f) => a < f.to && b > f.from);
  for (let i = 0; i < toks.length; i++) {
    if (!ANCHOR.test(toks[i]!.norm)) continue;
    let best: Found | null = null;
    for (let a = Math.max(0, i - BEFORE); a <= i; a++) {
      for (let b = Math.min(toks.length - 1, i + AFTER); b >= i; b--) {
        const from = toks[a]!.start;
        const to = toks[b]!.end;
        if (best && to - from <= best.to - best.from) continue;
        if (taken(from, to)) continue;
        const phrase = trimPhrase(sentence.slice(from, to));
        if (!phrase) continue;
        const r = tryParseClaimDate(phrase, { relativeTo: published });
        if (!r.ok || (r.value.start === null && r.value.end === null)) continue;
        best = {
          from,
          to,
          phrase,
          start: r.value.start,
          end: r.value.end,
          shape: r.value.shape,
          label: r.value.label,
          likelihood: r.value.likelihood?.text ?? null,
          reader: 'grammar',
        };
      }
    }
    if (best) found.push(best);
  }
  return found;
}

/** Calendar dates chrono-node reads that the grammar did not, at the precision they were given. */
function chronoSpans(sentence: string, published: Date, lang: ExtractLanguage, known: Found[]): Found[] {
  const parser = lang === 'fr' ? chrono.fr : chrono.en;
  const out: Found[] = [];
  for (const r of parser.parse(sentence, { instant: published, timezone: 0 }, { forwardDate: true })) {
    const from = r.index;
    const to = r.index + r.text.length;
    if (known.some((f) => from < f.to && to > f.from)) continue;
    const c = r.start;
    const year = c.get('year');
    const month = c.get('month');
    const day = c.get('day');
    if (year === null || month === null) continue;
    const hasDay = c.isCertain('day') || c.isCertain('weekday');
    const hasMonth = c.isCertain('month') || hasDay;
    if (!hasMonth) continue; // a bare year or a time of day is the grammar's business, or no date
    const start = new Date(Date.UTC(year, month - 1, hasDay ? (day ?? 1) : 1));
    const end = hasDay ? new Date(start.getTime() + DAY_MS) : new Date(Date.UTC(year, month, 1));
    out.push({
      from,
      to,
      phrase: trimPhrase(r.text),
      start,
      end,
      shape: 'window',
      label: formatFuzzyDate({ start, end, precision: hasDay ? 'day' : 'month' }),
      likelihood: null,
      reader: 'chrono',
    });
  }
  return out;
}

/**
 * Every sentence holding a date expression that is still ahead on the publication day, with the
 * expression's reading. Text with no such date gives an empty list.
 */
export function extractClaims(text: string, published: Date, lang: ExtractLanguage): Candidate[] {
  const day = new Date(Date.UTC(published.getUTCFullYear(), published.getUTCMonth(), published.getUTCDate()));
  const out: Candidate[] = [];
  for (const sentence of sentences(text, lang)) {
    const grammar = grammarSpans(sentence, day);
    const all = [...grammar, ...chronoSpans(sentence, day, lang, grammar)].sort((a, b) => a.from - b.from);
    for (const f of all) {
      if (f.end !== null && f.end <= day) continue; // already past when published
      out.push({
        sentence,
        phrase: f.phrase,
        start: f.start?.toISOString() ?? null,
        end: f.end?.toISOString() ?? null,
        shape: f.shape,
        label: f.label,
        likelihood: f.likelihood,
        reader: f.reader,
      });
    }
  }
  return out;
}
