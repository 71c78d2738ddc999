import { describe, expect, it } from 'vitest';
import { compareNames, sortKey } from './sort-key.ts';

describe('sortKey', () => {
  it('when names differ by case, accents or width, then their keys are equal', () => {
    expect(sortKey('Écho AI')).toBe('echo ai');
    expect(sortKey('ÉCHO AI')).toBe(sortKey('écho ai'));
    expect(sortKey('Ａｌｅｘ')).toBe('alex');
    expect(sortKey('Zoë')).toBe('zoe');
  });

  it('when names are sorted by compareNames, then they come in reader order, the exact name breaking ties', () => {
    const names = ['edge', 'AT&T', 'Écho AI', 'AI21 Labs', 'Ecco', 'Adobe', 'ADALINE', 'AlexNet', 'ecco'];
    expect([...names].sort(compareNames)).toEqual(['ADALINE', 'Adobe', 'AI21 Labs', 'AlexNet', 'AT&T', 'Ecco', 'ecco', 'Écho AI', 'edge']);
  });
});
