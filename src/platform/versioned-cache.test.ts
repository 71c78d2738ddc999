import { describe, expect, it } from 'vitest';
import { createVersionedCache } from './versioned-cache.ts';

function counter() {
  let n = 0;
  return { make: async () => `made ${++n}`, get count() { return n; } };
}

describe('versioned cache', () => {
  it('when a key is asked twice at the same version, then it is made once', async () => {
    const cache = createVersionedCache<string>({ version: async () => 1 });
    const c = counter();
    expect(await cache.through('a', c.make)).toBe('made 1');
    expect(await cache.through('a', c.make)).toBe('made 1');
    expect(c.count).toBe(1);
    expect(await cache.through('b', c.make)).toBe('made 2');
  });

  it('when the content version changes, then the key is made again', async () => {
    let version = 1;
    const cache = createVersionedCache<string>({ version: async () => version });
    const c = counter();
    await cache.through('a', c.make);
    version = 2;
    expect(await cache.through('a', c.make)).toBe('made 2');
    expect(await cache.through('a', c.make)).toBe('made 2');
  });

  it('when a value is made while a transaction is open, or while one starts, then it is not kept', async () => {
    let mark: number | null = null;
    const cache = createVersionedCache<string>({ version: async () => 1, transactionMark: () => mark });
    const c = counter();
    await cache.through('a', c.make);
    expect(await cache.through('a', c.make)).toBe('made 2');
    mark = 5;
    const slot = await cache.open('a');
    mark = 6; // a transaction started while the value was made
    expect(slot.keep('seen mid-transaction')).toBe(false);
    expect(await cache.through('a', c.make)).toBe('made 3');
    expect(await cache.through('a', c.make)).toBe('made 3');
  });

  it('when more keys are kept than allowed, then the least recently used goes first', async () => {
    const cache = createVersionedCache<string>({ version: async () => 1, maxEntries: 2 });
    const c = counter();
    await cache.through('a', c.make); // made 1
    await cache.through('b', c.make); // made 2
    await cache.through('a', c.make); // a is now the most recent
    await cache.through('c', c.make); // made 3: b goes
    expect(await cache.through('a', c.make)).toBe('made 1');
    expect(await cache.through('b', c.make)).toBe('made 4');
  });
});
