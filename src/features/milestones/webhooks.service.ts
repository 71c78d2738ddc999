// Webhook subscriptions, and the delivery worker that empties the outbox.
import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Db } from '../../platform/db.ts';
import type { Logger } from '../../platform/logger.ts';
import { NotFoundError, ValidationError } from '../../platform/errors.ts';
import { publicOrigin } from '../../config.ts';
import { diff, writeAudit } from './audit.repo.ts';
import { dayLabel } from './milestones.mappers.ts';
import type { WebhookForm } from './milestones.schema.ts';
import { MAX_DELIVERY_ATTEMPTS, retryDelayMs } from './rules.ts';
import { IDEMPOTENCY_HEADER, SIGNATURE_HEADER, signatureHeader } from './webhook-signature.ts';
import * as repo from './webhooks.repo.ts';
import { literalTargetProblem, RefusedTargetError, webhookFetch } from './webhook-target.ts';

export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body: string; signal: AbortSignal; redirect: 'manual' },
) => Promise<{ status: number; body?: { cancel(): Promise<void> } | null }>;

export interface DeliveryDeps {
  db: Db;
  config: { webhookTimeoutMs: number; webhookAllowPrivate: boolean; publicUrl: string | undefined; port: number };
  logger?: Pick<Logger, 'warn' | 'info'>;
}

const BATCH = 20;

export async function webhooksPage(db: Db) {
  const rows = await repo.listWebhooks(db);
  return rows.map((w) => ({
    id: w.id,
    url: w.url,
    description: w.description,
    active: w.active,
    deliveries: w._count.deliveries,
    createdLabel: dayLabel(w.createdAt),
  }));
}

export async function createWebhook(db: Db, input: WebhookForm, now: Date, userId: number | null, opts: { allowPrivate: boolean }) {
  const problem = opts.allowPrivate ? null : literalTargetProblem(new URL(input.url));
  if (problem) throw new ValidationError('The webhook was not registered.', { url: problem });
  const secret = input.secret || randomBytes(32).toString('hex');
  const row = await repo.createWebhook(db, { url: input.url, secret, description: input.description, createdAt: now });
  await writeAudit(db, {
    at: now,
    userId,
    action: 'create',
    entityType: 'webhook',
    entityId: row.id,
    entityLabel: row.url,
    changes: diff({}, { url: row.url, description: row.description }),
  });
  return row;
}

export async function deleteWebhook(db: Db, id: number, now: Date, userId: number | null) {
  const row = await repo.getWebhook(db, id);
  if (!(await repo.deleteWebhook(db, id))) throw new NotFoundError(`No webhook with id ${id}.`);
  await writeAudit(db, {
    at: now,
    userId,
    action: 'delete',
    entityType: 'webhook',
    entityId: id,
    entityLabel: row.url,
    changes: diff({ url: row.url, description: row.description }, { url: null, description: null }),
  });
}

export async function webhookDetail(db: Db, id: number) {
  const w = await repo.getWebhook(db, id);
  const deliveries = await repo.listDeliveries(db, id, 100);
  return {
    webhook: { id: w.id, url: w.url, description: w.description, active: w.active, secret: w.secret },
    deliveries: deliveries.map((d) => ({
      id: d.id,
      idempotencyKey: d.idempotencyKey,
      type: safeType(d.payload),
      status: d.status,
      attempts: d.attempts,
      createdAt: d.createdAt.toISOString(),
      nextAttemptAt: d.status === 'pending' ? d.nextAttemptAt.toISOString() : null,
      deliveredAt: d.deliveredAt?.toISOString() ?? null,
      lastError: d.lastError,
      attemptLog: d.attemptLog.map((a) => ({
        at: a.at.toISOString(),
        statusCode: a.statusCode,
        error: a.error,
        durationMs: a.durationMs,
      })),
    })),
  };
}

function safeType(payload: string): string {
  try {
    const t = (JSON.parse(payload) as { type?: unknown }).type;
    return typeof t === 'string' ? t : 'unknown';
  } catch {
    return 'unknown';
  }
}

type SendingRow = Awaited<ReturnType<typeof repo.getDeliveryForSending>>;

/** The JSON body sent for a delivery: the same for every attempt of it. */
export function deliveryBody(d: SendingRow, origin: string): string {
  const stored = JSON.parse(d.payload) as { type: string; data?: unknown };
  let data: unknown = stored.data ?? null;
  if (d.transition) {
    const t = d.transition;
    const m = t.milestone;
    data = {
      transition: { id: t.id, from: t.fromStatus, to: t.toStatus, dueAt: t.dueAt.toISOString(), flaggedAt: t.flaggedAt.toISOString() },
      milestone: {
        id: m.id,
        slug: m.slug,
        title: m.title,
        path: `/milestones/${m.slug}`,
        url: `${origin}/milestones/${m.slug}`,
        expectedText: m.expectedText,
        windowStart: m.windowStart?.toISOString() ?? null,
        windowEnd: m.windowEnd?.toISOString() ?? null,
        afterText: m.afterText,
      },
    };
  }
  return JSON.stringify({ id: d.idempotencyKey, type: stored.type, createdAt: d.createdAt.toISOString(), data });
}

