// /admin/users: accounts, for administrators.
import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { Db } from '../../platform/db.ts';
import { NotFoundError, type FieldErrors } from '../../platform/errors.ts';
import { submitForm, writeOrShow } from '../../platform/http/forms.ts';
import type { FeatureDeps } from '../deps.ts';
import { FORM_ERROR, formValues } from '../../platform/validation.ts';
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

/** A refusal (last administrator, own account) shows as one line on the list. */
function firstError(errors: FieldErrors): string | undefined {
  return errors[FORM_ERROR] ?? Object.values(errors)[0];
}

export function usersRoutes({ db, clock }: FeatureDeps, csrf: RequestHandler): Router {
  const r = Router();

  r.get('/users', requireAdmin, (req, res) => renderList(db, req, res));

  r.get('/users/new', requireAdmin, (_req, res) => renderNew(res, 200, { role: 'editor' }));

  r.post('/users/new', requireAdmin, formBody, csrf, async (req, res) => {
    await writeOrShow(
      async () => {
        const user = await createAccount(db, req.body, clock());
        req.log.info({ actorId: currentUserId(req), userId: user.id, role: user.role }, 'created an account');
        setFlash(req, 'success', `Account created for ${user.email}.`);
        res.redirect(303, '/admin/users');
      },
      (errors, status) => renderNew(res, status, formValues(req.body, ['password']), errors),
    );
  });

  r.post('/users/:id/role', requireAdmin, formBody, csrf, async (req, res) => {
    const id = userId(req);
    await submitForm(
      roleChangeSchema,
      req.body,
      async ({ role }) => {
        const user = await changeRole(db, id, role, clock());
        req.log.info({ actorId: currentUserId(req), userId: id, role }, 'changed a role');
        setFlash(req, 'success', `${user.email} is now ${role === 'admin' ? 'an administrator' : 'an editor'}.`);
        res.redirect(303, '/admin/users');
      },
      (errors, status) => renderList(db, req, res, status, firstError(errors)),
    );
  });

  r.post('/users/:id/delete', requireAdmin, formBody, csrf, async (req, res) => {
    const id = userId(req);
    await writeOrShow(
      async () => {
        const user = await deleteAccount(db, id, currentUserId(req)!);
        req.log.info({ actorId: currentUserId(req), userId: id }, 'deleted an account');
        setFlash(req, 'success', `The account of ${user.email} was deleted.`);
        res.redirect(303, '/admin/users');
      },
      (errors, status) => renderList(db, req, res, status, firstError(errors)),
    );
  });

  return r;
}
