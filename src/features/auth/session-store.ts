import session from 'express-session';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import { SESSION_IDLE_MS } from './auth.policy.ts';
import { deleteSession, readSessionRow, touchIsDue, touchSession, writeSession, type StoredSession } from './sessions.repo.ts';

type Callback = (err?: unknown) => void;

/** Sessions whose deadline this process read in the current request (bounded; see touch). */
const MAX_KNOWN = 10_000;

/**
 * express-session's store over Prisma: the same rows on SQLite and PostgreSQL. A read never
 * needs the write lock: `touch` (called on every request by `rolling`) writes only when the idle
 * deadline would move by more than TOUCH_MARGIN_MS, and a failed touch does not fail the request.
 */
export class PrismaSessionStore extends session.Store {
  /** The idle deadline read by `get`, which express-session calls before `touch` in the same request. */
  private readonly known = new Map<string, Date>();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {
    super();
  }

  override get(sid: string, cb: (err: unknown, session?: session.SessionData | null) => void): void {
    readSessionRow(this.db, sid, this.clock()).then(
      (row) => {
        if (row) {
          if (this.known.size >= MAX_KNOWN) this.known.clear();
          this.known.set(sid, row.expiresAt);
        }
        cb(null, (row?.data ?? null) as session.SessionData | null);
      },
      (err: unknown) => cb(err),
    );
  }

  override set(sid: string, data: session.SessionData, cb: Callback = () => {}): void {
    this.known.delete(sid);
    writeSession(this.db, sid, data as unknown as StoredSession, this.clock()).then(() => cb(), cb);
  }

  override touch(sid: string, _data: session.SessionData, cb: Callback = () => {}): void {
    const now = this.clock();
    // Kept for the other requests of this session running at the same time; every request's `get` renews it.
    const expiresAt = this.known.get(sid);
    if (expiresAt && !touchIsDue(expiresAt, now)) return cb();
    // Failing to slide the deadline (the database busy with a long write) is not worth failing a page.
    touchSession(this.db, sid, now).then(
      () => {
        this.known.set(sid, new Date(now.getTime() + SESSION_IDLE_MS));
        cb();
      },
      () => cb(),
    );
  }

  override destroy(sid: string, cb: Callback = () => {}): void {
    this.known.delete(sid);
    deleteSession(this.db, sid).then(() => cb(), cb);
  }
}
