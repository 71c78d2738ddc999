// Create, edit, delete and history pages of one kind of record, from its description.
import type { Request, Response, Router } from 'express';
import type { z } from 'zod';
import type { Auth } from '../auth/index.ts';
import { setFlash } from '../auth/index.ts';
import {
  historyOf,
  mergeCandidates,
  mergeRecords,
  type MergeKind,
  type EntityType,
  type WriteContext,
} from '../content/index.ts';
import type { FeatureDeps } from '../deps.ts';
import { ConflictError, ValidationError } from '../../platform/errors.ts';
import { submitForm } from '../../platform/http/forms.ts';
import type { FieldErrors } from '../../platform/validation.ts';
import type { Db } from '../../platform/db.ts';
import * as repo from './admin.repo.ts';
import { choiceNeeds, formChoices, type FormValues } from './admin.forms.ts';
import { formBody, idParam, writeContext, type Render } from './admin.http.ts';

export interface EntityAdmin<I> {
  type: EntityType;
  singular: string;
  plural: string;
  schema: z.ZodType<I>;
  create(ctx: WriteContext, input: I): Promise<{ id: number }>;
  update(ctx: WriteContext, id: number, input: I): Promise<boolean>;
  remove(ctx: WriteContext, id: number): Promise<unknown>;
  load(db: Db, id: number): Promise<{ label: string; values: FormValues }>;
  blank: FormValues;
}

const PAGE = 50;

export function entityRoutes<I>(r: Router, deps: FeatureDeps & { auth: Auth }, render: Render, e: EntityAdmin<I>) {
  const { auth, db } = deps;
  const base = `/admin/${e.plural}`;
  const cap = e.singular.charAt(0).toUpperCase() + e.singular.slice(1);
  const view = `admin/content/${e.type}-form`;
  const canMerge = e.type === 'organization' || e.type === 'subject';

  async function showForm(res: Response, values: FormValues, errors: FieldErrors, id?: number, status = 200) {
    const choices = formChoices[e.type](values, await repo.choices(db, choiceNeeds[e.type](values)), errors, id);
    render(
      res,
      view,
      {
        title: id ? `Edit ${e.singular}` : `New ${e.singular}`,
        action: id ? `${base}/${id}` : base,
        cancelUrl: base,
        historyUrl: id ? `${base}/${id}/history` : null,
        mergeUrl: id && canMerge ? `${base}/${id}/merge` : null,
        mergeChoices: id && canMerge ? await mergeCandidates(db, e.type as MergeKind, id) : null,
        values,
        errors,
        hasErrors: Object.keys(errors).length > 0,
        ...choices,
      },
      status,
    );
  }

  /** Runs a write; on a field problem re-renders the form (422) with what was typed. */
  async function save(req: Request, res: Response, write: (input: I) => Promise<string>, id?: number) {
    const values = formBody(req);
    await submitForm(
      e.schema,
      values,
      async (input) => {
        setFlash(req, 'success', await write(input));
        res.redirect(303, base);
      },
      (errors, status) => showForm(res, values, errors, id, status),
    );
  }

  r.get(`/${e.plural}`, auth.requireEditor, async (req, res) => {
    const before = typeof req.query.before === 'string' && /^[1-9]\d{0,9}$/.test(req.query.before) ? Number(req.query.before) : undefined;
    const rows = await repo.listRows(db, e.type, before, PAGE + 1);
    const page = rows.slice(0, PAGE);
    render(res, 'admin/content/list', {
      title: e.plural.charAt(0).toUpperCase() + e.plural.slice(1),
      singular: e.singular,
      newUrl: `${base}/new`,
      rows: page.map((row) => ({ ...row, editUrl: `${base}/${row.id}/edit`, deleteUrl: `${base}/${row.id}/delete`, historyUrl: `${base}/${row.id}/history` })),
      nextUrl: rows.length > PAGE ? `${base}?before=${page.at(-1)!.id}` : null,
    });
  });
  r.get(`/${e.plural}/new`, auth.requireEditor, async (_req, res) => showForm(res, e.blank, {}));
  r.post(`/${e.plural}`, auth.requireEditor, auth.csrf, (req, res) =>
    save(req, res, async (input) => {
      await e.create(writeContext(deps, req), input);
      return `${cap} saved.`;
    }),
  );
  r.get(`/${e.plural}/:id/edit`, auth.requireEditor, async (req, res) => {
    const id = idParam(req);
    return showForm(res, (await e.load(db, id)).values, {}, id);
  });
  r.post(`/${e.plural}/:id`, auth.requireEditor, auth.csrf, async (req, res) => {
    const id = idParam(req);
    await e.load(db, id);
    return save(req, res, async (input) => ((await e.update(writeContext(deps, req), id, input)) ? `${cap} saved.` : 'Nothing changed.'), id);
  });
  r.get(`/${e.plural}/:id/delete`, auth.requireEditor, async (req, res) => {
    const id = idParam(req);
    const { label } = await e.load(db, id);
    render(res, 'admin/content/delete', { title: `Delete ${e.singular}`, singular: e.singular, label, action: `${base}/${id}/delete`, cancelUrl: base });
  });
  r.post(`/${e.plural}/:id/delete`, auth.requireEditor, auth.csrf, async (req, res) => {
    const id = idParam(req);
    const { label } = await e.load(db, id);
    try {
      await e.remove(writeContext(deps, req), id);
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err;
      const references = (err.details as { references?: string[] } | undefined)?.references ?? [];
      return render(
        res,
        'admin/content/delete',
        { title: `Delete ${e.singular}`, singular: e.singular, label, action: `${base}/${id}/delete`, cancelUrl: base, refused: err.message, references },
        409,
      );
    }
    setFlash(req, 'success', `${cap} “${label}” deleted.`);
    res.redirect(303, base);
  });
  if (canMerge) mergeRoutes(r, deps, render, e, base);
  r.get(`/${e.plural}/:id/history`, auth.requireEditor, async (req, res) => {
    const id = idParam(req);
    const changes = await historyOf(db, e.type, id);
    const label = changes[0]?.entityLabel ?? (await e.load(db, id)).label;
    render(res, 'admin/content/history', { title: `History: ${label}`, label, changes, backUrl: base });
  });
}

