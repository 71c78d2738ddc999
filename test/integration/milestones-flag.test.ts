import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { flagMilestones } from '../../src/features/milestones/index.ts';
import { readContentVersion } from '../../src/platform/content-version.ts';
import type { Db } from '../../src/platform/db.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';
import { unresolveClaims, loadTestWorld } from '../helpers/factories.ts';

let t: TestDb;
let db: Db;
beforeAll(async () => {
  t = await createTestDb();
  db = t.db;
  await loadTestWorld(db, new Date('2026-01-15T12:00:00Z'));
});
afterAll(async () => t.close());

/** Puts every seeded claim back to unresolved and forgets its transitions. */
async function unresolveAll() {
  await db.$transaction([db.webhookDelivery.deleteMany({}), ...unresolveClaims(db)]);
}

const at = (iso: string) => new Date(iso);
const justBefore = (iso: string) => new Date(new Date(iso).getTime() - 1);

async function statusOf(slug: string) {
  const m = await db.milestone.findUniqueOrThrow({ where: { slug }, include: { transitions: { orderBy: { id: 'asc' } } } });
  return { status: m.status, dueAt: m.dueAt, transitions: m.transitions };
}

describe('flagMilestones on the seed claims, put back to unresolved', () => {
  beforeEach(unresolveAll);

  it.each([
    ['meta-next-model-training-early-2024', '2024-01-01T00:00:00Z', '2024-05-01T00:00:00Z'],
    ['meta-next-model-release-2024', '2024-01-01T00:00:00Z', '2025-01-01T00:00:00Z'],
    ['google-gemini-may-2024', '2024-05-01T00:00:00Z', '2024-06-01T00:00:00Z'],
    ['meta-instagram-chatbot-30-personalities', '2023-01-01T00:00:00Z', '2024-01-01T00:00:00Z'],
  ])('when time reaches the window of %s, then it becomes due on %s and overdue from %s', async (slug, dueOn, overdueOn) => {
    await flagMilestones(db, justBefore(dueOn));
    expect((await statusOf(slug)).status).toBe('upcoming');

    await flagMilestones(db, at(dueOn));
    let s = await statusOf(slug);
    expect(s.status).toBe('due');
    expect(s.dueAt).toEqual(at(dueOn));
    expect(s.transitions.map((x) => [x.fromStatus, x.toStatus, x.dueAt.toISOString(), x.flaggedAt.toISOString()])).toEqual([
      ['upcoming', 'due', at(dueOn).toISOString(), at(dueOn).toISOString()],
    ]);

    await flagMilestones(db, justBefore(overdueOn));
    expect((await statusOf(slug)).status).toBe('due');

    await flagMilestones(db, at(overdueOn));
    s = await statusOf(slug);
    expect(s.status).toBe('overdue');
    expect(s.transitions.map((x) => [x.toStatus, x.dueAt.toISOString()])).toEqual([
      ['due', at(dueOn).toISOString()],
      ['overdue', at(overdueOn).toISOString()],
    ]);
  });

  it('when Gemini has launched (6 December 2023), then "after Gemini" becomes due that day and never overdue', async () => {
    const slug = 'meta-next-model-after-gemini';
    await flagMilestones(db, justBefore('2023-12-06T00:00:00Z'));
    expect((await statusOf(slug)).status).toBe('upcoming');
    await flagMilestones(db, at('2023-12-06T00:00:00Z'));
    const s = await statusOf(slug);
    expect(s.status).toBe('due');
    expect(s.dueAt).toEqual(at('2023-12-06T00:00:00Z'));
    await flagMilestones(db, at('2040-01-01T00:00:00Z'));
    expect((await statusOf(slug)).status).toBe('due');
  });

  it('when the relative claim waits for an event that is not recorded, then it stays upcoming', async () => {
    await db.milestone.update({ where: { slug: 'meta-next-model-after-gemini' }, data: { afterEventId: null } });
    try {
      await flagMilestones(db, at('2040-01-01T00:00:00Z'));
      expect((await statusOf('meta-next-model-after-gemini')).status).toBe('upcoming');
    } finally {
      const gemini = await db.event.findUniqueOrThrow({ where: { slug: 'gemini-launch' } });
      await db.milestone.update({ where: { slug: 'meta-next-model-after-gemini' }, data: { afterEventId: gemini.id } });
    }
  });

  it('when claims have no date at all, then they never come due', async () => {
    await flagMilestones(db, at('2040-01-01T00:00:00Z'));
    for (const slug of ['meta-next-model-several-times-llama-2', 'meta-next-model-open', 'meta-next-model-own-infrastructure']) {
      const s = await statusOf(slug);
      expect(s.status).toBe('upcoming');
      expect(s.transitions).toEqual([]);
    }
  });

  it('when flagging runs twice at the same moment, then the second run changes nothing', async () => {
    const now = at('2024-05-15T10:00:00Z');
    const first = await flagMilestones(db, now);
    expect(first.transitions).toBeGreaterThan(0);
    const snapshot = async () => ({
      milestones: await db.milestone.findMany({ orderBy: { id: 'asc' }, select: { id: true, status: true, dueAt: true, updatedAt: true } }),
      transitions: await db.milestoneTransition.findMany({ orderBy: { id: 'asc' } }),
    });
    const before = await snapshot();
    const version = await readContentVersion(db);

    const second = await flagMilestones(db, now);
    expect(second).toEqual({ now: now.toISOString(), due: 0, overdue: 0, transitions: 0, notified: true });
    expect(await snapshot()).toEqual(before);
    expect(await readContentVersion(db)).toBe(version);

    expect((await flagMilestones(db, at('2024-05-15T10:01:00Z'))).transitions).toBe(0);
  });

  it('when the server was down through whole windows, then every missed transition is made once with its own due time', async () => {
    await flagMilestones(db, at('2023-01-02T00:00:00Z'));
    const downUntil = at('2024-07-01T08:00:00Z');
    const summary = await flagMilestones(db, downUntil);
    expect(summary).toEqual({ now: downUntil.toISOString(), due: 4, overdue: 3, transitions: 7, notified: true });

    const rows = await db.milestoneTransition.findMany({
      where: { flaggedAt: downUntil },
      include: { milestone: { select: { slug: true } } },
      orderBy: [{ milestone: { slug: 'asc' } }, { id: 'asc' }],
    });
    expect(rows.map((r) => [r.milestone.slug, r.fromStatus, r.toStatus, r.dueAt.toISOString()])).toEqual([
      ['google-gemini-may-2024', 'upcoming', 'due', '2024-05-01T00:00:00.000Z'],
      ['google-gemini-may-2024', 'due', 'overdue', '2024-06-01T00:00:00.000Z'],
      ['meta-instagram-chatbot-30-personalities', 'due', 'overdue', '2024-01-01T00:00:00.000Z'],
      ['meta-next-model-after-gemini', 'upcoming', 'due', '2023-12-06T00:00:00.000Z'],
      ['meta-next-model-release-2024', 'upcoming', 'due', '2024-01-01T00:00:00.000Z'],
      ['meta-next-model-training-early-2024', 'upcoming', 'due', '2024-01-01T00:00:00.000Z'],
      ['meta-next-model-training-early-2024', 'due', 'overdue', '2024-05-01T00:00:00.000Z'],
    ]);
    expect(await db.milestoneTransition.count()).toBe(8);
    expect((await flagMilestones(db, at('2024-07-01T09:00:00Z'))).transitions).toBe(0);
  });

  it('when a grace period is set, then a claim becomes overdue that many days after its window closes', async () => {
    const slug = 'google-gemini-may-2024';
    await flagMilestones(db, at('2024-06-03T23:59:59Z'), { graceDays: 3 });
    expect((await statusOf(slug)).status).toBe('due');
    await flagMilestones(db, at('2024-06-04T00:00:00Z'), { graceDays: 3 });
    const s = await statusOf(slug);
    expect(s.status).toBe('overdue');
    expect(s.transitions.at(-1)?.dueAt).toEqual(at('2024-06-04T00:00:00Z'));
  });

  it('when the job computes a date in SQL, then it equals the same date written by Prisma and compares with parameters', async () => {
    await flagMilestones(db, at('2024-06-04T00:00:00Z'), { graceDays: 3 });
    const probe = await db.source.create({ data: { publisher: 'Probe', title: 'Date probe', publishedOn: at('2024-06-04T00:00:00Z') } });
    try {
      const joined = await db.$queryRaw<{ n: bigint | number }[]>`
        SELECT COUNT(*) AS n FROM "MilestoneTransition" t JOIN "Source" s ON s."publishedOn" = t."dueAt"
        WHERE s."id" = ${probe.id} AND t."toStatus" = 'overdue'`;
      expect(Number(joined[0]!.n)).toBe(1);
      const byParam = await db.$queryRaw<{ n: bigint | number }[]>`
        SELECT COUNT(*) AS n FROM "MilestoneTransition" WHERE "dueAt" = ${at('2024-06-04T00:00:00Z')} AND "flaggedAt" = ${at('2024-06-04T00:00:00Z')}`;
      expect(Number(byParam[0]!.n)).toBe(1);
    } finally {
      await db.source.delete({ where: { id: probe.id } });
    }
  });

  it('when transitions are made, then the content version moves so public pages refresh', async () => {
    const before = await readContentVersion(db);
    await flagMilestones(db, at('2024-01-01T00:00:00Z'));
    expect(await readContentVersion(db)).toBeGreaterThan(before);
  });
});

