import { describe, expect, it } from 'vitest';
import { fromCsv, toCsv } from './csv.ts';

describe('CSV', () => {
  it('when records hold commas, quotes, line breaks, slug lists and nested lists, then they survive a round trip', () => {
    const record = {
      key: 'k',
      publisher: 'Le "Monde", Paris',
      title: 'Line one\nline two',
      url: null,
      publishedOn: '2023-09-11',
      language: 'fr',
      isPrimary: false,
      cites: null,
      discrepancies: [{ claim: 'a, b', correction: '"c"' }],
    };
    const { records, problems } = fromCsv('sources', toCsv('sources', [record]));
    expect(problems).toEqual([]);
    expect(records).toEqual([{ ...record, url: '', cites: '', isPrimary: 'false' }]);
    const subjects = fromCsv('subjects', toCsv('subjects', [{ slug: 's', name: 'S', kind: 'model', description: '', organizations: ['meta', 'openai'] }]));
    expect(subjects.records[0]!.organizations).toEqual(['meta', 'openai']);
  });

  it('when a header is missing a column, then the file is refused naming it', () => {
    expect(fromCsv('tags', 'slug\nx\n').problems).toEqual([{ row: 1, field: 'header', message: 'Missing column for tags: name.' }]);
  });
});
