import { randomBytes } from 'node:crypto';
import { Algorithm, hash, verify, type Options } from '@node-rs/argon2';
import { isCommonPassword } from './common-passwords.ts';
import { PASSWORD_MAX, PASSWORD_MIN } from './auth.policy.ts';

// OWASP's password storage recommendation for Argon2id.
const ARGON2: Options = { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 };

// The same password typed on two keyboards can arrive in two Unicode forms.
const normalize = (password: string) => password.normalize('NFKC');

/**
 * True when a stored hash is weaker than what hashPassword makes today (another algorithm, an
 * older version, less memory, fewer passes or lanes): signing in then stores a fresh hash.
 */
export function needsRehash(passwordHash: string): boolean {
  const m = /^\$(argon2(?:id|i|d))\$v=(\d+)\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(passwordHash);
  if (!m) return true;
  const [, algorithm, version, memory, time, lanes] = m;
  return (
    algorithm !== 'argon2id' ||
    Number(version) < 19 ||
    Number(memory) < ARGON2.memoryCost! ||
    Number(time) < ARGON2.timeCost! ||
    Number(lanes) < ARGON2.parallelism!
  );
}

export function hashPassword(password: string): Promise<string> {
  return hash(normalize(password), ARGON2);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, normalize(password));
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

function dummy(): Promise<string> {
  return (dummyHash ??= hashPassword(randomBytes(32).toString('hex')));
}

/** Makes the stand-in hash ahead of the first sign-in, so that one is not slower either. */
export function prepareDummyHash(): void {
  void dummy();
}

/** Spends the time a real check would, so an unknown account answers as slowly as a known one. */
export async function verifyNobody(password: string): Promise<false> {
  await verifyPassword(await dummy(), password);
  return false;
}

/** Why a new password is refused, or null. No composition rules: length and guessability only. */
export function passwordProblem(password: string, email: string): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return `Use at least ${PASSWORD_MIN} characters.`;
  if (length > PASSWORD_MAX) return `Use at most ${PASSWORD_MAX.toLocaleString('en-GB')} characters.`;
  if (email && password.trim().toLowerCase() === email.trim().toLowerCase()) {
    return 'Do not use your email address as your password.';
  }
  if (isCommonPassword(password)) return 'This password is one of the most common: choose one that is harder to guess.';
  return null;
}
