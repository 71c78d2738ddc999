import { describe, expect, it } from 'vitest';
import { mapColumns } from './epoch.columns.ts';
import { checkDate, parseNumber, parseRow, splitLinks, splitOrganizations, truncateAtWord } from './epoch.parse.ts';

describe('Epoch cells', () => {
  it('reads numbers in scientific notation, with decimals or thousands commas, and refuses words', () => {
    expect(parseNumber('3.76e+24')).toEqual({ value: 3.76e24 });
    expect(parseNumber('180000000000.0')).toEqual({ value: 180e9 });
    expect(parseNumber('5.0000000000001e+26')).toEqual({ value: 5.0000000000001e26 });
    expect(parseNumber('1,024')).toEqual({ value: 1024 });
    expect(parseNumber('')).toEqual({ value: null });
    expect(parseNumber('about 7B')).toEqual({ error: '“about 7B” is not a number.' });
    expect(parseNumber('-5')).toHaveProperty('error');
  });

  it('refuses impossible dates with the reason', () => {
    expect(checkDate('2023-03-15')).toBeNull();
    expect(checkDate('2023-13-01')).toBe('“2023-13-01” is not a date: there is no month 13.');
    expect(checkDate('2023-02-30')).toBe('“2023-02-30” is not a date: that month has 28 days.');
    expect(checkDate('15/03/2023')).toMatch(/YYYY-MM-DD/);
  });

  it('splits links on new lines and "; " but not on a semicolon inside a URL', () => {
    expect(splitLinks('https://falconllm.tii.ae/falcon-180b.html; https://arxiv.org/abs/2311.16867')).toEqual([
      'https://falconllm.tii.ae/falcon-180b.html',
      'https://arxiv.org/abs/2311.16867',
    ]);
    expect(splitLinks('https://openai.com/index/hello-gpt-4o/ \nhttps://openai.com/index/gpt-4o-system-card/')).toHaveLength(2);
    expect(splitLinks('http://x.org/download;jsessionid=03A?doi=1')).toEqual(['http://x.org/download;jsessionid=03A?doi=1']);
    expect(splitLinks('not a link')).toEqual([]);
  });

  it('splits organizations on commas', () => {
    expect(splitOrganizations('Google DeepMind, Google Research,  ')).toEqual(['Google DeepMind', 'Google Research']);
  });

  it('cuts long abstracts at a word boundary within the limit', () => {
    const long = 'word '.repeat(2000);
    const cut = truncateAtWord(long, 5000);
    expect(cut.length).toBeLessThanOrEqual(5000);
    expect(cut.endsWith('word…')).toBe(true);
    expect(truncateAtWord('short', 5000)).toBe('short');
  });

  it('gives one message per bad cell of a row', () => {
    const map = mapColumns(['Model', 'Publication date', 'Parameters']);
    expect(parseRow(['', '2023-13-01', 'lots'], map, 7)).toEqual({
      problems: [
        { row: 7, field: 'Model', message: 'The model name is missing.' },
        { row: 7, field: 'Publication date', message: '“2023-13-01” is not a date: there is no month 13.' },
        { row: 7, field: 'Parameters', message: '“lots” is not a number.' },
      ],
    });
  });
});
