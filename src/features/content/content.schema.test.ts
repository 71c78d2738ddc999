import { describe, expect, it } from 'vitest';
import { parseInput } from '../../platform/validation.ts';
import { eventSchema, milestoneSchema, organizationSchema, parseTagList, sourceSchema } from './content.schema.ts';

describe('content schemas', () => {
  it('when a JSON client sends __proto__ or unknown keys, then the input is refused and nothing is polluted', () => {
    const r = parseInput(organizationSchema, JSON.parse('{"name":"X","__proto__":{"polluted":true},"id":3}'));
    expect(r).toEqual({ ok: false, errors: { _form: 'This form does not take the fields "__proto__", "id".' } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('when a single field comes as an array or an object, then it is refused with its name', () => {
    expect(parseInput(organizationSchema, { name: ['a', 'b'] })).toEqual({ ok: false, errors: { name: 'Give the name once, as text.' } });
    expect(parseInput(organizationSchema, { name: { a: 1 } })).toEqual({ ok: false, errors: { name: 'Give the name once, as text.' } });
  });

  it('when optional fields are left out, then they take their defaults', () => {
    expect(parseInput(organizationSchema, { name: '  Meta  ' })).toEqual({ ok: true, value: { name: 'Meta', slug: undefined, website: null, description: '', aliases: [] } });
  });

  it('when tags are typed with commas, then each becomes one tag, duplicates and blanks dropped', () => {
    expect(parseTagList(' Open weights, LLM,, open weights ,Élan ')).toEqual([
      { slug: 'open-weights', name: 'Open weights' },
      { slug: 'llm', name: 'LLM' },
      { slug: 'elan', name: 'Élan' },
    ]);
  });

  it('when source rows are sent as repeated fields, then filled rows pair up in order and a quote without its source is refused', () => {
    const ok = eventSchema.parse({ title: 'T', kind: 'release', date: '2024', sourceId: ['3', '', '5'], sourceQuote: ['q3', '', ''] });
    expect(ok.sources).toEqual([
      { sourceId: 3, quote: 'q3' },
      { sourceId: 5, quote: null },
    ]);
    const r = parseInput(eventSchema, { title: 'T', kind: 'release', date: '2024', sourceId: ['', ''], sourceQuote: ['orphan', ''] });
    expect(r).toEqual({ ok: false, errors: { sources: 'Each quote needs its source: choose it from the list, or type its number.' } });
    expect(parseInput(eventSchema, { title: 'T', kind: 'release', date: '2024' })).toEqual({ ok: false, errors: { sources: 'Add at least one source.' } });
  });

  it('when a discrepancy row has only one side, then it is refused', () => {
    const r = parseInput(sourceSchema, { publisher: 'P', title: 'T', discrepancyClaim: ['says'], discrepancyCorrection: [''] });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors.discrepancies).toMatch(/needs both/);
  });

  it('when a claim is dated, relative or an attribute, then it needs its window, its event or its date', () => {
    const errors = (v: Record<string, unknown>) => (parseInput(milestoneSchema, { title: 'C', ...v }) as { errors?: Record<string, string> }).errors;
    expect(errors({ kind: 'dated' })).toHaveProperty('expectedText');
    expect(errors({ kind: 'relative', claimedOn: '2024-01-01' })).toHaveProperty('afterEvent');
    expect(errors({ kind: 'attribute' })).toHaveProperty('claimedOn');
    const dated = milestoneSchema.parse({ title: 'C', kind: 'dated', expectedText: 'fin 2024', afterEvent: 'ignored' });
    expect(dated.expected?.precision).toBe('year-part');
    expect(dated.afterEvent).toBeNull();
  });

  it('when a date of publication is not a real day, then it is refused', () => {
    const r = parseInput(sourceSchema, { publisher: 'P', title: 'T', publishedOn: '2023-02-29' });
    expect(!r.ok && r.errors.publishedOn).toBe('"2023-02-29" is not a date: use YYYY-MM-DD, e.g. 2023-09-10.');
  });
});
