// Accounts: the only place auth touches the User table.
import type { Prisma } from '../../generated/sqlite/client.ts';
import { isSerializationFailure, type Db } from '../../platform/db.ts';
import { mapPrismaError } from '../../platform/prisma-errors.ts';
import { ConflictError } from '../../platform/errors.ts';
import type { Role } from './auth.policy.ts';

const publicFields = { id: true, email: true, name: true, role: true, createdAt: true } as const;
export type UserRow = Prisma.UserGetPayload<{ select: typeof publicFields }>;
export type UserWithHash = UserRow & { passwordHash: string };

export function findUserByEmail(db: Db, email: string): Promise<UserWithHash | null> {
  return db.user.findUnique({ where: { email }, select: { ...publicFields, passwordHash: true } });
}

export function findUserById(db: Db, id: number): Promise<UserWithHash | null> {
  return db.user.findUnique({ where: { id }, select: { ...publicFields, passwordHash: true } });
}

export function listUsers(db: Db): Promise<UserRow[]> {
  return db.user.findMany({ select: publicFields, orderBy: [{ email: 'asc' }, { id: 'asc' }] });
}

export function countUsers(db: Db): Promise<number> {
  return db.user.count();
}

export async function insertUser(
  db: Db,
  data: { email: string; name: string; role: Role; passwordHash: string },
  now: Date,
): Promise<UserRow> {
  try {
    return await db.user.create({ data: { ...data, passwordChangedAt: now, createdAt: now }, select: publicFields });
  } catch (err) {
    throw mapPrismaError(err, { unique: () => new ConflictError('An account with this email already exists.') });
  }
}

/** Replaces a hash by a stronger one of the same password, unless the password changed meanwhile. */
export async function upgradeHash(db: Db, userId: number, oldHash: string, newHash: string): Promise<boolean> {
  const { count } = await db.user.updateMany({ where: { id: userId, passwordHash: oldHash }, data: { passwordHash: newHash } });
  return count === 1;
}

/** Sets the new hash and ends every other session of the user, in one transaction. */
export async function replacePassword(db: Db, userId: number, passwordHash: string, keepSessionId: string, now: Date) {
  await db.$transaction([
    db.user.update({ where: { id: userId }, data: { passwordHash, passwordChangedAt: now } }),
    db.session.deleteMany({ where: { userId, id: { not: keepSessionId } } }),
  ]);
}

// Role changes and deletions keep at least one administrator. The condition sits in the same
// statement as the write (standard SQL, valid on SQLite and PostgreSQL), so two administrators
// acting at once cannot both pass a check made beforehand.

/** Number of rows changed: 0 when the change would leave no administrator or the user is gone. */
/**
 * Runs a conditional write that must leave at least one admin, serialisably: under PostgreSQL's
 * default isolation two admins demoting each other at once would both see the other and both
 * succeed. The count in front makes it a two-statement batch (Prisma runs a one-statement batch
 * outside any transaction); a serialisation failure is retried.
 */
async function keepingAnAdmin(db: Db, write: () => Prisma.PrismaPromise<number>): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    try {
      const [, changed] = await db.$transaction([db.user.count({ where: { role: 'admin' } }), write()], {
        isolationLevel: 'Serializable',
      });
      return changed;
    } catch (err) {
      if (attempt >= 5 || !isSerializationFailure(err)) throw err;
    }
  }
}

export async function updateRoleKeepingAnAdmin(db: Db, id: number, role: Role, now: Date): Promise<number> {
  if (role === 'admin') return (await db.user.updateMany({ where: { id }, data: { role } })).count;
  return keepingAnAdmin(
    db,
    () => db.$executeRaw`
    UPDATE "User" SET "role" = ${role}, "updatedAt" = ${now}
    WHERE "id" = ${id}
      AND ("role" <> 'admin'
        OR (SELECT COUNT(*) FROM "User" AS "other" WHERE "other"."role" = 'admin' AND "other"."id" <> ${id}) > 0)`,
  );
}

export function deleteUserKeepingAnAdmin(db: Db, id: number): Promise<number> {
  return keepingAnAdmin(
    db,
    () => db.$executeRaw`
    DELETE FROM "User"
    WHERE "id" = ${id}
      AND ("role" <> 'admin'
        OR (SELECT COUNT(*) FROM "User" AS "other" WHERE "other"."role" = 'admin' AND "other"."id" <> ${id}) > 0)`,
  );
}
