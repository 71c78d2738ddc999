import { Router } from 'express';
import type { Db } from '../../platform/db.ts';

export interface HealthDeps {
  db: Db;
  timeoutMs?: number;
  /** Whether the SQLite file is still the one the server opened (deleted, replaced or overwritten means down). */
  stillOpened?: () => boolean;
}

/** Resolves true when the database answers a trivial query within the timeout. */
export async function databaseAnswers(db: Db, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    // A known table, so that a file that is no longer a database fails here.
    return await Promise.race([db.$queryRawUnsafe('SELECT 1 FROM "ContentVersion" LIMIT 1').then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

export function healthRoutes({ db, timeoutMs = 2000, stillOpened = () => true }: HealthDeps): Router {
  const r = Router();
  r.get('/healthz', async (_req, res) => {
    const ok = stillOpened() && (await databaseAnswers(db, timeoutMs));
    res.setHeader('Cache-Control', 'no-store');
    res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'unavailable', database: ok ? 'up' : 'down' });
  });
  return r;
}
