import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedData } from '../../prisma/seed/data.ts';
import { startBrowserEnv, type BrowserEnv } from './browser.ts';

// The subject here is the seeded timeline a new install shows, so this loads the real seed.
let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowserEnv({ seed: true, world: seedData });
});
afterAll(async () => env?.close());

describe('public timeline in Chromium', () => {
  it('when a reader opens the home page, then Llama 2 is listed on 18 July 2023', async () => {
    const page = await env.newPage();
    await page.goto('/');
    const entry = page.locator('li', { has: page.getByRole('link', { name: /Llama 2/ }) }).filter({ hasText: '18 July 2023' });
    await expect(entry.first().isVisible()).resolves.toBe(true);
    const datetime = await entry.first().locator('time').first().getAttribute('datetime');
    expect(datetime).toBe('2023-07-18');
  });

  it('when the reader filters by Google, then Gemini is shown and Llama 2 is not', async () => {
    const page = await env.newPage();
    await page.goto('/');
    await page.getByText('Filters', { exact: true }).click();
    await page.getByRole('checkbox', { name: /^Google/ }).check();
    await page.getByRole('button', { name: /filter/i }).click();
    await page.waitForURL(/organization=google/);
    const main = page.locator('main');
    await expect(main.getByRole('link', { name: /Google launches Gemini 1\.0/ }).first().isVisible()).resolves.toBe(true);
    await expect(main.getByRole('link', { name: /Google first presents Gemini, still in training/ }).first().isVisible()).resolves.toBe(true);
    expect(await main.getByRole('link', { name: /Llama 2 released/i }).count()).toBe(0);
    expect(await main.getByText('18 July 2023').count()).toBe(0);
  });

  it('when JavaScript runs, then the interactive timeline draws one lane per organization', async () => {
    const api = (await (await fetch(`${env.baseUrl}/api/v1/timeline?limit=100`)).json()) as { data: { organizations: { name: string }[] }[] };
    const orgs = new Set<string>();
    let other = false;
    for (const e of api.data) {
      if (e.organizations.length === 0) other = true;
      for (const o of e.organizations) orgs.add(o.name);
    }
    const page = await env.newPage();
    await page.goto('/');
    await page.getByText('Interactive view').click();
    const container = page.locator('#interactive-timeline');
    await container.waitFor({ state: 'visible' });
    await page.locator('#interactive-timeline .vis-item').first().waitFor();
    const lanes = await page.locator('#interactive-timeline .vis-labelset .vis-label').allInnerTexts();
    const names = lanes.map((l) => l.trim()).filter(Boolean);
    expect(new Set(names)).toEqual(new Set([...orgs, ...(other ? ['Other'] : [])]));
    expect(names).toHaveLength(new Set(names).size);
  });

  it('when JavaScript is off, then the list and the filters still work', async () => {
    const page = await env.newPage({ javaScriptEnabled: false });
    await page.goto('/?organization=meta');
    await expect(page.locator('main').getByRole('link', { name: /Llama 2/ }).first().isVisible()).resolves.toBe(true);
    await expect(page.locator('#interactive-panel').isHidden()).resolves.toBe(true);
  });

  it('when a reader opens the Gemini "May 2024" claim, then its window and its early outcome are shown', async () => {
    const page = await env.newPage();
    await page.goto('/milestones/google-gemini-may-2024');
    const text = await page.locator('main').innerText();
    expect(text).toContain('mai 2024');
    expect(text).toContain('May 2024');
    expect(text).toMatch(/Early/);
    expect(text).toMatch(/early by 147 days/);
    await expect(page.getByRole('link', { name: /Google launches Gemini 1\.0/ }).first().isVisible()).resolves.toBe(true);
  });

  it('when a reader opens the "30 personalities" claim, then it is credited to the French article, partly met and settled by the retirement of the AI characters', async () => {
    const page = await env.newPage();
    await page.goto('/milestones/meta-instagram-chatbot-30-personalities');
    const main = page.locator('main');
    const text = await main.innerText();
    expect(text).toContain('un chatbot, décliné en 30 personnalités');
    expect(text).toMatch(/Partly met/);
    await expect(main.getByRole('link', { name: /Meta ambitionne de surpasser ChatGPT 4/ }).first().isVisible()).resolves.toBe(true);
    await main.getByRole('link', { name: /Meta retires its celebrity AI characters/ }).first().click();
    await page.waitForURL(/\/events\/meta-ai-characters-retired/);
    expect(await page.locator('main').innerText()).toMatch(/late July 2024/);
  });

  it('when pages load, then no script error or Content-Security-Policy violation was reported', async () => {
    const page = await env.newPage({ colorScheme: 'dark' });
    await page.goto('/');
    await page.getByText('Interactive view').click();
    await page.locator('#interactive-timeline .vis-item').first().waitFor();
    await page.goto('/milestones');
    await page.goto('/organizations/meta');
    expect(env.problems).toEqual([]);
  });
});
