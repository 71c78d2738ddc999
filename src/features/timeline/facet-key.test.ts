import { describe, expect, it } from 'vitest';
import { timelineQuerySchema } from './timeline.schema.ts';
import { facetKey } from './timeline.service.ts';

const key = (q: Record<string, unknown>) => facetKey(timelineQuerySchema.parse(q));

describe('which queries share their facets', () => {
  it('when only the page, order, sort or limit differ, then the facets are the same', () => {
    const base = key({ q: 'llama', organization: 'meta' });
    expect(key({ q: 'llama', organization: 'meta', sort: 'date' })).toBe(base);
    expect(key({ q: 'llama', organization: 'meta', order: 'oldest', limit: '10' })).toBe(base);
  });

  it('when the same values of a filter come in another order or twice, then the facets are the same', () => {
    expect(key({ kind: ['report', 'release'] })).toBe(key({ kind: ['release', 'report', 'release'] }));
  });

  it('when the search, a filter, the type or the dates differ, then the facets differ', () => {
    const base = key({ q: 'llama' });
    for (const other of [{ q: 'llamas' }, { q: 'llama', tag: 'open-weights' }, { q: 'llama', type: 'events' }, { q: 'llama', from: '2023' }, { q: 'llama', to: '2024' }]) {
      expect(key(other), JSON.stringify(other)).not.toBe(base);
    }
    expect(key({ organization: 'meta' })).not.toBe(key({ subject: 'meta' }));
  });
});
