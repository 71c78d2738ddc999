// Webhooks and their outbox (WebhookDelivery) with the per-attempt log.
import type { Db } from '../../platform/db.ts';
import { NotFoundError } from '../../platform/errors.ts';

export function listWebhooks(db: Db) {
  return db.webhook.findMany({
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    include: { _count: { select: { deliveries: true } } },
  });
}

export async function getWebhook(db: Db, id: number) {
  const row = await db.webhook.findUnique({ where: { id } });
  if (!row) throw new NotFoundError(`No webhook with id ${id}.`);
  return row;
}

export function createWebhook(db: Db, data: { url: string; secret: string; description: string; createdAt: Date }) {
  return db.webhook.create({ data: { ...data, updatedAt: data.createdAt } });
}

export async function deleteWebhook(db: Db, id: number): Promise<boolean> {
  const { count } = await db.webhook.deleteMany({ where: { id } });
  return count === 1;
}

export function listDeliveries(db: Db, webhookId: number, take: number) {
  return db.webhookDelivery.findMany({
    where: { webhookId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take,
    include: { attemptLog: { orderBy: [{ at: 'asc' }, { id: 'asc' }] } },
  });
}

export function queueDelivery(db: Db, data: { webhookId: number; idempotencyKey: string; payload: string; now: Date }) {
  const { now, ...rest } = data;
  return db.webhookDelivery.create({ data: { ...rest, nextAttemptAt: now, createdAt: now } });
}

/** Ids of deliveries that may be attempted at `now`, oldest first. */
export async function findDueDeliveryIds(db: Db, now: Date, take: number): Promise<number[]> {
  const rows = await db.webhookDelivery.findMany({
    where: { ...claimable(now), webhook: { active: true } },
    select: { id: true },
    orderBy: [{ nextAttemptAt: 'asc' }, { id: 'asc' }],
    take,
  });
  return rows.map((r) => r.id);
}

function claimable(now: Date) {
  return {
    status: 'pending',
    nextAttemptAt: { lte: now },
    OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }],
  };
}

/** One conditional update: true when this process now holds the delivery until `until`. */
export async function claimDelivery(db: Db, id: number, now: Date, until: Date): Promise<boolean> {
  const { count } = await db.webhookDelivery.updateMany({ where: { id, ...claimable(now) }, data: { lockedUntil: until } });
  return count === 1;
}

export function getDeliveryForSending(db: Db, id: number) {
  return db.webhookDelivery.findUniqueOrThrow({
    where: { id },
    include: {
      webhook: { select: { url: true, secret: true } },
      transition: {
        include: {
          milestone: {
            select: {
              id: true,
              slug: true,
              title: true,
              status: true,
              expectedText: true,
              windowStart: true,
              windowEnd: true,
              afterText: true,
            },
          },
        },
      },
    },
  });
}

export interface AttemptRecord {
  deliveryId: number;
  at: Date;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

/** Logs the attempt and settles the delivery in one array transaction. */
export async function recordAttempt(
  db: Db,
  a: AttemptRecord,
  outcome: { status: 'delivered' | 'pending' | 'failed'; attempts: number; nextAttemptAt: Date; deliveredAt: Date | null; lastError: string | null },
): Promise<void> {
  await db.$transaction([
    db.webhookAttempt.create({ data: a }),
    db.webhookDelivery.update({ where: { id: a.deliveryId }, data: { ...outcome, lockedUntil: null } }),
  ]);
}
