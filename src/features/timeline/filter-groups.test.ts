import { describe, expect, it } from 'vitest';
import { FILTER_LIST_MAX, filterGroups } from './timeline.pages.ts';
import { timelineQuerySchema } from './timeline.schema.ts';

type Options = Parameters<typeof filterGroups>[0];
type Facets = NonNullable<Parameters<typeof filterGroups>[2]>;

const subjects = Array.from({ length: 40 }, (_, i) => ({ slug: `model-${String(i).padStart(2, '0')}`, name: `Model ${String(i).padStart(2, '0')}` }));
const options = { organizations: [], subjects, kinds: [], confidences: [], statuses: [], tags: [] } as unknown as Options;
// Model 00 holds 1 entry, model 39 holds 40: the later the model, the more entries.
const facets = { organization: [], subject: subjects.map((s, i) => ({ value: s.slug, count: i + 1 })), kind: [], confidence: [], status: [], tag: [] } as Facets;

describe('checkbox lists of many values', () => {
  it('when a filter has more values than a list shows, then those with most entries are shown, in name order, and the rest are counted', () => {
    const subject = filterGroups(options, {}, facets).find((g) => g.name === 'subject')!;
    expect(subject.items).toHaveLength(FILTER_LIST_MAX);
    expect(subject.items[0]!.label).toBe('Model 10');
    expect(subject.items.at(-1)!.label).toBe('Model 39');
    expect(subject.more).toBe(10);
  });

  it('when every box of a full list is ticked, then the query is taken, and 50 values are refused naming the limit', () => {
    const subject = filterGroups(options, {}, facets).find((g) => g.name === 'subject')!;
    expect(timelineQuerySchema.safeParse({ subject: subject.items.map((i) => i.value) }).success).toBe(true);
    const fifty = timelineQuerySchema.safeParse({ subject: subjects.slice(0, 40).concat(subjects.slice(0, 10)).map((s, i) => `${s.slug}-${i}`) });
    expect(fifty.success).toBe(false);
    expect(fifty.error?.issues[0]?.message).toBe('Give at most 30 values for "subject" (50 given).');
  });

  it('when a value with few entries is chosen, then it stays in the list', () => {
    const subject = filterGroups(options, { subject: new Set(['model-00']) }, facets).find((g) => g.name === 'subject')!;
    expect(subject.items).toHaveLength(FILTER_LIST_MAX);
    expect(subject.items[0]).toMatchObject({ label: 'Model 00', checked: true, count: 1 });
    expect(subject.items.map((i) => i.label)).not.toContain('Model 10');
  });

  it('when a value has no entry for the query, then it is left out unless chosen', () => {
    const none = { ...facets, subject: [{ value: 'model-05', count: 2 }] } as Facets;
    const subject = filterGroups(options, { subject: new Set(['model-07']) }, none).find((g) => g.name === 'subject')!;
    expect(subject.items.map((i) => [i.label, i.count])).toEqual([
      ['Model 05', 2],
      ['Model 07', 0],
    ]);
    expect(subject.more).toBe(0);
  });
});
