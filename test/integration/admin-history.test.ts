import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization } from '../../src/features/content/index.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { signIn } from '../helpers/admin-session.ts';

let t: TestApp;
let s: Awaited<ReturnType<typeof signIn>>;
beforeAll(async () => {
  t = await createTestApp({ seed: true, now: '2026-01-15T12:00:00Z' });
  s = await signIn(t.app, t.db, 'editor');
});
afterAll(async () => t.close());

const post = (url: string, fields: Record<string, unknown>) => s.agent.post(url).type('form').send({ _csrf: s.token, ...fields });

describe('history', () => {
  it('when a record is created, edited and deleted, then each change is recorded with who, when and the fields before and after', async () => {
    await post('/admin/organizations', { name: 'Anthropic', website: 'https://www.anthropic.com/', description: 'AI lab.' }).expect(303);
    const org = await t.db.organization.findUniqueOrThrow({ where: { slug: 'anthropic' } });
    await post(`/admin/organizations/${org.id}`, { name: 'Anthropic', slug: 'anthropic', website: 'https://www.anthropic.com/', description: 'AI safety lab.' }).expect(303);
    await post(`/admin/organizations/${org.id}/delete`, {}).expect(303);

    const rows = await t.db.auditLog.findMany({ where: { entityType: 'organization', entityId: org.id }, orderBy: { id: 'asc' } });
    expect(rows.map((r) => r.action)).toEqual(['create', 'update', 'delete']);
    expect(rows.every((r) => r.userId === s.user.id && r.at.toISOString() === '2026-01-15T12:00:00.000Z')).toBe(true);
    expect(JSON.parse(rows[0]!.changes)).toEqual({
      slug: { before: null, after: 'anthropic' },
      name: { before: null, after: 'Anthropic' },
      website: { before: null, after: 'https://www.anthropic.com/' },
      description: { before: null, after: 'AI lab.' },
    });
    expect(JSON.parse(rows[1]!.changes)).toEqual({ description: { before: 'AI lab.', after: 'AI safety lab.' } });
    expect(JSON.parse(rows[2]!.changes).name).toEqual({ before: 'Anthropic', after: null });

    const page = await s.agent.get(`/admin/organizations/${org.id}/history`).expect(200);
    expect(page.text).toContain('History: Anthropic');
    expect(page.text).toMatch(/15 Jan 2026, 12:00 UTC<\/time>: <strong>Test editor<\/strong> deleted/);
    expect(page.text).toMatch(/<th scope="row">description<\/th><td>AI lab\.<\/td><td>AI safety lab\.<\/td>/);
  });

  it('when a form is saved without changes, then nothing is recorded', async () => {
    const meta = await t.db.organization.findUniqueOrThrow({ where: { slug: 'meta' } });
    const before = await t.db.auditLog.count();
    await post(`/admin/organizations/${meta.id}`, { name: meta.name, slug: meta.slug, website: meta.website ?? '', description: meta.description }).expect(303);
    expect((await s.agent.get('/admin/organizations').expect(200)).text).toContain('Nothing changed.');
    expect(await t.db.auditLog.count()).toBe(before);
  });

  it('when there are more changes than a page holds, then the log pages back through all of them once, newest first', async () => {
    const ctx = { db: t.db, now: t.clock(), userId: s.user.id };
    for (let i = 0; i < 55; i++) await createOrganization(ctx, { name: `Paged ${i}`, slug: undefined, website: null, description: '', aliases: [] });
    const total = await t.db.auditLog.count();
    const seen: string[] = [];
    let url: string | null = '/admin/changes';
    while (url) {
      const res: { text: string } = await s.agent.get(url).expect(200);
      seen.push(...[...res.text.matchAll(/<a href="\/admin\/\w+\/\d+\/history">([^<]+)<\/a>/g)].map((m) => m[1]!));
      const next: string | undefined = /<a href="\/admin\/changes\?before(?:=|&#x3D;)(\d+)">Older changes<\/a>/.exec(res.text)?.[1];
      url = next ? `/admin/changes?before=${next}` : null;
    }
    expect(seen).toHaveLength(total);
    expect(seen[0]).toBe('Paged 54');
    expect(seen.filter((x) => x.startsWith('Paged '))).toEqual(Array.from({ length: 55 }, (_, i) => `Paged ${54 - i}`));
  });
});

describe('dashboard', () => {
  it('when an editor opens the dashboard, then it shows the counts, the recent changes and the claims awaiting resolution', async () => {
    const awaiting = await t.db.milestone.findMany({ where: { status: { in: ['due', 'overdue'] } }, orderBy: { id: 'asc' } });
    const res = await s.agent.get('/admin').expect(200);
    expect(res.text).toContain(`${await t.db.event.count()} events`);
    expect(res.text).toContain(`${await t.db.source.count()} sources`);
    expect(res.text).toContain('Paged 54');
    if (awaiting.length === 0) expect(res.text).toContain('None: no claim is due or overdue.');
    for (const m of awaiting) expect(res.text).toContain(`/admin/milestones/${m.slug}/resolve`);
  });
});