export interface AttemptResult {
  deliveryId: number;
  status: 'delivered' | 'pending' | 'failed';
  statusCode: number | null;
  error: string | null;
}

/**
 * What the log and the test button say about a failure. Refused, unreachable, reset and silent
 * receivers all read the same, so the messages cannot map the server's network; operators find
 * the cause in the server log.
 */
function failureText(err: unknown, timeoutMs: number): string {
  if (err instanceof RefusedTargetError) return 'refused: the address is inside a private, loopback or link-local network';
  return `no answer: could not connect, or no reply within ${timeoutMs} ms`;
}

async function attempt(deps: DeliveryDeps, id: number, now: Date, fetchImpl: FetchLike): Promise<AttemptResult> {
  const d = await repo.getDeliveryForSending(deps.db, id);
  const body = deliveryBody(d, publicOrigin(deps.config));
  const headers = {
    'Content-Type': 'application/json',
    'User-Agent': 'Timeline-Webhooks/1',
    [SIGNATURE_HEADER]: signatureHeader(d.webhook.secret, Math.floor(now.getTime() / 1000), body),
    [IDEMPOTENCY_HEADER]: d.idempotencyKey,
  };
  let statusCode: number | null = null;
  let error: string | null = null;
  const started = performance.now();
  try {
    const res = await fetchImpl(d.webhook.url, {
      method: 'POST',
      headers,
      body,
      signal: AbortSignal.timeout(deps.config.webhookTimeoutMs),
      redirect: 'manual',
    });
    statusCode = res.status;
    await res.body?.cancel().catch(() => undefined);
    if (res.status < 200 || res.status > 299) error = `HTTP ${res.status}`;
  } catch (err) {
    error = failureText(err, deps.config.webhookTimeoutMs);
    const e = err as Error & { code?: string };
    deps.logger?.warn({ deliveryId: id, cause: `${e.name}: ${e.code ?? ''} ${e.message}`.slice(0, 500) }, 'webhook receiver unreachable');
  }
  const durationMs = Math.round(performance.now() - started);
  const attempts = d.attempts + 1;
  const status = error === null ? 'delivered' : attempts >= MAX_DELIVERY_ATTEMPTS ? 'failed' : 'pending';
  await repo.recordAttempt(
    deps.db,
    { deliveryId: id, at: now, statusCode, error, durationMs },
    {
      status,
      attempts,
      nextAttemptAt: status === 'pending' ? new Date(now.getTime() + retryDelayMs(attempts)) : d.nextAttemptAt,
      deliveredAt: status === 'delivered' ? now : null,
      lastError: error,
    },
  );
  if (error) deps.logger?.warn({ deliveryId: id, attempts, error }, 'webhook delivery failed');
  return { deliveryId: id, status, statusCode, error };
}

function lockUntil(deps: DeliveryDeps, now: Date): Date {
  return new Date(now.getTime() + deps.config.webhookTimeoutMs + 60_000);
}

/**
 * Sends the deliveries that are due at `now`. Each one is first claimed with a conditional update
 * of its lock, so two instances never send the same delivery at the same time; a crashed sender's
 * lock expires and the delivery is tried again.
 */
export async function deliverPendingWebhooks(deps: DeliveryDeps, now: Date, fetchImpl?: FetchLike): Promise<AttemptResult[]> {
  const send = fetchImpl ?? webhookFetch(deps.config.webhookAllowPrivate);
  const results: AttemptResult[] = [];
  for (;;) {
    const ids = await repo.findDueDeliveryIds(deps.db, now, BATCH);
    const mine: number[] = [];
    for (const id of ids) if (await repo.claimDelivery(deps.db, id, now, lockUntil(deps, now))) mine.push(id);
    results.push(...(await Promise.all(mine.map((id) => attempt(deps, id, now, send)))));
    if (ids.length < BATCH) return results;
  }
}

/** Queues a test delivery for one webhook and sends it at once (later retries go through the job). */
export async function sendTestDelivery(deps: DeliveryDeps, webhookId: number, now: Date, fetchImpl?: FetchLike): Promise<AttemptResult | null> {
  await repo.getWebhook(deps.db, webhookId);
  const key = `test-${webhookId}-${randomUUID()}`;
  const payload = JSON.stringify({ type: 'webhook.test', data: { message: 'A test delivery from Timeline.', webhookId } });
  const row = await repo.queueDelivery(deps.db, { webhookId, idempotencyKey: key, payload, now });
  if (!(await repo.claimDelivery(deps.db, row.id, now, lockUntil(deps, now)))) return null;
  return attempt(deps, row.id, now, fetchImpl ?? webhookFetch(deps.config.webhookAllowPrivate));
}
