import type { Db } from './db.ts';

/**
 * A number that changes whenever content changes, stored in the database so that every app
 * instance sees a write made through any other. Render caches compare against it.
 */
export async function readContentVersion(db: Db): Promise<number> {
  const row = await db.contentVersion.findUnique({ where: { id: 1 }, select: { version: true } });
  return row?.version ?? 0;
}

/** Call after every content write (one conditional statement, safe under concurrency). */
export async function bumpContentVersion(db: Db): Promise<void> {
  await db.contentVersion.upsert({
    where: { id: 1 },
    create: { id: 1, version: 1 },
    update: { version: { increment: 1 } },
  });
}
