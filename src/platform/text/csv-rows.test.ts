import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvRowBatches, csvRows } from './csv-rows.ts';

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

/** All the rows of a text given to csvRowBatches in chunks of the given sizes (cycled), pieces cut from `piece` characters. */
async function batched(text: string | Buffer, sizes: number[], piece: number): Promise<string[][]> {
  const chunks: (string | Buffer)[] = [];
  for (let i = 0, k = 0; i < text.length; k++) {
    const size = sizes[k % sizes.length]!;
    chunks.push(text.slice(i, i + size));
    i += size;
  }
  const rows: string[][] = [];
  for await (const batch of csvRowBatches(chunks, piece)) rows.push(...batch);
  return rows;
}

describe('csvRowBatches', () => {
  const sample = fs.readFileSync(new URL('../../../test/fixtures/epoch/frontier_ai_models_2025-07.csv', import.meta.url), 'utf8');

  it('when the Epoch sample comes in chunks and is cut into pieces, then its rows are those of the whole text', async () => {
    let batches = 0;
    for await (const _ of csvRowBatches(sample.match(/[^]{1,1000}/g)!, 4000)) batches++;
    expect(batches).toBeGreaterThan(5);
    for (const piece of [1, 500, 4000, 100_000]) expect(await batched(sample, [1, 7, 4096, 333], piece)).toEqual(csvRows(sample));
  });

  it('when bytes come cut inside a character, then the text is decoded whole', async () => {
    const text = 'model,note\n"é ""x""",ü\r\nb,"line\nbreak ✓"\n';
    expect(await batched(Buffer.from(text, 'utf8'), [1, 2, 3], 8)).toEqual(csvRows(text));
  });

  it('when random well-formed texts come in random chunks and small pieces, then rows are csv-parse’s', async () => {
    let x = 11;
    const rnd = (k: number) => ((x = (x * 1103515245 + 12345) % 2 ** 31), x % k);
    const cells = ['a', 'b c', '', '"q"', '"with, comma"', '"two\nlines"', '"a ""quote"""', '"\r\n"', 'é'];
    for (let i = 0; i < 400; i++) {
      const eol = ['\n', '\r\n'][rnd(2)]!;
      const lines = Array.from({ length: rnd(12) }, () => Array.from({ length: 1 + rnd(4) }, () => cells[rnd(cells.length)]).join(','));
      const text = lines.join(eol) + (rnd(2) ? eol : '');
      expect([text, await batched(text, [1 + rnd(9), 1 + rnd(30)], 1 + rnd(40))]).toEqual([text, csvParse(text)]);
    }
  });

  it('when lines end with a lone carriage return, then the text is read whole, line feeds in cells kept', async () => {
    const text = 'a,b\r1,x\ny\r2,z\r';
    expect(await batched(text, [2], 3)).toEqual(csvParse(text));
  });
});

describe('csvRowBatches on a broken file', () => {
  it('when a later piece is broken, then the error names the line of the file, as csv-parse does for the whole text', async () => {
    const good = Array.from({ length: 50 }, (_, i) => `m${i},"a\nb",x`).join('\n');
    const text = `${good}\nbroken,a"b,c\n`;
    let message = '';
    try {
      for await (const _ of csvRowBatches(text.match(/[^]{1,64}/g)!, 200)) void _;
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toBe(csvParse(text));
    expect(message).toMatch(/at line 101\b/);
  });
});
