// Matched words marked in a result's text, as segments: the template prints each one escaped and
// wraps the hits in <mark>; the text itself is never trusted as HTML.
import { searchWords } from './search-text.ts';

export interface Segment {
  text: string;
  hit: boolean;
}

type Words = ReadonlyArray<{ word: string; prefix: boolean }>;

const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const ASCII = /^[\x00-\x7f]*$/;

function isHit(folded: string, words: Words): boolean {
  return words.some((w) => (w.prefix ? folded.startsWith(w.word) : folded === w.word));
}

/**
 * A function that cuts a text into segments, the words that match one of `words` (folded; a
 * prefix where allowed) marked as hits. Made once for many texts: ASCII text (most of it) folds by
 * lower-casing alone, so one case-blind expression finds its hits. Expressions run with `exec`
 * from index 0 (matchAll would copy them for every text), never across an await.
 */
export function highlighter(words: Words): (text: string) => Segment[] {
  const ascii = words.filter((w) => ASCII.test(w.word)).map((w) => (w.prefix ? `${w.word}[a-z0-9]*` : w.word));
  const asciiHits = ascii.length ? new RegExp(`(?<![a-z0-9])(?:${ascii.join('|')})(?![a-z0-9])`, 'gi') : null;
  return (text) => {
    if (words.length === 0 || text === '') return [{ text, hit: false }];
    const isAscii = ASCII.test(text);
    const re = isAscii ? asciiHits : WORD;
    if (!re) return [{ text, hit: false }];
    const out: Segment[] = [];
    let last = 0;
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      if (!isAscii && !searchWords(m[0]).some((f) => isHit(f, words))) continue;
      if (m.index > last) out.push({ text: text.slice(last, m.index), hit: false });
      out.push({ text: m[0], hit: true });
      last = m.index + m[0].length;
    }
    if (last < text.length) out.push({ text: text.slice(last), hit: false });
    return out;
  };
}
