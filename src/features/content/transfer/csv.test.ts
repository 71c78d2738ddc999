import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
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

  it('when a title starts with a spreadsheet formula character, then the CSV cell is neutralised and the import gives the title back exactly', () => {
    const titles = ['=HYPERLINK("http://x.example","y")', '+1+1', '-2+3', '@SUM(A1)', '\tTab', '\rReturn', "'=already quoted", "''@two quotes", "it's fine", '-'];
    const csv = toCsv('tags', titles.map((name, i) => ({ slug: `t${i}`, name })));
    const cells = (parse(csv) as string[][]).slice(1).map((row) => row[1]!);
    for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(cells[0]).toBe(`'${titles[0]}`);
    expect(cells[8]).toBe("it's fine");
    const back = fromCsv('tags', csv);
    expect(back.problems).toEqual([]);
    expect(back.records.map((r) => r.name)).toEqual(titles);
  });

  it('when a header is missing a column, then the file is refused naming it', () => {
    expect(fromCsv('tags', 'slug\nx\n').problems).toEqual([{ row: 1, field: 'header', message: 'Missing column for tags: name.' }]);
  });
});
