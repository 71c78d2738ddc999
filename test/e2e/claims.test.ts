import { readShared, SEED_ARTICLE_FILE } from '../helpers/shared.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, STRONG_PASSWORD } from '../helpers/users.ts';
import { startBrowserEnv, type BrowserEnv } from './browser.ts';

const SEED_ARTICLE = readShared(SEED_ARTICLE_FILE);
const SHOTS = process.env.CLAIMS_SCREENSHOTS_DIR;

let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowserEnv({ seed: true });
});
afterAll(async () => env?.close());

describe('an editor reading an article for claims in Chromium', () => {
  it('when an editor pastes the seed article, then the dated sentences are listed, and the ticked ones are saved as claims of the source', async () => {
    const user = await makeUser(env.t.db, { email: 'reader-of-claims@example.com', role: 'editor' });
    const page = await env.newPage();
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto('/admin/claims/extract');
    await page.getByLabel('Email').fill(user.email);
    await page.getByLabel('Password').fill(STRONG_PASSWORD);
    await page.getByRole('button', { name: /sign in/i }).click();
    await page.waitForURL(/\/admin\/claims\/extract/);

    await page.getByLabel(/^Source/).selectOption({ index: 1 });
    await page.getByLabel(/^Published on/).fill('2023-09-11');
    await page.getByLabel('Language').selectOption('fr');
    await page.getByLabel(/^Article text/).fill(SEED_ARTICLE);
    await page.getByRole('button', { name: 'Read the article' }).click();
    await expect.poll(() => page.locator('#candidates-heading').innerText()).toBe('5 dated sentences');
    const list = await page.locator('.candidates').innerText();
    expect(list).toContain('à partir de début 2024: early 2024');
    expect(list).toContain('qu’on attend en mai 2024: May 2024');
    if (SHOTS) {
      await page.screenshot({ path: `${SHOTS}/extract-1366.png`, fullPage: false });
      await page.locator('.candidates').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/extract-1366-candidates.png`, fullPage: false });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.screenshot({ path: `${SHOTS}/extract-390-candidates.png`, fullPage: false });
      await page.locator('h1').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/extract-390.png`, fullPage: false });
    }

    const before = await env.t.db.milestone.count();
    await page.locator('#pick-4').check();
    await page.locator('#rowTitle-4').fill('Gemini expected in May 2024 (extracted)');
    await page.getByRole('button', { name: 'Save the ticked claims' }).click();
    await page.waitForURL(/\/admin\/milestones$/);
    await expect.poll(() => page.locator('[role="status"]').first().innerText()).toBe('1 claim saved from the article.');
    expect(await env.t.db.milestone.count()).toBe(before + 1);
    const saved = await env.t.db.milestone.findFirstOrThrow({ where: { title: 'Gemini expected in May 2024 (extracted)' } });
    expect(saved.expectedText).toBe('qu’on attend en mai 2024');
    expect(saved.quote).toMatch(/qu’on attend en mai 2024\.$/);
    expect(env.problems).toEqual([]);
  });

  it('when an editor types a relative horizon in the milestone form, then the preview reads it against the claim date', async () => {
    const user = await makeUser(env.t.db, { email: 'preview-of-claims@example.com', role: 'editor' });
    const page = await env.newPage();
    await page.goto('/admin/milestones/new');
    await page.getByLabel('Email').fill(user.email);
    await page.getByLabel('Password').fill(STRONG_PASSWORD);
    await page.getByRole('button', { name: /sign in/i }).click();
    await page.waitForURL(/\/admin\/milestones\/new/);
    await page.getByLabel(/^Expected date/).fill('dans les six mois');
    await expect.poll(() => page.locator('.date-preview').innerText()).toMatch(/is relative.*give the date the claim was made/);
    await page.getByLabel(/^Claimed on/).fill('2023-09-11');
    await expect.poll(() => page.locator('.date-preview').innerText()).toMatch(/deadline, before 11 March 2024/);
    expect(env.problems).toEqual([]);
  });
});