describe('flagMilestones on resolved claims', () => {
  it('when every claim is resolved, then nothing transitions', async () => {
    await loadTestWorld(db, new Date('2026-01-15T12:00:00Z'));
    await db.milestoneTransition.deleteMany({});
    const summary = await flagMilestones(db, at('2040-01-01T00:00:00Z'));
    expect(summary.transitions).toBe(0);
    expect(await db.milestone.count({ where: { status: { not: 'resolved' } } })).toBe(0);
  });
});

describe('flagMilestones and the webhook outbox', () => {
  beforeEach(async () => {
    await unresolveAll();
    await db.webhook.deleteMany({});
  });

  it('when transitions are recorded, then each active webhook gets one delivery per transition, keyed to be idempotent', async () => {
    const on = await db.webhook.create({ data: { url: 'http://127.0.0.1:9/hook', secret: 's'.repeat(32) } });
    await db.webhook.create({ data: { url: 'http://127.0.0.1:9/off', secret: 's'.repeat(32), active: false } });
    const now = at('2024-05-01T00:00:00Z');
    await flagMilestones(db, now);
    await flagMilestones(db, now);

    const transitions = await db.milestoneTransition.findMany({ orderBy: { id: 'asc' } });
    const deliveries = await db.webhookDelivery.findMany({ orderBy: { id: 'asc' } });
    expect(transitions.length).toBeGreaterThan(0);
    expect(deliveries.map((d) => d.idempotencyKey)).toEqual(transitions.map((tr) => `transition-${tr.id}-webhook-${on.id}`));
    for (const d of deliveries) {
      expect(d.webhookId).toBe(on.id);
      expect(d.status).toBe('pending');
      expect(d.nextAttemptAt).toEqual(now);
      const tr = transitions.find((x) => x.id === d.transitionId)!;
      expect(JSON.parse(d.payload)).toEqual({ type: `milestone.${tr.toStatus}`, transitionId: tr.id });
    }
  });
});
