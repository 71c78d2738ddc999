import { describe, expect, it } from 'vitest';
import { parseInput } from '../../platform/validation.ts';
import { aliasConflicts, aliasesOf, aliasText, searchName, withoutOwnName } from './aliases.ts';
import { organizationSchema } from './content.schema.ts';

const held = [
  { id: 1, name: 'Meta', aliases: 'Meta AI\nFacebook AI Research' },
  { id: 2, name: 'Google', aliases: 'Google DeepMind\nDeepMind' },
];

describe('aliases', () => {
  it('when typed one per line, then blank lines, spaces and repeats (whatever the case) are dropped', () => {
    const r = parseInput(organizationSchema, { name: 'Meta', aliases: ' Meta AI \n\nFacebook  AI Research\nmeta ai\r\n' });
    expect(r).toMatchObject({ ok: true, value: { aliases: ['Meta AI', 'Facebook AI Research'] } });
  });

  it('when given as a list (an imported file), then it is read the same', () => {
    expect(parseInput(organizationSchema, { name: 'Meta', aliases: ['Meta AI'] })).toMatchObject({ ok: true, value: { aliases: ['Meta AI'] } });
  });

  it('when an alias is too long or not text, then the aliases field says so', () => {
    const long = parseInput(organizationSchema, { name: 'X', aliases: 'a'.repeat(201) });
    expect(long.ok).toBe(false);
    if (!long.ok) expect(long.errors.aliases).toMatch(/too long/);
    const bad = parseInput(organizationSchema, { name: 'X', aliases: [1] });
    expect(bad.ok).toBe(false);
  });

  it('when an alias is another organization’s alias or name, then the error names that organization', () => {
    const e = aliasConflicts('organization', { id: null, name: 'Alphabet', aliases: ['google-deepmind', 'META'] }, held);
    expect(e.aliases).toContain('“google-deepmind” is already an alias of the organization “Google”');
    expect(e.aliases).toContain('“META” is the name of another organization, “Meta”');
  });

  it('when the record keeps its own aliases, then nothing is refused', () => {
    expect(aliasConflicts('organization', { id: 2, name: 'Google', aliases: ['DeepMind', 'Google Brain'] }, held)).toEqual({});
  });

  it('when a new name is another organization’s alias, then the name field is refused', () => {
    expect(aliasConflicts('organization', { id: null, name: 'DeepMind', aliases: [] }, held).name).toMatch(/alias of the organization “Google”/);
  });

  it('drops the record’s own name from its aliases, stores one per line and feeds search with all names', () => {
    expect(withoutOwnName('Meta', ['meta', 'Meta AI'])).toEqual(['Meta AI']);
    expect(aliasesOf(aliasText(['A', 'B']))).toEqual(['A', 'B']);
    expect(searchName({ name: 'Google', aliases: 'DeepMind' })).toContain('DeepMind');
  });
});
