import { describe, expect, it } from 'vitest';
import { bundleEvents, dateTextOf, datesOf, fromTimelineJs, htmlToText, toTimelineJs } from './timelinejs.ts';

const empty = { organizations: [{ slug: 'google', name: 'Google', website: null, description: '', aliases: ['Google DeepMind'] }], sources: [], events: [], tags: [] };
const opts = { groups: 'tags' as const, fileName: 'my.json' };
const file = (events: unknown[], title?: unknown) => JSON.stringify({ ...(title ? { title } : {}), events });

describe('TimelineJS dates', () => {
  it('when a slide gives the year only, the year and month, or a full day, then the date is that precise', () => {
    expect(dateTextOf({ start_date: { year: 2023 } })).toBe('2023');
    expect(dateTextOf({ start_date: { year: 2023, month: 3 } })).toBe('2023-03');
    expect(dateTextOf({ start_date: { year: 2023, month: 3, day: 14 } })).toBe('2023-03-14');
    expect(dateTextOf({ start_date: { year: 2023, month: 3 }, end_date: { year: 2023, month: 5 } })).toBe('2023-03/2023-05');
  });

  it('when the display date is a date Timeline reads, then its words are kept', () => {
    expect(dateTextOf({ start_date: { year: 2024, month: 4, day: 1 }, display_date: 'Q2 2024' })).toBe('Q2 2024');
    expect(dateTextOf({ start_date: { year: 2024 }, display_date: 'sometime, maybe' })).toBe('2024');
  });

  it('exports each precision as TimelineJS would show it, fuzzier dates as a window with their words', () => {
    expect(datesOf('2023')).toEqual({ start_date: { year: 2023 } });
    expect(datesOf('March 2023')).toEqual({ start_date: { year: 2023, month: 3 } });
    expect(datesOf('2023-03-14')).toEqual({ start_date: { year: 2023, month: 3, day: 14 } });
    expect(datesOf('early May 2025')).toMatchObject({ start_date: { year: 2025, month: 5, day: 1 }, display_date: 'early May 2025' });
  });
});

describe('TimelineJS slides to import records', () => {
  it('maps headline, text, group, media and unique_id; a group that is an organization’s alias is that organization, another group a tag', () => {
    const c = fromTimelineJs(
      file([
        { start_date: { year: '2016', month: '3' }, text: { headline: 'AlphaGo <b>beats</b> Lee Sedol', text: '<p>Four games to one &amp; more.</p>' }, group: 'Google DeepMind', media: { url: 'https://example.org/alphago', caption: 'The match', credit: 'Example News' }, unique_id: 'alphago' },
        { start_date: { year: 2017 }, text: { headline: 'Transformers' }, group: 'Research' },
      ]),
      empty,
      opts,
    );
    expect(c.problems).toEqual([]);
    expect(c.bundle.events[0]).toMatchObject({ slug: 'alphago', title: 'AlphaGo beats Lee Sedol', summary: 'Four games to one & more.', date: '2016-03', organizations: ['google'], kind: 'other' });
    expect(c.bundle.sources[0]).toMatchObject({ publisher: 'Example News', title: 'The match', url: 'https://example.org/alphago' });
    expect(c.bundle.events[1]).toMatchObject({ slug: 'transformers', date: '2017', organizations: [], tags: ['research'] });
    // No media: the file itself is the source.
    expect(c.bundle.sources[1]).toMatchObject({ publisher: 'TimelineJS file', title: 'my.json', url: null });
  });

  it('when groups are to become organizations, then an unknown group is a new organization', () => {
    const c = fromTimelineJs(file([{ start_date: { year: 2017 }, text: { headline: 'X' }, group: 'Anthropic' }]), empty, { ...opts, groups: 'organizations' });
    expect(c.bundle.organizations).toMatchObject([{ slug: 'anthropic', name: 'Anthropic' }]);
    expect(c.bundle.events[0]!.organizations).toEqual(['anthropic']);
  });

  it('gives each bad slide a clear message with its number', () => {
    const c = fromTimelineJs(
      file([
        { start_date: { year: 2023, month: 13 }, text: { headline: 'Bad month' } },
        { text: { headline: 'No date' } },
        { start_date: { year: 2023 } },
        { start_date: { year: 'soon' }, text: { headline: 'Bad year' } },
        { start_date: { year: 2023, month: 2, day: 30 }, text: { headline: 'No such day' } },
      ]),
      empty,
      opts,
    );
    expect(c.problems.map((p) => [p.row, p.field])).toEqual([
      [1, 'start_date.month'],
      [2, 'start_date'],
      [3, 'text.headline'],
      [4, 'start_date.year'],
      [5, 'start_date'],
    ]);
    expect(c.problems[0]!.message).toBe('month must be between 1 and 12.');
    expect(c.problems[4]!.message).toContain('2023-02-30 is not a day');
    expect(c.bundle.events).toEqual([]);
  });

  it('refuses what is not a TimelineJS file', () => {
    expect(fromTimelineJs('not json', empty, opts).problems[0]!.message).toMatch(/^This is not JSON/);
    expect(fromTimelineJs('{"slides": []}', empty, opts).problems[0]!.message).toMatch(/needs an "events" list/);
    expect(fromTimelineJs('', empty, opts).problems[0]!.message).toBe('The file is empty.');
  });
});

describe('records to TimelineJS', () => {
  it('escapes text as HTML, groups by organization names and uses the first linked source as media', () => {
    const doc = toTimelineJs(
      bundleEvents({
        organizations: [{ slug: 'meta', name: 'Meta', website: null, description: '', aliases: [] }],
        sources: [
          { key: 's1', publisher: 'P', title: 'No link', url: null, publishedOn: null, language: 'en', isPrimary: true, cites: null, discrepancies: [] },
          { key: 's2', publisher: 'Meta', title: 'Llama <2>', url: 'https://ai.meta.com/llama', publishedOn: null, language: 'en', isPrimary: false, cites: null, discrepancies: [] },
        ],
        events: [{ slug: 'llama-2', title: 'Llama 2 & co', summary: 'One.\n\nTwo.', kind: 'release', confidence: 'confirmed', date: '2023-07-18', edtf: '2023-07-18', organizations: ['meta'], subjects: [], tags: [], sources: [{ source: 's1', quote: null }, { source: 's2', quote: null }] }],
      }),
      { headline: 'T', text: 'x' },
    );
    expect(doc.events[0]).toEqual({
      start_date: { year: 2023, month: 7, day: 18 },
      text: { headline: 'Llama 2 &amp; co', text: '<p>One.</p><p>Two.</p>' },
      unique_id: 'llama-2',
      group: 'Meta',
      media: { url: 'https://ai.meta.com/llama', caption: 'Llama &lt;2&gt;', credit: 'Meta' },
    });
    expect(htmlToText(doc.events[0]!.text!.headline!)).toBe('Llama 2 & co');
  });
});
