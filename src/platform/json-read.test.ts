import { describe, expect, it } from 'vitest';
import { chunksOf, jsonEntries, JsonReadError, MAX_ITEM_CHARS, readJsonObject } from './json-read.ts';

const tricky = {
  format: 'timeline-export',
  version: 1,
  events: [
    { slug: 'a', title: 'Quotes " and \\ backslashes \\\\", brackets ] } [ {, commas, and colons: here', tags: [] },
    { slug: 'b', title: 'Unicode: é 漢字 😀 \u2028', nested: { list: [1, 2.5e3, -0.1, true, false, null, [[]], {}] } },
    { slug: 'c', summary: '\\"', n: 1.5552e18 },
  ],
  empty: [],
  text: 'plain',
  __proto__field: { x: 1 },
};
const text = JSON.stringify(tricky, null, 2);

async function error(input: string, size?: number): Promise<string> {
  try {
    await readJsonObject(chunksOf(input, size));
  } catch (err) {
    expect(err).toBeInstanceOf(JsonReadError);
    return (err as Error).message;
  }
  throw new Error('no error');
}

describe('reading a JSON file as it streams', () => {
  it('when the text comes in chunks of any size, even one character, then the object is what JSON.parse gives', async () => {
    for (const size of [1, 2, 3, 7, 64, 1 << 20]) expect(await readJsonObject(chunksOf(text, size))).toEqual(JSON.parse(text));
    expect(await readJsonObject(chunksOf(JSON.stringify(tricky)))).toEqual(tricky);
  });

  it('when bytes arrive cut in the middle of a character, or with a byte order mark, then the text is read right', async () => {
    const bytes = Buffer.from(`\uFEFF${text}`, 'utf8');
    const pieces = Array.from({ length: Math.ceil(bytes.length / 5) }, (_, i) => bytes.subarray(i * 5, i * 5 + 5));
    expect(await readJsonObject(pieces)).toEqual(JSON.parse(text));
  });

  it('when lists are read, then each item comes alone, numbered, after its list', async () => {
    const entries = [];
    for await (const e of jsonEntries(chunksOf('{"a": [ {"x": 1}, 2 ], "b": "c"}', 4))) entries.push(e);
    expect(entries).toEqual([
      { kind: 'list', key: 'a' },
      { kind: 'item', key: 'a', index: 0, value: { x: 1 } },
      { kind: 'item', key: 'a', index: 1, value: 2 },
      { kind: 'value', key: 'b', value: 'c' },
    ]);
  });

  it('when a field is named __proto__, then it is a field like any other', async () => {
    const got = await readJsonObject(chunksOf('{"__proto__": {"polluted": true}, "a": 1}'));
    expect(Object.keys(got)).toEqual(['__proto__', 'a']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('when the file is not JSON, is cut short, holds another value than an object or has more after it, then the message says so', async () => {
    expect(await error('')).toBe('The file is empty.');
    expect(await error('  \n ')).toBe('The file is empty.');
    expect(await error('hello')).toMatch(/^This is not valid JSON: unexpected "h" at character 1 \(expected “\{”\)\.$/);
    expect(await error('[1, 2]')).toBe('The JSON file must hold one object, as written by the export.');
    expect(await error('"text"')).toBe('The JSON file must hold one object, as written by the export.');
    expect(await error(text.slice(0, text.length / 2), 16)).toBe('This is not valid JSON: the file ends before the JSON does (is it cut short?).');
    expect(await error('{"a": 1')).toMatch(/ends before the JSON does/);
    expect(await error('{"a": 1} x')).toMatch(/^This is not valid JSON: unexpected "x" at character 10 \(nothing may follow the object\)\.$/);
    expect(await error('{"a": [1,]}')).toMatch(/unexpected "\]" at character 10 \(expected a list item\)/);
    expect(await error('{"a" 1}')).toMatch(/expected “:”/);
    expect(await error('{"events": [{"slug": "a"}, {"slug": nope}]}')).toMatch(/^This is not valid JSON: Unexpected token .+ \(“events”, item 2\)\.$/);
  });

  it('when one item is larger than the limit, then reading stops with a message instead of holding it', async () => {
    const big = `{"events": [{"summary": "${'x'.repeat(MAX_ITEM_CHARS + 10)}"}]}`;
    expect(await error(big)).toBe('This is not valid JSON: “events”, item 1 is longer than 4 MB.');
  });
});
