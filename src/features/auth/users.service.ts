// Accounts: creation (form, CLI, first start), roles and deletion, keeping one administrator.
import type { Db } from '../../platform/db.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { fieldErrors } from '../../platform/validation.ts';
import type { Role } from './auth.policy.ts';
import { newUserSchema } from './auth.schema.ts';
import { hashPassword } from './password.ts';
import * as repo from './users.repo.ts';

/** Validates, hashes and stores a new account. Throws ValidationError with errors by field. */
export async function createAccount(db: Db, input: unknown, now: Date): Promise<repo.UserRow> {
  const parsed = newUserSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError('The account could not be created.', fieldErrors(parsed.error));
  const { password, ...account } = parsed.data;
  try {
    return await repo.insertUser(db, { ...account, passwordHash: await hashPassword(password) }, now);
  } catch (err) {
    if (!(err instanceof ConflictError)) throw err;
    throw new ValidationError('The account could not be created.', { email: err.message });
  }
}

export interface UserListItem {
  id: number;
  email: string;
  name: string;
  role: string;
  createdOn: string;
  isSelf: boolean;
  roleFieldId: string;
}

export async function listAccounts(db: Db, selfId: number | null): Promise<UserListItem[]> {
  const rows = await repo.listUsers(db);
  return rows.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    createdOn: u.createdAt.toISOString().slice(0, 10),
    isSelf: u.id === selfId,
    roleFieldId: `role-${u.id}`,
  }));
}

const LAST_ADMIN = 'Timeline needs at least one administrator: make someone else an administrator first.';

export async function changeRole(db: Db, id: number, role: Role, now: Date): Promise<repo.UserRow> {
  const user = await repo.findUserById(db, id);
  if (!user) throw new NotFoundError('There is no such account.');
  if ((await repo.updateRoleKeepingAnAdmin(db, id, role, now)) === 0) {
    if (!(await repo.findUserById(db, id))) throw new NotFoundError('There is no such account.');
    throw new ConflictError(LAST_ADMIN);
  }
  return user;
}

export async function deleteAccount(db: Db, id: number, actorId: number): Promise<repo.UserRow> {
  if (id === actorId) throw new ConflictError('You cannot delete your own account.');
  const user = await repo.findUserById(db, id);
  if (!user) throw new NotFoundError('There is no such account.');
  if ((await repo.deleteUserKeepingAnAdmin(db, id)) === 0) {
    if (!(await repo.findUserById(db, id))) throw new NotFoundError('There is no such account.');
    throw new ConflictError(LAST_ADMIN);
  }
  return user;
}
