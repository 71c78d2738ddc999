// Maps, sets and lists that an import keeps for every row of its file (slugs, keys, ids, names),
// held in the heap while they are small and moved to a private temporary SQLite database once
// one holds SPILL_AT entries (decision 53), so that an import's memory stays flat however long its
// file. SQLite keeps a temporary database's pages in a cache of CACHE_KB and writes the rest to a
// file of its own, deleted when the connection closes.
import Database from 'better-sqlite3';

/** Entries a structure holds in the heap before it moves to the store. */
export const SPILL_AT = 2000;
/** Page cache of the store, in kB. */
const CACHE_KB = 4096;
/** Entries a spilled map keeps in the heap as well, the most recently set or found. */
const RECENT = 1024;
/** Bits of a spilled map's filter of the keys it holds (128 kB): most lookups of a key not held never reach SQLite. */
const FILTER_BITS = 1 << 20;
/** Rows read at a time when a list is walked (the connection cannot run another statement during an iterate()). */
const PAGE = 500;

type Key = string | number;

/** One import's store: opened when a structure first spills, closed (and its file deleted) by `close`. */
export class KeyStore {
  #db: Database.Database | null = null;
  #tables = 0;

  constructor(readonly spillAt = SPILL_AT) {}

  /** A new table in the store, for one structure. */
  table(columns: string): { db: Database.Database; name: string } {
    if (!this.#db) {
      // '' is SQLite's private temporary database, on disk past its cache.
      this.#db = new Database('');
      this.#db.pragma('journal_mode = OFF');
      this.#db.pragma('synchronous = OFF');
      this.#db.pragma(`cache_size = -${CACHE_KB}`);
      // One transaction for the store's life, never committed: a write is then a change to a
      // cached page, not a commit of its own.
      this.#db.exec('BEGIN');
    }
    const name = `t${++this.#tables}`;
    this.#db.exec(`CREATE TABLE ${name} (${columns})`);
    return { db: this.#db, name };
  }

  /** Whether any structure has moved to the store. */
  get spilled(): boolean {
    return this.#db !== null;
  }

  close(): void {
    this.#db?.close();
    this.#db = null;
  }

  map<V>(): SpillMap<V> {
    return new SpillMap<V>(this);
  }

  set(): SpillSet {
    return new SpillSet(this);
  }

  list<T>(): SpillList<T> {
    return new SpillList<T>(this);
  }
}

/** A Map of keys to JSON values (get, set, has, size), in the heap up to the store's spillAt entries. */
export class SpillMap<V> {
  #mem: Map<Key, V> | null = new Map();
  #size = 0;
  #get: Database.Statement | null = null;
  #insert: Database.Statement | null = null;
  #update: Database.Statement | null = null;
  /** Once spilled: the entries used last, and a Bloom filter of every key held. */
  readonly #recent = new Map<Key, V>();
  #filter: Uint32Array | null = null;

  constructor(readonly store: KeyStore) {}

  get size(): number {
    return this.#mem ? this.#mem.size : this.#size;
  }

  get(k: Key): V | undefined {
    if (this.#mem) return this.#mem.get(k);
    const recent = this.#recent.get(k);
    if (recent !== undefined || !this.#mayHold(k)) return recent;
    const json = this.#get!.get(k) as string | undefined;
    if (json === undefined) return undefined;
    const v = JSON.parse(json) as V;
    this.#remember(k, v);
    return v;
  }

  has(k: Key): boolean {
    return this.get(k) !== undefined;
  }

  set(k: Key, v: V): this {
    if (this.#mem) {
      this.#mem.set(k, v);
      if (this.#mem.size >= this.store.spillAt) this.#spill();
      return this;
    }
    this.#put(k, v);
    this.#remember(k, v);
    return this;
  }

  #put(k: Key, v: V) {
    const json = JSON.stringify(v);
    if (this.#insert!.run(k, json).changes) {
      this.#size++;
      this.#mark(k);
    } else this.#update!.run(json, k);
  }

  #remember(k: Key, v: V) {
    this.#recent.delete(k);
    this.#recent.set(k, v);
    if (this.#recent.size > RECENT) this.#recent.delete(this.#recent.keys().next().value!);
  }

  /** Two bit positions of the key (FNV-1a and a second multiplier over its text). */
  #bits(k: Key): [number, number] {
    const text = typeof k === 'number' ? `#${k}` : k;
    let a = 0x811c9dc5;
    let b = 0x9747b28c;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
    }
    return [(a >>> 0) % FILTER_BITS, ((b ^ (b >>> 15)) >>> 0) % FILTER_BITS];
  }

  #mark(k: Key) {
    for (const bit of this.#bits(k)) this.#filter![bit >>> 5]! |= 1 << (bit & 31);
  }

  #mayHold(k: Key): boolean {
    return this.#bits(k).every((bit) => (this.#filter![bit >>> 5]! & (1 << (bit & 31))) !== 0);
  }

  #spill() {
    const { db, name } = this.store.table('k PRIMARY KEY, v NOT NULL');
    this.#get = db.prepare(`SELECT v FROM ${name} WHERE k = ?`).pluck();
    this.#insert = db.prepare(`INSERT OR IGNORE INTO ${name} (k, v) VALUES (?, ?)`);
    this.#update = db.prepare(`UPDATE ${name} SET v = ? WHERE k = ?`);
    this.#filter = new Uint32Array(FILTER_BITS / 32);
    const mem = this.#mem!;
    this.#mem = null;
    for (const [k, v] of mem) this.#put(k, v);
  }
}

/** A Set of keys (has, add, size), in the heap up to the store's spillAt entries. */
export class SpillSet {
  readonly #map: SpillMap<1>;

  constructor(store: KeyStore) {
    this.#map = new SpillMap<1>(store);
  }

  get size(): number {
    return this.#map.size;
  }

  has(k: Key): boolean {
    return this.#map.has(k);
  }

  add(k: Key): this {
    this.#map.set(k, 1);
    return this;
  }
}

/** A list that is appended to and walked in order, in the heap up to the store's spillAt items. */
export class SpillList<T> implements Iterable<T> {
  #mem: T[] | null = [];
  #length = 0;
  #db: Database.Database | null = null;
  #name = '';
  #append: Database.Statement | null = null;

  constructor(readonly store: KeyStore) {}

  get length(): number {
    return this.#mem ? this.#mem.length : this.#length;
  }

  push(...items: T[]): void {
    if (this.#mem) {
      this.#mem.push(...items);
      if (this.#mem.length >= this.store.spillAt) this.#spill();
      return;
    }
    for (const it of items) this.#append!.run(++this.#length, JSON.stringify(it));
  }

  *[Symbol.iterator](): Iterator<T> {
    if (this.#mem) {
      yield* this.#mem;
      return;
    }
    const page = this.#db!.prepare(`SELECT v FROM ${this.#name} WHERE i > ? ORDER BY i LIMIT ${PAGE}`).pluck();
    for (let from = 0; from < this.#length; from += PAGE) for (const v of page.all(from) as string[]) yield JSON.parse(v) as T;
  }

  #spill() {
    ({ db: this.#db, name: this.#name } = this.store.table('i INTEGER PRIMARY KEY, v NOT NULL'));
    this.#append = this.#db.prepare(`INSERT INTO ${this.#name} (i, v) VALUES (?, ?)`);
    const items = this.#mem!;
    this.#mem = null;
    this.#length = 0;
    for (const it of items) this.#append.run(++this.#length, JSON.stringify(it));
  }
}