/** “Merge into…”: every reference moves to the record kept, the old slug redirects (decision 0034). Admins only. */
function mergeRoutes<I>(r: Router, deps: FeatureDeps & { auth: Auth }, render: Render, e: EntityAdmin<I>, base: string) {
  const { auth, db } = deps;
  const kind = e.type as 'organization' | 'subject';
  const show = async (res: Response, id: number, label: string, values: FormValues, errors: FieldErrors, status = 200) =>
    render(
      res,
      'admin/content/merge',
      {
        title: `Merge ${e.singular}`,
        singular: e.singular,
        label,
        action: `${base}/${id}/merge`,
        cancelUrl: `${base}/${id}/edit`,
        mergeChoices: await mergeCandidates(db, kind, id),
        values,
        errors,
        hasErrors: Object.keys(errors).length > 0,
      },
      status,
    );
  r.get(`/${e.plural}/:id/merge`, auth.requireAdmin, async (req, res) => {
    const id = idParam(req);
    const { label } = await e.load(db, id);
    return show(res, id, label, {}, {});
  });
  r.post(`/${e.plural}/:id/merge`, auth.requireAdmin, auth.csrf, async (req, res) => {
    const id = idParam(req);
    const { label } = await e.load(db, id);
    const body = formBody(req);
    const into = typeof body.into === 'string' ? body.into : '';
    const values = { into };
    if (typeof body.into !== 'string' && body.into !== undefined) return show(res, id, label, values, { into: `Give the ${e.singular} to keep once, as text.` }, 422);
    if (body.confirm !== 'on' && body.confirm !== 'yes') {
      return show(res, id, label, values, { confirm: `Tick the box to confirm: the merge cannot be undone.` }, 422);
    }
    try {
      const done = await mergeRecords(writeContext(deps, req), kind, id, into);
      setFlash(req, 'success', `“${done.merged.name}” merged into “${done.kept.name}”; /${e.plural}/${done.merged.slug} now leads there.`);
      return res.redirect(303, `${base}/${done.kept.id}/edit`);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      return show(res, id, label, values, { into: err.message }, 422);
    }
  });
}
