import { Router, type Request, type Response } from 'express';
import { formParser } from '../../platform/http/form-parser.ts';
import { currentUserId, setFlash, type Auth } from '../auth/index.ts';
import type { FeatureDeps } from '../deps.ts';
import { submitForm } from '../../platform/http/forms.ts';
import { formValues } from '../../platform/validation.ts';
import { rescheduleSchema, resolveSchema, webhookSchema } from './milestones.schema.ts';
import {
  claimBySlug,
  rescheduleFormData,
  rescheduleMilestone,
  resolutionQueue,
  resolveFormData,
  resolveMilestone,
} from './resolution.service.ts';
import { OUTCOME_LABELS } from './milestones.mappers.ts';
import { OUTCOMES } from './rules.ts';
import { createWebhook, deleteWebhook, sendTestDelivery, webhookDetail, webhooksPage } from './webhooks.service.ts';
import { idFromParam } from '../../platform/http/params.ts';

const body = formParser({ limit: '100kb', parameterLimit: 50 });

const OUTCOME_HINTS: Record<string, string> = {
  met: 'Happened: met, early or late, worked out from the settling event’s date',
  partly_met: 'Partly met (needs an event and a note)',
  missed: 'Missed (needs a note)',
  withdrawn: 'Withdrawn (needs a note)',
  unverifiable: 'Unverifiable (needs a note)',
};
const outcomeOptions = OUTCOMES.filter((o) => o !== 'early' && o !== 'late').map((o) => ({
  value: o,
  label: OUTCOME_HINTS[o] ?? OUTCOME_LABELS[o]!,
}));

const idParam = (raw: string) => idFromParam(raw, 'webhook');

export function adminRoutes(deps: FeatureDeps & { auth: Auth }): Router {
  const { db, clock, auth, config, logger } = deps;
  const r = Router();
  const admin = { layout: 'admin' };

  async function renderResolve(req: Request, res: Response, status: number, values: Record<string, string> | null, errors: Record<string, string>) {
    const vm = await resolveFormData(db, String(req.params.slug));
    const c = vm.current;
    values ??= {
      outcome: c.outcome === 'early' || c.outcome === 'late' ? 'met' : (c.outcome ?? ''),
      settledByEventId: c.settledByEventId ? String(c.settledByEventId) : '',
      note: c.note ?? '',
    };
    const events = [
      ...vm.suggested.map((e) => ({ value: String(e.id), label: `Suggested: ${e.title} (${e.dateLabel})` })),
      ...vm.others.map((e) => ({ value: String(e.id), label: `${e.title} (${e.dateLabel})` })),
    ];
    res.status(status).render('admin/milestones/resolve', {
      ...admin,
      title: `Resolve: ${vm.claim.title}`,
      ...vm,
      outcomeOptions,
      eventOptions: events,
      values,
      errors,
    });
  }

  async function renderReschedule(req: Request, res: Response, status: number, values: Record<string, string> | null, errors: Record<string, string>) {
    const vm = await rescheduleFormData(db, String(req.params.slug));
    res.status(status).render('admin/milestones/reschedule', {
      ...admin,
      title: `Reschedule: ${vm.claim.title}`,
      ...vm,
      sourceOptions: vm.sources,
      values: values ?? vm.defaults,
      errors,
    });
  }

  r.get('/resolution', auth.requireEditor, async (_req, res) => {
    res.render('admin/milestones/queue', { ...admin, title: 'Needs resolution', items: await resolutionQueue(db) });
  });

  r.get('/milestones/:slug/resolve', auth.requireEditor, async (req, res) => renderResolve(req, res, 200, null, {}));

  r.post('/milestones/:slug/resolve', auth.requireEditor, body, auth.csrf, async (req, res) => {
    const m = await claimBySlug(db, String(req.params.slug));
    const values = formValues(req.body);
    await submitForm(
      resolveSchema,
      req.body ?? {},
      async (f) => {
        const input = { milestoneId: m.id, outcome: f.outcome, settledByEventId: f.settledByEventId, note: f.note, replace: f.replace === '1' };
        const result = await resolveMilestone(db, input, clock(), currentUserId(req));
        setFlash(req, 'success', `Resolved “${m.title}”: ${result.summary}.${result.warning ? ` ${result.warning}` : ''}`);
        res.redirect(303, '/admin/resolution');
      },
      (errors, status) => renderResolve(req, res, status, values, errors),
    );
  });

  r.get('/milestones/:slug/reschedule', auth.requireEditor, async (req, res) => renderReschedule(req, res, 200, null, {}));

  r.post('/milestones/:slug/reschedule', auth.requireEditor, body, auth.csrf, async (req, res) => {
    const m = await claimBySlug(db, String(req.params.slug));
    const values = formValues(req.body);
    await submitForm(
      rescheduleSchema,
      req.body ?? {},
      async (f) => {
        const input = { milestoneId: m.id, title: f.title, claim: f.claim, expected: f.expectedText, sourceId: f.sourceId, claimedOn: f.claimedOn, quote: f.quote };
        const created = await rescheduleMilestone(db, input, clock(), currentUserId(req));
        setFlash(req, 'success', `Recorded the new date for “${m.title}”. The first claim keeps its own window.`);
        res.redirect(303, `/milestones/${created.slug}`);
      },
      (errors, status) => renderReschedule(req, res, status, values, errors),
    );
  });

  r.get('/webhooks', auth.requireAdmin, async (_req, res) => {
    res.render('admin/webhooks/index', { ...admin, title: 'Webhooks', webhooks: await webhooksPage(db) });
  });

  r.get('/webhooks/new', auth.requireAdmin, (_req, res) => {
    res.render('admin/webhooks/new', { ...admin, title: 'New webhook', values: {}, errors: {} });
  });

  r.post('/webhooks/new', auth.requireAdmin, body, auth.csrf, async (req, res) => {
    await submitForm(
      webhookSchema,
      req.body ?? {},
      async (f) => {
        const row = await createWebhook(db, f, clock(), currentUserId(req), { allowPrivate: config.webhookAllowPrivate });
        setFlash(req, 'success', `Webhook registered for ${row.url}.`);
        res.redirect(303, `/admin/webhooks/${row.id}`);
      },
      (errors, status) =>
        res.status(status).render('admin/webhooks/new', { ...admin, title: 'New webhook', values: formValues(req.body, ['secret']), errors }),
    );
  });

  r.get('/webhooks/:id', auth.requireAdmin, async (req, res) => {
    const vm = await webhookDetail(db, idParam(String(req.params.id)));
    res.render('admin/webhooks/show', { ...admin, title: `Webhook ${vm.webhook.url}`, ...vm });
  });

  r.post('/webhooks/:id/delete', auth.requireAdmin, body, auth.csrf, async (req, res) => {
    await deleteWebhook(db, idParam(String(req.params.id)), clock(), currentUserId(req));
    setFlash(req, 'success', 'Webhook deleted, with its delivery log.');
    res.redirect(303, '/admin/webhooks');
  });

  r.post('/webhooks/:id/test', auth.requireAdmin, body, auth.csrf, async (req, res) => {
    const id = idParam(String(req.params.id));
    const result = await sendTestDelivery({ db, config, logger }, id, clock());
    if (result?.status === 'delivered') setFlash(req, 'success', `Test delivered (HTTP ${result.statusCode}).`);
    else setFlash(req, 'error', `Test not delivered: ${result?.error ?? 'another sender holds it'}. It will be retried.`);
    res.redirect(303, `/admin/webhooks/${id}`);
  });

  return r;
}
