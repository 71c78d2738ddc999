import { afterEach, describe, expect, it } from 'vitest';
import { KeyStore } from './spill.ts';

const stores: KeyStore[] = [];
const store = (spillAt: number) => {
  const s = new KeyStore(spillAt);
  stores.push(s);
  return s;
};
afterEach(() => stores.splice(0).forEach((s) => s.close()));

describe('spilling maps, sets and lists', () => {
  it('when a map grows past its bound, then it moves to the store and answers as a Map would', () => {
    const s = store(3);
    const m = s.map<{ id: number; tags: string[] }>();
    const ref = new Map<string | number, { id: number; tags: string[] }>();
    for (let i = 0; i < 50; i++) {
      const k = i % 7 === 0 ? i : `key ${i % 40}`;
      const v = { id: i, tags: [`t${i}`] };
      m.set(k, v);
      ref.set(k, v);
    }
    expect(s.spilled).toBe(true);
    expect(m.size).toBe(ref.size);
    for (const k of [...ref.keys(), 'missing', 1, '0']) {
      expect(m.has(k)).toBe(ref.has(k));
      expect(m.get(k)).toEqual(ref.get(k));
    }
  });

  it('when a set grows past its bound, then membership is kept, numbers and strings apart', () => {
    const s = store(2);
    const set = s.set();
    for (const k of ['a', 'b', 'c', 1, 'a']) set.add(k);
    expect(set.size).toBe(4);
    expect([set.has('a'), set.has('c'), set.has(1), set.has('1'), set.has('d')]).toEqual([true, true, true, false, false]);
  });

  it('when a list grows past its bound, then it is walked in order, again and again, across pages', () => {
    const s = store(4);
    const list = s.list<{ n: number }>();
    for (let i = 0; i < 1234; i++) list.push({ n: i });
    expect(list.length).toBe(1234);
    expect([...list].map((x) => x.n)).toEqual(Array.from({ length: 1234 }, (_, i) => i));
    // Lookups on the same store while a list is walked.
    const m = s.map<number>();
    let seen = 0;
    for (const x of list) {
      m.set(x.n, x.n * 2);
      seen += m.get(x.n) === x.n * 2 ? 1 : 0;
    }
    expect(seen).toBe(1234);
  });

  it('when nothing grows past the bound, then no store is opened', () => {
    const s = store(100);
    s.map<number>().set('a', 1);
    s.list<number>().push(1, 2);
    expect(s.spilled).toBe(false);
  });
});
