// /admin/users: accounts, for administrators.
import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { Db } from '../../platform/db.ts';
import { AppError, NotFoundError, ValidationError, type FieldErrors } from '../../platform/errors.ts';
import type { FeatureDeps } from '../deps.ts';
import { fieldErrors } from '../../platform/validation.ts';
import { formBody, requireAdmin } from './auth.middleware.ts';
import { ROLES } from './auth.policy.ts';
import { roleChangeSchema, userIdParam } from './auth.schema.ts';
import { currentUserId, setFlash } from './session.ts';
import { changeRole, createAccount, deleteAccount, listAccounts } from './users.service.ts';

const roleOptions = ROLES.map((value) => ({ value, label: value === 'admin' ? 'Administrator' : 'Editor' }));

function userId(req: Request): number {
  const parsed = userIdParam.safeParse(req.params.id);
  if (!parsed.success) throw new NotFoundError('There is no such account.');
  return parsed.data;
}

async function renderList(db: Db, req: Request, res: Response, status = 200, problem?: string) {
  const users = await listAccounts(db, currentUserId(req));
  res.status(status).render('auth/users', { layout: 'admin', title: 'Users', users, roleOptions, problem });
}

function renderNew(res: Response, status: number, values: Record<string, unknown>, errors: FieldErrors = {}) {
  res.status(status).render('auth/user-new', { layout: 'admin', title: 'New account', values, errors, roleOptions });
}

/** A refusal the administrator can act on (last administrator, own account) shows on the list. */
function isRefusal(err: unknown): err is AppError {
  return err instanceof AppError && (err.status === 403 || err.status === 409);
}

export function usersRoutes({ db, clock }: FeatureDeps, csrf: RequestHandler): Router {
  const r = Router();

  r.get('/users', requireAdmin, (req, res) => renderList(db, req, res));

  r.get('/users/new', requireAdmin, (_req, res) => renderNew(res, 200, { role: 'editor' }));

  r.post('/users/new', requireAdmin, formBody, csrf, async (req, res) => {
    try {
      const user = await createAccount(db, req.body, clock());
      req.log.info({ actorId: currentUserId(req), userId: user.id, role: user.role }, 'created an account');
      setFlash(req, 'success', `Account created for ${user.email}.`);
      res.redirect(303, '/admin/users');
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      const { password: _password, ...values } = (req.body ?? {}) as Record<string, unknown>;
      renderNew(res, 422, values, err.fields);
    }
  });

  r.post('/users/:id/role', requireAdmin, formBody, csrf, async (req, res) => {
    const id = userId(req);
    const parsed = roleChangeSchema.safeParse(req.body);
    if (!parsed.success) return renderList(db, req, res, 422, Object.values(fieldErrors(parsed.error))[0]);
    try {
      const user = await changeRole(db, id, parsed.data.role, clock());
      req.log.info({ actorId: currentUserId(req), userId: id, role: parsed.data.role }, 'changed a role');
      setFlash(req, 'success', `${user.email} is now ${parsed.data.role === 'admin' ? 'an administrator' : 'an editor'}.`);
      res.redirect(303, '/admin/users');
    } catch (err) {
      if (!isRefusal(err)) throw err;
      await renderList(db, req, res, 422, err.message);
    }
  });

  r.post('/users/:id/delete', requireAdmin, formBody, csrf, async (req, res) => {
    const id = userId(req);
    try {
      const user = await deleteAccount(db, id, currentUserId(req)!);
      req.log.info({ actorId: currentUserId(req), userId: id }, 'deleted an account');
      setFlash(req, 'success', `The account of ${user.email} was deleted.`);
      res.redirect(303, '/admin/users');
    } catch (err) {
      if (!isRefusal(err)) throw err;
      await renderList(db, req, res, 422, err.message);
    }
  });

  return r;
}
