import session from 'express-session';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import { deleteSession, readSession, touchSession, writeSession, type StoredSession } from './sessions.repo.ts';

type Callback = (err?: unknown) => void;

/** express-session's store over Prisma: the same rows on SQLite and PostgreSQL. */
export class PrismaSessionStore extends session.Store {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {
    super();
  }

  override get(sid: string, cb: (err: unknown, session?: session.SessionData | null) => void): void {
    readSession(this.db, sid, this.clock()).then(
      (data) => cb(null, data as session.SessionData | null),
      (err: unknown) => cb(err),
    );
  }

  override set(sid: string, data: session.SessionData, cb: Callback = () => {}): void {
    writeSession(this.db, sid, data as unknown as StoredSession, this.clock()).then(() => cb(), cb);
  }

  override touch(sid: string, _data: session.SessionData, cb: Callback = () => {}): void {
    touchSession(this.db, sid, this.clock()).then(() => cb(), cb);
  }

  override destroy(sid: string, cb: Callback = () => {}): void {
    deleteSession(this.db, sid).then(() => cb(), cb);
  }
}
