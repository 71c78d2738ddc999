import { describe, expect, it } from 'vitest';
import { NameMatcher, ORGANIZATION_ALIASES, normaliseName, releaseBaseName, titleNames } from './match.ts';

describe('matching names', () => {
  const subjects = new NameMatcher([
    { slug: 'gpt-4', name: 'GPT-4' },
    { slug: 'falcon-180b', name: 'Falcon 180B' },
    { slug: 'llama-3-1', name: 'Llama 3.1' },
  ]);

  it('matches by name whatever the case, punctuation, spaces or dashes', () => {
    expect(subjects.find('Falcon-180B')).toBe('falcon-180b');
    expect(subjects.find('falcon 180b')).toBe('falcon-180b');
    expect(subjects.find('Falcon180B')).toBe('falcon-180b');
    expect(subjects.find('gpt 4')).toBe('gpt-4');
    expect(subjects.find('LLaMA 3.1')).toBe('llama-3-1');
  });

  it('matches by slug', () => {
    expect(subjects.find('llama-3-1')).toBe('llama-3-1');
  });

  it('does not match a different model that starts the same', () => {
    expect(subjects.find('GPT-4o')).toBeNull();
    expect(subjects.find('Llama 3.1-405B')).toBeNull();
    expect(subjects.find('')).toBeNull();
  });

  it('matches organizations by alias', () => {
    const orgs = new NameMatcher([{ slug: 'meta', name: 'Meta' }, { slug: 'nvidia', name: 'Nvidia' }], ORGANIZATION_ALIASES);
    expect(orgs.find('Meta AI')).toBe('meta');
    expect(orgs.find('Facebook AI Research')).toBe('meta');
    expect(orgs.find('NVIDIA')).toBe('nvidia');
    expect(orgs.find('Google DeepMind')).toBeNull();
  });

  it('reads a month qualifier as the model released that month, and only that month', () => {
    expect(releaseBaseName('GPT-4 (Mar 2023)', '2023-03-15')).toBe('GPT-4');
    expect(releaseBaseName('GPT-4 (Jun 2023)', '2023-03-15')).toBeNull();
    expect(releaseBaseName('Llama 4 Behemoth (preview)', '2025-04-05')).toBeNull();
  });

  it('finds a model named in an event title as whole words', () => {
    expect(titleNames('OpenAI releases GPT-4', 'GPT-4')).toBe(true);
    expect(titleNames('OpenAI releases GPT-4o', 'GPT-4')).toBe(false);
    expect(normaliseName('Université de Montréal')).toBe('universite de montreal');
  });
});
