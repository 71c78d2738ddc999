import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedData } from '../../prisma/seed/data.ts';
import { makeUser, STRONG_PASSWORD } from '../helpers/users.ts';
import { startBrowserEnv, type BrowserEnv } from './browser.ts';

const SAMPLE = fileURLToPath(new URL('../fixtures/epoch/frontier_ai_models_2025-07.csv', import.meta.url));

let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowserEnv({ seed: true, world: seedData, now: '2026-01-15T12:00:00Z' });
});
afterAll(async () => env?.close());

describe('model facts in Chromium', () => {
  it('when an admin imports the Epoch table from the data page, then a model page shows its figures as people read them', async () => {
    const admin = await makeUser(env.t.db, { role: 'admin' });
    const page = await env.newPage();
    await page.goto('/admin/data');
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password').fill(STRONG_PASSWORD);
    await page.getByRole('button', { name: /sign in/i }).click();
    await page.waitForURL(/\/admin\/data/);

    await page.getByLabel('Format').selectOption('epoch');
    await page.locator('input[type=file]').setInputFiles(SAMPLE);
    await expect.poll(() => page.locator('#field-content').inputValue().then((v) => v.length)).toBeGreaterThan(100_000);
    await page.getByRole('button', { name: 'Dry run' }).click({ timeout: 120_000 });
    await expect(page.getByRole('status').innerText()).resolves.toMatch(/Dry run: 134 created, 3 matched, 0 updated, 0 unchanged, 1 needs review/);
    await expect(page.locator('main').innerText()).resolves.toMatch(/Epoch AI dates it 2023-03-15/);
    // The import writes 137 models with their facts: give a loaded machine time (speed is measured in the bench).
    await page.getByRole('button', { name: 'Import', exact: true }).click({ timeout: 120_000 });
    await page.waitForURL(/\/admin\/data$/, { timeout: 120_000 });
    await expect(page.getByRole('status').innerText()).resolves.toMatch(/Epoch AI import: 134 created, 3 matched/);

    await page.goto('/subjects/falcon-180b');
    const facts = page.locator('.subject-facts');
    await expect(facts.locator('[data-fact=parameters]').innerText()).resolves.toMatch(/^180B parameters · Epoch AI/);
    await expect(facts.locator('[data-fact=trainingCompute]').innerText()).resolves.toMatch(/3\.8×10²⁴ FLOP/);
    await expect(facts.innerText()).resolves.toMatch(/Confident/);
    expect(env.problems).toEqual([]);
  });
});
