import { sqltag as sql } from '@prisma/client/runtime/client';
import { readRows, type Db } from './db.ts';

/**
 * A number that changes whenever content changes, stored in the database so that every app
 * instance sees a write made through any other. Render caches compare against it.
 */
export async function readContentVersion(db: Db): Promise<number> {
  const [row] = await readRows<{ version: number | bigint }[]>(db, sql`SELECT "version" FROM "ContentVersion" WHERE "id" = 1`);
  return Number(row?.version ?? 0);
}

/** Writes this process has bumped the version for: they invalidate its cached reads at once. */
let localWrites = 0;

/** Call after every content write (one conditional statement, safe under concurrency). */
export async function bumpContentVersion(db: Db): Promise<void> {
  await db.contentVersion.upsert({
    where: { id: 1 },
    create: { id: 1, version: 1 },
    update: { version: { increment: 1 } },
  });
  localWrites++;
}

/**
 * The content version, read from the database at most once per `ttlMs` (and at once after a
 * write in this process), with concurrent callers sharing one read. With `ttlMs = 0` every call
 * reads: a write through another instance is then visible on this instance's next request.
 */
export function contentVersionReader(db: Db, ttlMs: number, now: () => number = Date.now): () => Promise<number> {
  let value = 0;
  let readAt = Number.NEGATIVE_INFINITY;
  let seenWrites = -1;
  let inflight: Promise<number> | null = null;
  return () => {
    if (ttlMs > 0 && seenWrites === localWrites && now() - readAt < ttlMs) return Promise.resolve(value);
    if (!inflight) {
      const writes = localWrites;
      inflight = readContentVersion(db)
        .then((v) => {
          value = v;
          readAt = now();
          seenWrites = writes;
          return v;
        })
        .finally(() => {
          inflight = null;
        });
    }
    return inflight;
  };
}
