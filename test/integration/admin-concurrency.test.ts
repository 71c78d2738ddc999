// Many editors saving at once on one SQLite file: every acknowledged write is there.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { signIn } from '../helpers/admin-session.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ seed: true });
});
afterAll(async () => t.close());

it('when 30 creates and updates arrive at once from three editors, then every request answered 2xx/3xx has its row and its audit entry', async () => {
  const editors = await Promise.all([signIn(t.app, t.db), signIn(t.app, t.db), signIn(t.app, t.db)]);
  const source = String((await t.db.source.findFirstOrThrow({ orderBy: { id: 'asc' } })).id);
  const targets = await t.db.event.findMany({ orderBy: { id: 'asc' }, take: 10, include: { sources: true } });
  const auditBefore = await t.db.auditLog.count();

  const creates = Array.from({ length: 20 }, (_, i) => {
    const { agent, token } = editors[i % 3]!;
    // Five share a title, so their generated slugs race for the same value.
    const title = i < 5 ? 'Concurrent same title' : `Concurrent event ${i}`;
    return agent
      .post('/admin/events')
      .type('form')
      .send({ _csrf: token, title, summary: `n=${i}`, kind: 'other', date: '2025', organizations: 'meta', sourceId: source })
      .then((res) => ({ kind: 'create' as const, i, status: res.status }));
  });
  const updates = targets.map((e, i) => {
    const { agent, token } = editors[i % 3]!;
    return agent
      .post(`/admin/events/${e.id}`)
      .type('form')
      .send({ _csrf: token, title: `Updated concurrently ${i}`, slug: e.slug, kind: e.kind, date: e.dateText, sourceId: e.sources.map((s) => String(s.sourceId)) })
      .then((res) => ({ kind: 'update' as const, i, status: res.status }));
  });
  const results = await Promise.all([...creates, ...updates]);

  const acknowledged = results.filter((r) => r.status >= 200 && r.status < 400);
  expect(acknowledged).toHaveLength(30);
  for (const r of acknowledged) {
    if (r.kind === 'create') expect(await t.db.event.count({ where: { summary: `n=${r.i}` } })).toBe(1);
    else expect((await t.db.event.findUniqueOrThrow({ where: { id: targets[r.i]!.id } })).title).toBe(`Updated concurrently ${r.i}`);
  }
  const same = await t.db.event.findMany({ where: { title: 'Concurrent same title' }, select: { slug: true }, orderBy: { slug: 'asc' } });
  expect(new Set(same.map((s) => s.slug)).size).toBe(5);
  expect(await t.db.auditLog.count()).toBe(auditBefore + acknowledged.length);
});
