// Reading and querying in bounded pieces. Prisma binds one variable per value of an `in` list and
// per parent row when it loads relations; SQLite refuses more than 32,766 variables in a
// statement, so nothing may bind one per row of a table (issue 12, defect 2).

/** Rows per whole-table query, and values per `in` list. */
export const PAGE = 2000;
/**
 * Rows per page of the export's and the import's reads, which load every relation: SQLite answers
 * a page synchronously (2,000 events with their links held the event loop 100–170 ms, decision 40).
 */
export const TRANSFER_PAGE = 500;

/** Every row of a table in id order, read in keyset pages. */
export async function allPages<T extends { id: number }>(read: (afterId: number, take: number) => Promise<T[]>, size = PAGE): Promise<T[]> {
  const out: T[] = [];
  for await (const page of pagesOf(read, size)) for (const row of page) out.push(row);
  return out;
}

/** The keyset pages of a table in id order, one at a time (for streaming), with a turn of the event loop between them. */
export async function* pagesOf<T extends { id: number }>(read: (afterId: number, take: number) => Promise<T[]>, size = PAGE): AsyncGenerator<T[]> {
  for (let after = 0; ; ) {
    const page = await read(after, size);
    if (page.length) yield page;
    if (page.length < size) return;
    after = page[page.length - 1]!.id;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** `fn` over slices of `values` (an `in` list each), the results concatenated. */
export async function inChunks<V, R>(values: readonly V[], fn: (chunk: V[]) => Promise<R[]>, size = PAGE): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < values.length; i += size) for (const r of await fn(values.slice(i, i + size))) out.push(r);
  return out;
}

/** Items in batches of `size` (the last one shorter), as they come. */
export async function* batchesOf<T>(items: Iterable<T> | AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let batch: T[] = [];
  for await (const item of items) {
    batch.push(item);
    if (batch.length < size) continue;
    yield batch;
    batch = [];
  }
  if (batch.length) yield batch;
}
