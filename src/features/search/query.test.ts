import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { highlighter } from './highlight.ts';
import { MAX_TERMS, parseSearch, toFts5Any, toFts5Match, toTsquery } from './query.ts';
import { buildSearchText, searchWords } from './search-text.ts';

const words = (q: string) => parseSearch(q)?.include.map((t) => t.words.join(' '));

describe('searchWords', () => {
  it('when text has accents, case and punctuation, then it becomes folded words', () => {
    expect(searchWords('Début de GPT-4, à Zürich; Straße Øresund')).toEqual(['debut', 'de', 'gpt', '4', 'a', 'zurich', 'strasse', 'oresund']);
  });
  it('when text holds % and _, then they become marker words, not wildcards', () => {
    expect(buildSearchText(['100% Sure_thing'])).toBe('100 xpercentx sure xunderscorex thing');
  });
});

describe('parseSearch', () => {
  it('when given words, then each is a prefix term', () => {
    expect(parseSearch('Llama Meta')).toEqual({
      include: [{ words: ['llama'], prefix: true }, { words: ['meta'], prefix: true }],
      exclude: [],
    });
  });
  it('when given a quoted phrase, then its words stand together and whole', () => {
    expect(parseSearch('"open weights" llama')?.include).toEqual([
      { words: ['open', 'weights'], prefix: false },
      { words: ['llama'], prefix: true },
    ]);
  });
  it('when a word or a phrase is preceded by -, then it is excluded', () => {
    expect(parseSearch('llama -meta -"open weights"')).toEqual({
      include: [{ words: ['llama'], prefix: true }],
      exclude: [{ words: ['meta'], prefix: false }, { words: ['open', 'weights'], prefix: false }],
    });
  });
  it('when a word has inner punctuation, then its parts form a phrase', () => {
    expect(parseSearch('gpt-4')?.include).toEqual([{ words: ['gpt', '4'], prefix: true }]);
  });
  it.each([
    ['"unclosed phrase', ['unclosed phrase']],
    ['NEAR(a b)', ['near a', 'b']],
    ['llama OR gpt', ['llama', 'or', 'gpt']],
    ['a AND b NOT c', ['a', 'and', 'b', 'not', 'c']],
    ['title:llama^2', ['title llama 2']],
    ['llama*', ['llama']],
  ])('when the input is %j, then it is read as plain words', (q, expected) => {
    expect(words(q)).toEqual(expected);
  });
  it.each(['', '   ', '-', '--', '***', '""', '-""', '^:*()', '%%%'.replace(/%/g, '(')])('when the input %j holds no word, then there is nothing to search', (q) => {
    expect(parseSearch(q)).toBeNull();
  });
  it('when there are only exclusions, then the query has no included term', () => {
    expect(parseSearch('-meta')).toEqual({ include: [], exclude: [{ words: ['meta'], prefix: false }] });
  });
  it('when the input is 10,000 characters, then it is cut to a bounded query', () => {
    const q = parseSearch('y'.repeat(10_000));
    expect(q?.include).toHaveLength(1);
    expect(q!.include[0]!.words[0]!.length).toBeLessThanOrEqual(64);
    expect(parseSearch('a '.repeat(5000))!.include.length).toBeLessThanOrEqual(MAX_TERMS);
  });
  it('when % or _ is searched, then the marker word is the term', () => {
    expect(words('%')).toEqual(['xpercentx']);
    expect(words('sure_thing')).toEqual(['sure xunderscorex thing']);
  });
});

describe('engine syntax', () => {
  it('when terms are written for FTS5 and PostgreSQL, then phrases, prefixes and alternatives are kept', () => {
    const q = parseSearch('"open weights" lla -meta')!;
    expect(toFts5Match(q)).toBe('({searchText} : ("open weights" AND "lla" *)) NOT {searchText} : ("meta")');
    expect(toFts5Match(q, 1)).toBe('({searchText} : ("open weights" AND "lla" *) AND {title} : ("open weights" AND "lla" *)) NOT {searchText} : ("meta")');
    expect(toFts5Match(q, 2)).toBe('(({searchText} : ("open weights" AND "lla" *)) NOT ({title} : ("open weights" AND "lla" *))) NOT {searchText} : ("meta")');
    // One-word terms: a title word is also in searchText, so the title alone decides tier 1.
    expect(toFts5Match(parseSearch('lla')!, 1)).toBe('{title} : ("lla" *)');
    expect(toFts5Any(q.exclude)).toBe('{searchText} : ("meta")');
    expect(toTsquery(q.include)).toBe("('open' <-> 'weights') & 'lla':*");
    expect(toTsquery(q.exclude, true)).toBe("'meta'");
    expect(toTsquery(q.include, false, 'D')).toBe("('open':D <-> 'weights':D) & 'lla':*D");
    expect(toTsquery(q.exclude, true, 'D')).toBe("'meta':D");
  });

  it('when any input is parsed, then it never throws and every word is letters and digits only', () => {
    fc.assert(
      fc.property(fc.oneof(
        fc.string({ maxLength: 300 }),
        fc.string({ unit: 'binary', maxLength: 300 }),
        fc.array(fc.constantFrom('"', '-', '*', '(', ')', ':', '^', ' ', 'OR', 'NEAR', 'a', 'é', '%', '_', "'", '\\'), { maxLength: 60 }).map((a) => a.join('')),
      ), (input) => {
        const q = parseSearch(input);
        if (q === null) return;
        const all = [...q.include, ...q.exclude];
        expect(all.length).toBeGreaterThan(0);
        expect(all.length).toBeLessThanOrEqual(MAX_TERMS);
        for (const t of all) {
          expect(t.words.length).toBeGreaterThan(0);
          for (const w of t.words) expect(w).toMatch(/^[\p{L}\p{N}]{1,64}$/u);
        }
        // Valid syntax: quotes balanced, only the operators this module writes.
        if (q.include.length) {
          const fts = toFts5Match(q, 2);
          expect((fts.match(/"/g) ?? []).length % 2).toBe(0);
          expect(toTsquery(q.include)).toMatch(/^(\(?'[\p{L}\p{N}]+'(:\*)?( <-> '[\p{L}\p{N}]+'(:\*)?)*\)?)( & (\(?'[\p{L}\p{N}]+'(:\*)?( <-> '[\p{L}\p{N}]+'(:\*)?)*\)?))*$/u);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('highlight', () => {
  it('when words match by prefix and accent, then only those words are marked, the rest kept as text', () => {
    expect(highlighter([{ word: 'debut', prefix: false }, { word: 'lla', prefix: true }])('Début of Llama-2 <b>')).toEqual([
      { text: 'Début', hit: true },
      { text: ' of ', hit: false },
      { text: 'Llama', hit: true },
      { text: '-2 <b>', hit: false },
    ]);
  });
  it('when one highlighter marks many texts in turn, then each text gets its own hits, whatever the text before it held', () => {
    const mark = highlighter([{ word: 'llama', prefix: true }]);
    const texts = ['Llama 2 and llamas', 'no match here', 'Über Llama', 'a llama', ''];
    const hits = texts.map((t) => mark(t).filter((s) => s.hit).map((s) => s.text));
    expect(hits).toEqual([['Llama', 'llamas'], [], ['Llama'], ['llama'], []]);
    expect(mark('a llama, b').map((s) => s.text).join('')).toBe('a llama, b');
  });
  it('when nothing is searched, then the text is one plain segment', () => {
    expect(highlighter([])('a <i>b</i>')).toEqual([{ text: 'a <i>b</i>', hit: false }]);
  });
});
