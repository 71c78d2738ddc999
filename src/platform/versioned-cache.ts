/** Where a value made now may be kept: `keep` stores it under the version it was made at. */
export interface Slot<T> {
  /** The value kept for the key at the current content version, if any. */
  hit: T | undefined;
  /** Keeps `value` when it was made from committed rows only; says whether it was kept. */
  keep: (value: T) => boolean;
}

export interface VersionedCacheOptions {
  /** The current content version (content-version.ts); a value made at another version is not served. */
  version: () => Promise<number>;
  maxEntries?: number;
  /**
   * Null while reads may see uncommitted rows (SQLite: a transaction open on the one connection,
   * such as an import's), else a value that changes when a transaction starts. A value is kept
   * only when the mark was the same non-null value before and after it was made, so what showed
   * an import's rows before that import failed is never served again.
   */
  transactionMark?: () => number | null;
}

export interface VersionedCache<T> {
  /** Reads the version, and gives what is kept for `key` at it or a slot to keep what is made now. */
  open(key: string): Promise<Slot<T>>;
  /** The value kept for `key` at the current version, else `make()`'s, kept for the next caller. */
  through(key: string, make: () => Promise<T>): Promise<T>;
}

/** Values per key, valid until the content version changes; the least recently used go first past `maxEntries`. */
export function createVersionedCache<T>(opts: VersionedCacheOptions): VersionedCache<T> {
  const max = opts.maxEntries ?? 1000;
  const entries = new Map<string, { version: number; value: T }>();
  const markOf = opts.transactionMark ?? (() => 0);

  async function open(key: string): Promise<Slot<T>> {
    const version = await opts.version();
    const found = entries.get(key);
    if (found && found.version === version) {
      entries.delete(key);
      entries.set(key, found); // most recently used last
      return { hit: found.value, keep: () => false };
    }
    if (found) entries.delete(key);
    const mark = markOf();
    return {
      hit: undefined,
      keep: (value) => {
        if (mark === null || markOf() !== mark) return false;
        if (entries.size >= max) {
          const oldest = entries.keys().next().value;
          if (oldest !== undefined) entries.delete(oldest);
        }
        entries.set(key, { version, value });
        return true;
      },
    };
  }

  return {
    open,
    async through(key, make) {
      const slot = await open(key);
      if (slot.hit !== undefined) return slot.hit;
      const value = await make();
      slot.keep(value);
      return value;
    },
  };
}
