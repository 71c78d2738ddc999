import { describe, expect, it } from 'vitest';
import { cell, mapColumns } from './epoch.columns.ts';
import { parseRow } from './epoch.parse.ts';

describe('Epoch column mapping', () => {
  it('finds columns by name whatever their order, and lists the ones it ignores', () => {
    const map = mapColumns(['Organization', 'Citations', 'Publication date', 'Model', 'Parameters']);
    expect(map.missing).toEqual([]);
    expect(map.ignored).toEqual(['Citations']);
    const cells = ['Meta AI', '12', '2024-07-23', 'Llama 3.1-405B', '405000000000.0'];
    expect(cell(cells, map, 'model')).toBe('Llama 3.1-405B');
    expect(cell(cells, map, 'organization')).toBe('Meta AI');
  });

  it('reads the older tables that call the model column "System", ignoring case and spaces in headers', () => {
    const map = mapColumns(['\uFEFFsystem', ' publication   DATE ', 'Training compute (FLOP)']);
    expect(map.missing).toEqual([]);
    expect(cell(['AlexNet', '2012-09-30', '4.7e17'], map, 'trainingCompute')).toBe('4.7e17');
  });

  it('reports a table without model names or dates as missing those columns', () => {
    expect(mapColumns(['slug', 'title']).missing).toEqual(['model', 'date']);
  });

  it('takes the dataset size from the "(total)" column, not the bare one some tables fill with model names', () => {
    const map = mapColumns(['Model', 'Publication date', 'Training dataset size', 'Training dataset size (total)']);
    expect(map.ignored).toEqual(['Training dataset size']);
    const r = parseRow(['Nemotron-4 340B', '2024-06-14', 'Nemotron-4 340B', '9000000000000'], map, 2);
    expect('row' in r && r.row.datasetSize).toBe(9e12);
  });
});
