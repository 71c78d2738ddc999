// Matched words marked in a result's text, as segments: the template prints each one escaped and
// wraps the hits in <mark>; the text itself is never trusted as HTML.
import { searchWords } from './search-text.ts';

export interface Segment {
  text: string;
  hit: boolean;
}

/** `text` cut into segments, the words that match one of `words` (folded; a prefix where allowed) marked as hits. */
export function highlight(text: string, words: ReadonlyArray<{ word: string; prefix: boolean }>): Segment[] {
  if (words.length === 0 || text === '') return [{ text, hit: false }];
  const isHit = (folded: string) => words.some((w) => (w.prefix ? folded.startsWith(w.word) : folded === w.word));
  const out: Segment[] = [];
  let last = 0;
  for (const m of text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)) {
    // Plain ASCII words (most of them) fold by lower-casing alone.
    const folded = /^[A-Za-z0-9]+$/.test(m[0]) ? [m[0].toLowerCase()] : searchWords(m[0]);
    if (!folded.some(isHit)) continue;
    if (m.index > last) out.push({ text: text.slice(last, m.index), hit: false });
    out.push({ text: m[0], hit: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last), hit: false });
  return out;
}
