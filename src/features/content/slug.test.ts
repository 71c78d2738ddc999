import { describe, expect, it } from 'vitest';
import { firstFreeSlug, slugify } from './slug.ts';

describe('slugs', () => {
  it('when a title has accents, punctuation and spaces, then the slug keeps only lower-case words joined by hyphens', () => {
    expect(slugify('  Début 2024 — Llama 3.1 (405B)!  ')).toBe('debut-2024-llama-3-1-405b');
    expect(slugify('<script>')).toBe('script');
    expect(slugify('!!!')).toBe('');
  });

  it('when a slug is taken, then the next free numbered one is chosen, staying within the length limit', () => {
    expect(firstFreeSlug('gemini', new Set())).toBe('gemini');
    expect(firstFreeSlug('gemini', new Set(['gemini', 'gemini-2']))).toBe('gemini-3');
    const long = 'a'.repeat(80);
    expect(firstFreeSlug(long, new Set([long]))).toBe(`${'a'.repeat(78)}-2`);
    expect(firstFreeSlug('', new Set())).toBe('entry');
  });
});
