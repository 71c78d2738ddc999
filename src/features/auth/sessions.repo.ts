// express-session rows. Every write is one statement; expiry is judged against the injected `now`.
import type { Db } from '../../platform/db.ts';
import { prismaFailure } from '../../platform/prisma-errors.ts';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from './auth.policy.ts';

/** What express-session hands the store; the fields auth adds are read to fill the columns. */
export interface StoredSession {
  userId?: number;
  absoluteExpiresAt?: string;
  [key: string]: unknown;
}

const idleEnd = (now: Date) => new Date(now.getTime() + SESSION_IDLE_MS);
const alive = (now: Date) => ({ expiresAt: { gt: now }, absoluteExpiresAt: { gt: now } });

/** The session's data, or null when there is none or it has expired (an expired row is deleted). */
export async function readSession(db: Db, id: string, now: Date): Promise<StoredSession | null> {
  return (await readSessionRow(db, id, now))?.data ?? null;
}

/** The session's data and its idle deadline, or null (an expired row is deleted, if the database lets us now). */
export async function readSessionRow(db: Db, id: string, now: Date): Promise<{ data: StoredSession; expiresAt: Date } | null> {
  const row = await db.session.findUnique({ where: { id }, select: { data: true, expiresAt: true, absoluteExpiresAt: true } });
  if (!row) return null;
  if (row.expiresAt <= now || row.absoluteExpiresAt <= now) {
    // Pruning happens on a schedule too: a failed delete must not fail the read.
    await deleteSession(db, id).catch(() => undefined);
    return null;
  }
  try {
    return { data: JSON.parse(row.data) as StoredSession, expiresAt: row.expiresAt };
  } catch {
    return null;
  }
}

export async function writeSession(db: Db, id: string, data: StoredSession, now: Date): Promise<void> {
  const userId = typeof data.userId === 'number' ? data.userId : null;
  const absolute = data.absoluteExpiresAt ? new Date(data.absoluteExpiresAt) : null;
  const fields = { userId, data: JSON.stringify(data), expiresAt: idleEnd(now) };
  try {
    await db.session.upsert({
      where: { id },
      create: { id, ...fields, absoluteExpiresAt: absolute ?? new Date(now.getTime() + SESSION_ABSOLUTE_MS) },
      update: absolute ? { ...fields, absoluteExpiresAt: absolute } : fields,
    });
  } catch (err) {
    // The account was deleted while one of its requests was running: nothing left to save.
    if (prismaFailure(err) === 'foreignKey') return;
    throw err;
  }
}

/**
 * The idle deadline moves only when it would move by more than this: a signed-in reader's pages
 * write to the database at most once per 5 minutes, not on every request (issue 12, defect 7).
 */
export const TOUCH_MARGIN_MS = 5 * 60_000;

/** Whether sliding a deadline of `expiresAt` at `now` is worth a write. */
export function touchIsDue(expiresAt: Date, now: Date): boolean {
  return idleEnd(now).getTime() - expiresAt.getTime() > TOUCH_MARGIN_MS;
}

/** Slides the idle deadline of a live session; an expired one stays expired. */
export async function touchSession(db: Db, id: string, now: Date): Promise<void> {
  await db.session.updateMany({ where: { id, ...alive(now) }, data: { expiresAt: idleEnd(now) } });
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.session.deleteMany({ where: { id } });
}

/** Deletes every session past its idle or absolute deadline; returns how many. */
export async function pruneExpiredSessions(db: Db, now: Date): Promise<number> {
  const { count } = await db.session.deleteMany({
    where: { OR: [{ expiresAt: { lte: now } }, { absoluteExpiresAt: { lte: now } }] },
  });
  return count;
}

/** Ends the user's oldest live sessions beyond the newest `keep`; returns how many. */
export async function keepNewestSessions(db: Db, userId: number, keep: number, current: string): Promise<number> {
  // The session just signed in always stays; of the others, the most recently created ones.
  const old = await db.session.findMany({
    where: { userId, id: { not: current } },
    orderBy: [{ createdAt: 'desc' }, { absoluteExpiresAt: 'desc' }, { id: 'desc' }],
    skip: Math.max(0, keep - 1),
    select: { id: true },
  });
  if (old.length === 0) return 0;
  const { count } = await db.session.deleteMany({ where: { id: { in: old.map((s) => s.id) } } });
  return count;
}
