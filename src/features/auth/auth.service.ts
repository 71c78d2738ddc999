// Signing in, changing a password, and the first administrator.
import { createHash } from 'node:crypto';
import type { Db } from '../../platform/db.ts';
import { ValidationError } from '../../platform/errors.ts';
import type { Logger } from '../../platform/logger.ts';
import type { FeatureDeps } from '../deps.ts';
import { normalizeEmail } from './auth.schema.ts';
import { hashPassword, needsRehash, passwordProblem, verifyNobody, verifyPassword } from './password.ts';
import { admitAttempt, recordFailure, recordSuccess, throttleKeys } from './throttle.service.ts';
import * as repo from './users.repo.ts';
import { createAccount } from './users.service.ts';

export const WRONG_CREDENTIALS = 'Email or password is incorrect.';

/** "alice@example.com" -> "a***@example.com": enough to follow a log, not enough to harvest. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  return at < 1 ? '***' : `${email[0]}***${email.slice(at)}`;
}

/** Changes whenever the password does; a session signed in under an older one is void. */
export function passwordFingerprint(passwordHash: string): string {
  return createHash('sha256').update(passwordHash).digest('base64url').slice(0, 22);
}

export type SignInResult =
  | { outcome: 'signed-in'; user: repo.UserRow; fingerprint: string }
  | { outcome: 'refused' }
  | { outcome: 'throttled'; retryAfterSeconds: number };

export async function signIn(
  db: Db,
  log: Logger,
  input: { email: string; password: string; ip: string },
  now: Date,
): Promise<SignInResult> {
  const email = normalizeEmail(input.email);
  const keys = throttleKeys(email, input.ip);
  const who = { email: maskEmail(email), ip: input.ip };
  const admission = await admitAttempt(db, keys, now);
  if (!admission.allowed) {
    log.warn({ ...who, retryAfterSeconds: admission.retryAfterSeconds }, 'sign-in refused: too many attempts');
    return { outcome: 'throttled', retryAfterSeconds: admission.retryAfterSeconds };
  }
  const found = await repo.findUserByEmail(db, email);
  const ok = found ? await verifyPassword(found.passwordHash, input.password) : await verifyNobody(input.password);
  if (!found || !ok) {
    await recordFailure(db, keys, now);
    log.warn({ ...who, knownAccount: Boolean(found) }, 'sign-in failed');
    return { outcome: 'refused' };
  }
  await recordSuccess(db, keys);
  let { passwordHash, ...user } = found;
  if (needsRehash(passwordHash)) {
    // Upgraded while the password is at hand (ASVS 11.4.2). The fingerprint follows the hash, so
    // the account's other sessions end this once.
    const fresh = await hashPassword(input.password);
    if (await repo.upgradeHash(db, user.id, passwordHash, fresh)) {
      log.info({ ...who, userId: user.id }, 'upgraded the password hash to the current parameters');
      passwordHash = fresh;
    }
  }
  log.info({ ...who, userId: user.id }, 'signed in');
  return { outcome: 'signed-in', user, fingerprint: passwordFingerprint(passwordHash) };
}

/**
 * Checks the current password, stores the new one and ends the user's other sessions.
 * Returns the new fingerprint for the session that made the change.
 */
export async function changePassword(
  db: Db,
  input: { userId: number; sessionId: string; currentPassword: string; newPassword: string },
  now: Date,
): Promise<string> {
  const user = await repo.findUserById(db, input.userId);
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new ValidationError('The password was not changed.', { currentPassword: 'Your current password is incorrect.' });
  }
  const problem = passwordProblem(input.newPassword, user.email);
  if (problem) throw new ValidationError('The password was not changed.', { newPassword: problem });
  const passwordHash = await hashPassword(input.newPassword);
  await repo.replacePassword(db, user.id, passwordHash, input.sessionId, now);
  return passwordFingerprint(passwordHash);
}

const HOW_TO_CREATE = 'npm run admin:create -- --email you@example.com';

/** With no account at all: creates the administrator named by ADMIN_EMAIL/ADMIN_PASSWORD, or says how to. */
export async function ensureFirstAdmin({ db, config, logger, clock }: FeatureDeps): Promise<void> {
  if ((await repo.countUsers(db)) > 0) return;
  if (!config.adminEmail || !config.adminPassword) {
    logger.warn(
      `No account exists yet, so nobody can sign in to /admin. Create the first administrator with \`${HOW_TO_CREATE}\`, ` +
        'or set ADMIN_EMAIL and ADMIN_PASSWORD and restart.',
    );
    return;
  }
  try {
    const user = await createAccount(
      db,
      { email: config.adminEmail, name: '', role: 'admin', password: config.adminPassword },
      clock(),
    );
    logger.info({ userId: user.id, email: maskEmail(user.email) }, 'created the first administrator from ADMIN_EMAIL');
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    // Another instance starting at the same moment may have created it first.
    if ((await repo.countUsers(db)) > 0) return;
    logger.error(
      { problems: Object.entries(err.fields).map(([field, message]) => `${field}: ${message}`) },
      `ADMIN_EMAIL/ADMIN_PASSWORD were refused, so no administrator was created. Fix them, or use \`${HOW_TO_CREATE}\`.`,
    );
  }
}
