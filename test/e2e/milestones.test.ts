import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFuzzyDate } from '../../src/features/dates/index.ts';
import { flagMilestones } from '../../src/features/milestones/index.ts';
import { makeUser, STRONG_PASSWORD } from '../helpers/users.ts';
import { startBrowserEnv, type BrowserEnv } from './browser.ts';

let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowserEnv({ seed: true, now: '2026-01-15T12:00:00Z' });
});
afterAll(async () => env?.close());

/** A figure of the scorecard: "8 resolved" at the top, "Early: 1" under the bar (outcomes at zero are not listed). */
function scorecardFigure(text: string, label: string): number {
  if (label === 'Resolved') {
    const m = /(\d+)\s+resolved/.exec(text);
    if (!m) throw new Error(`no resolved figure in:\n${text}`);
    return Number(m[1]);
  }
  if (!/claims/.test(text)) throw new Error(`no scorecard figures in:\n${text}`);
  const m = new RegExp(`${label}: (\\d+)`).exec(text);
  return m ? Number(m[1]) : 0;
}

describe('resolving a claim in Chromium', () => {
  it('when an editor resolves an overdue claim, then the claim shows its outcome and its source scorecard changes', async () => {
    const { db } = env.t;
    const wsj = await db.source.findFirstOrThrow({ where: { publisher: { contains: 'Wall Street Journal' } } });
    const meta = await db.organization.findUniqueOrThrow({ where: { slug: 'meta' } });
    const window = parseFuzzyDate('Q1 2025');
    await db.milestone.create({
      data: {
        slug: 'meta-claim-q1-2025',
        title: 'Meta ships a new assistant in Q1 2025',
        kind: 'dated',
        sourceId: wsj.id,
        claimedOn: new Date('2023-09-10T00:00:00Z'),
        expectedText: 'Q1 2025',
        windowStart: window.start,
        windowEnd: window.end,
        windowPrecision: window.precision,
        sortStart: window.start,
        sortEnd: window.end,
        organizations: { create: [{ organizationId: meta.id }] },
      },
    });
    const flagged = await flagMilestones(db, env.t.clock());
    expect(flagged.overdue).toBeGreaterThanOrEqual(1);

    const page = await env.newPage();
    await page.goto(`/sources/${wsj.id}`);
    const before = await page.locator('.scorecard').innerText();
    const earlyBefore = scorecardFigure(before, 'Early');
    const resolvedBefore = scorecardFigure(before, 'Resolved');

    const user = await makeUser(db, { role: 'editor' });
    await page.goto('/admin/resolution');
    await page.getByLabel('Email').fill(user.email);
    await page.getByLabel('Password').fill(STRONG_PASSWORD);
    await page.getByRole('button', { name: /sign in/i }).click();
    await page.waitForURL(/\/admin\/resolution/);
    const item = page.locator('main li, main article, main section', { hasText: 'Meta ships a new assistant' }).first();
    await expect(item.innerText()).resolves.toMatch(/Overdue/);
    await item.getByRole('link', { name: 'Resolve' }).click();

    await page.getByLabel(/^Outcome/).selectOption({ index: 1 });
    const settling = page.getByLabel(/^Settling event/);
    const llama31 = await settling.locator('option', { hasText: 'Llama 3.1' }).first().getAttribute('value');
    await settling.selectOption(llama31!);
    await page.getByRole('button', { name: 'Resolve' }).click();
    await page.waitForURL((url) => !url.pathname.endsWith('/resolve'));

    await page.goto('/milestones/meta-claim-q1-2025');
    const claim = await page.locator('main').innerText();
    expect(claim).toMatch(/Early/);
    expect(claim).toMatch(/early by \d+ days/);

    await page.goto(`/sources/${wsj.id}`);
    const after = await page.locator('.scorecard').innerText();
    expect(scorecardFigure(after, 'Early')).toBe(earlyBefore + 1);
    expect(scorecardFigure(after, 'Resolved')).toBe(resolvedBefore + 1);
    expect(env.problems).toEqual([]);
  });
});
