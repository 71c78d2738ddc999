import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHOOSER_MAX } from '../../src/features/admin/admin.repo.ts';
import { makeUser, STRONG_PASSWORD } from '../helpers/users.ts';
import { startBrowserEnv, type BrowserEnv } from './browser.ts';

let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowserEnv({ seed: true });
});
afterAll(async () => env?.close());

describe('an editor in Chromium', () => {
  it('when an editor signs in, adds an event with a fuzzy date, edits it and reads its history, then readers see it and sign-out ends the session', async () => {
    const user = await makeUser(env.t.db, { email: 'editor@example.com', role: 'editor' });
    const page = await env.newPage();

    await page.goto('/admin/events/new');
    await page.waitForURL(/\/admin\/login/);
    await page.getByLabel('Email').fill(user.email);
    await page.getByLabel('Password').fill(STRONG_PASSWORD);
    await page.getByRole('button', { name: /sign in/i }).click();
    await page.waitForURL(/\/admin\/events\/new/);

    await page.getByLabel(/^Title/).fill('Mistral releases a 7B model');
    await page.getByLabel('Summary').fill('A small open-weights model, announced with a torrent link.');
    await page.getByLabel(/^Date/).fill('late September 2023');
    await expect.poll(() => page.locator('.date-preview').innerText()).toMatch(/late September 2023/);
    await page.getByLabel('Source 1', { exact: true }).selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.locator('[role="status"]').first().innerText()).toMatch(/created|saved/i);

    const reader = await env.newPage();
    await reader.goto('/?q=mistral');
    const entry = reader.locator('main li', { hasText: 'Mistral releases a 7B model' });
    await expect(entry.innerText()).resolves.toContain('late September 2023');

    await page.goto('/admin/events');
    await page.getByRole('row', { name: /Mistral/ }).getByRole('link', { name: 'Edit' }).click();
    await page.getByLabel(/^Date/).fill('2023-09-27');
    await page.getByRole('button', { name: 'Save' }).click();
    await reader.goto('/?q=mistral');
    await expect(reader.locator('main li', { hasText: 'Mistral' }).innerText()).resolves.toContain('27 September 2023');

    await page.goto('/admin/events');
    await page.getByRole('row', { name: /Mistral/ }).getByRole('link', { name: 'History' }).click();
    const history = await page.locator('main').innerText();
    expect(history).toContain(user.email);
    expect(history).toMatch(/late September 2023/);
    expect(history).toMatch(/2023-09-27/);

    await page.getByRole('button', { name: /sign out/i }).click();
    await page.goto('/admin');
    await page.waitForURL(/\/admin\/login/);
    expect(env.problems).toEqual([]);
  });
});

describe('an editor choosing among many sources and subjects in Chromium', () => {
  it('when there are more sources and subjects than a form lists, then typing words of one offers it as a suggestion, and the event saves with them', async () => {
    await env.t.db.source.createMany({
      data: Array.from({ length: CHOOSER_MAX + 1 }, (_, i) => ({ publisher: 'Bulk wire', title: `Bulk story ${i}`, url: null, language: 'en', isPrimary: false })),
    });
    await env.t.db.subject.createMany({
      data: Array.from({ length: CHOOSER_MAX + 1 }, (_, i) => ({ slug: `bulk-model-${i}`, name: `Bulk model ${i}`, sortName: `bulk model ${i}`, kind: 'model' })),
    });
    const wanted = await env.t.db.source.findFirstOrThrow({ where: { title: 'Bulk story 123' } });
    const user = await makeUser(env.t.db, { email: 'chooser@example.com', role: 'editor' });
    const page = await env.newPage();
    await page.goto('/admin/login');
    await page.getByLabel('Email').fill(user.email);
    await page.getByLabel('Password').fill(STRONG_PASSWORD);
    await page.getByRole('button', { name: /sign in/i }).click();
    await page.goto('/admin/events/new');

    await page.getByLabel(/^Title/).fill('A story told by the wire');
    await page.getByLabel(/^Date/).fill('2024');
    const source = page.getByLabel('Source 1', { exact: true });
    await source.pressSequentially('Bulk story 123', { delay: 20 });
    const suggestion = page.locator('#field-sourceId-1-suggestions option', { hasText: 'Bulk wire: Bulk story 123' });
    await expect.poll(() => suggestion.count()).toBeGreaterThan(0);
    // What picking the suggestion puts in the field.
    await source.fill((await suggestion.first().getAttribute('value'))!);
    const subject = page.getByLabel('Another subject (1)');
    await subject.pressSequentially('Bulk model 42', { delay: 20 });
    const model = page.locator('#field-subjects-add-1-suggestions option', { hasText: 'Bulk model 42' });
    await expect.poll(() => model.count()).toBeGreaterThan(0);
    await subject.fill((await model.first().getAttribute('value'))!);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.locator('[role="status"]').first().innerText()).toMatch(/created|saved/i);

    const saved = await env.t.db.event.findFirstOrThrow({ where: { title: 'A story told by the wire' }, include: { sources: true, subjects: { include: { subject: true } } } });
    expect(saved.sources.map((s) => s.sourceId)).toEqual([wanted.id]);
    expect(saved.subjects.map((s) => s.subject.slug)).toEqual(['bulk-model-42']);
    expect(env.problems).toEqual([]);
  });
});
