// What auth keeps in a session, and the few things other features may do with it.
import type { Request } from 'express';
import { SESSION_ABSOLUTE_MS } from './auth.policy.ts';

export type FlashType = 'success' | 'error';
export interface Flash {
  type: FlashType;
  text: string;
}

declare module 'express-session' {
  interface SessionData {
    userId: number;
    /** ISO instant set at sign-in; the store refuses the session after it. */
    absoluteExpiresAt: string;
    /** See passwordFingerprint(): a session from before a password change is void. */
    passwordFingerprint: string;
    flash: Flash[];
  }
}

/** A message shown once, on the next admin page rendered (post/redirect/get). */
export function setFlash(req: Request, type: FlashType, text: string): void {
  (req.session.flash ??= []).push({ type, text });
}

/** Messages waiting for this session, removed as they are read. */
export function takeFlash(req: Request): Flash[] {
  const flash = req.session?.flash ?? [];
  if (req.session?.flash) delete req.session.flash;
  return flash;
}

/** The signed-in user's id; null when signed out. Valid after auth.session has run. */
export function currentUserId(req: Request): number | null {
  return req.session?.userId ?? null;
}

export function regenerateSession(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.regenerate((err: unknown) => (err ? reject(err) : resolve())));
}

/** Signs the user in under a new session id (no fixation), with its absolute deadline. */
export async function beginUserSession(req: Request, userId: number, fingerprint: string, now: Date): Promise<void> {
  await regenerateSession(req);
  req.session.userId = userId;
  req.session.passwordFingerprint = fingerprint;
  req.session.absoluteExpiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS).toISOString();
  // Saved before the redirect goes out: express-session would save after the headers, and the
  // browser's next request may reach another instance before the row exists.
  await saveSession(req);
}

export function saveSession(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.save((err: unknown) => (err ? reject(err) : resolve())));
}
