import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvRows } from './csv-rows.ts';

/** What csv-parse gives (rows, or its error's message) with the options csvRows stands for. */
function csvParse(text: string): string[][] | string {
  try {
    return parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true }) as string[][];
  } catch (err) {
    return (err as Error).message;
  }
}
function ours(text: string): string[][] | string {
  try {
    return csvRows(text);
  } catch (err) {
    return (err as Error).message;
  }
}

describe('csvRows', () => {
  it('when given the Epoch sample, then its rows are csv-parse’s', () => {
    const text = fs.readFileSync(new URL('../../../test/fixtures/epoch/frontier_ai_models_2025-07.csv', import.meta.url), 'utf8');
    expect(csvRows(text)).toEqual(csvParse(text));
  });

  it('when line endings, quotes, empty lines and cells vary, then rows and errors are csv-parse’s', () => {
    const cases = [
      '',
      '\uFEFF',
      '\uFEFFa,b\n1,2\n',
      'a,b\r\n1,2\r\n',
      'a,b\r1,2\r',
      'a,b\n1,2',
      'a,b\n\n\n1,2\n\n',
      'a,b\r\n\r\n1,2',
      'a,\n,\n,,\n',
      'a,b\n1,2,3\n4\n',
      '"a","b"\n"1",""\n""\n',
      '"x, ""y""\nz",2\n"",""',
      '"a\r\nb",c\r\nd,e\r\n',
      'a\rb\nc\n',
      'a\nb\r\nc\rd\n',
      'a,b\r\nc\nd,e\r\n',
      '"a"\r\nb\r\n',
      '"a"\rb\r',
      'a,b,',
      '"a",',
      '"a"',
      ',',
      '   \n  , \n',
      '"unclosed\n',
      'a"b,c\n',
      '"a"b,c\n',
      '"a" ,c\n',
      'a,"b""\n',
      '"a""",b\n',
      'x\uD800y,z\n',
      '\uFEFF"a",b\n',
    ];
    for (const text of cases) expect([text, ours(text)]).toEqual([text, csvParse(text)]);
  });

  it('when random texts are made of cells, quotes, commas and line endings, then rows and errors are csv-parse’s', () => {
    let x = 7;
    const rnd = (k: number) => ((x = (x * 1103515245 + 12345) % 2 ** 31), x % k);
    const pieces = ['a', 'bc', ' ', ',', '"', '""', '\n', '\r\n', '\r', 'é', '\uFEFF', ';', "'", '"q"'];
    for (let i = 0; i < 3000; i++) {
      const text = Array.from({ length: rnd(24) }, () => pieces[rnd(pieces.length)]).join('');
      expect([text, ours(text)]).toEqual([text, csvParse(text)]);
    }
  });
});
