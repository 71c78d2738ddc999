import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startBrowserEnv, type BrowserEnv } from './browser.ts';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowserEnv({ seed: true });
});
afterAll(async () => env?.close());

const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };

async function open(path: string, viewport = DESKTOP, javaScriptEnabled = true): Promise<Page> {
  const page = await env.newPage({ javaScriptEnabled });
  await page.setViewportSize(viewport);
  await page.goto(path);
  return page;
}

/** The home page with its interactive view open; a phone is a touch device, as the hint depends on it. */
async function openInteractive(viewport: typeof DESKTOP): Promise<Page> {
  const phone = viewport.width < 500;
  const context = await env.browser.newContext({ baseURL: env.baseUrl, viewport, hasTouch: phone, isMobile: phone });
  const page = await context.newPage();
  page.setDefaultTimeout(8000);
  page.on('pageerror', (e) => env.problems.push(`page error: ${e.message}`));
  await page.goto('/');
  await page.getByText('Interactive view').click();
  await page.locator('#interactive-timeline .vis-item').first().waitFor();
  return page;
}

describe('home page layout', () => {
  it('when a reader opens the home page at 1366x900, then the first entry starts above the fold', async () => {
    const page = await open('/');
    const box = await page.locator('.timeline__item').first().boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y + 60).toBeLessThan(DESKTOP.height);
  });

  it('when a filter is set, then the filter bar is open and names it; without one it is closed', async () => {
    const closed = await open('/');
    expect(await closed.locator('details.filter-bar').getAttribute('open')).toBeNull();
    const opened = await open('/?organization=google');
    expect(await opened.locator('details.filter-bar').getAttribute('open')).not.toBeNull();
    await expect(opened.locator('.filter-bar__chip').innerText()).resolves.toBe('Organization: Google');
  });

  it('when the filter form is sent with empty fields, then the address carries only the filled ones', async () => {
    const page = await open('/');
    await page.getByText('Filters', { exact: true }).click();
    await page.getByRole('searchbox', { name: 'Search', exact: true }).fill('llama');
    await page.getByRole('button', { name: /^filter$/i }).click();
    await page.waitForURL(/q=llama/);
    expect(new URL(page.url()).search).toBe('?q=llama&order=newest');
  });
});

describe('interactive view', () => {
  for (const [name, viewport] of [['1366x900', DESKTOP], ['390x844', PHONE]] as const) {
    it(`when opened at ${name}, then every organization's lane is visible without dragging, with the legend`, async () => {
      const orgs = await env.t.db.organization.findMany({ where: { OR: [{ events: { some: {} } }, { milestones: { some: {} } }] }, select: { name: true } });
      const page = await openInteractive(viewport);
      const frame = await page.locator('#interactive-timeline .vis-timeline').boundingBox();
      const labels = page.locator('#interactive-timeline .vis-labelset .vis-label');
      const names = (await labels.allInnerTexts()).map((l) => l.trim());
      expect(new Set(names)).toEqual(new Set(orgs.map((o) => o.name)));
      for (let i = 0; i < names.length; i++) {
        const b = (await labels.nth(i).boundingBox())!;
        expect(b.height).toBeGreaterThan(10);
        expect(b.y + b.height).toBeLessThanOrEqual(frame!.y + frame!.height + 1);
      }
      const legend = page.locator('.tl-legend li');
      expect(await legend.count()).toBe(4);
      await expect(legend.first().isVisible()).resolves.toBe(true);
      const hint = await page.locator('.tl-toolbar__hint').innerText();
      if (viewport === PHONE) expect(hint).toMatch(/tap/i);
      else expect(hint).toMatch(/← →/);
    });
  }

  it('when a label belongs to a fuzzy window, then it is shown in full, not cut to the box', async () => {
    const page = await openInteractive(DESKTOP);
    const label = page.locator('.vis-item.vis-range .tl-item__label', { hasText: 'Google releases Gemini in May 2024' });
    const text = (await label.boundingBox())!;
    const center = (await page.locator('#interactive-timeline .vis-panel.vis-center').boundingBox())!;
    expect(text.width).toBeGreaterThan(150);
    expect(text.x + text.width).toBeLessThanOrEqual(center.x + center.width + 1);
  });

  it('when the reader uses the keyboard, then an arrow moves the view and 0 shows everything again', async () => {
    const page = await openInteractive(DESKTOP);
    const item = page.locator('#interactive-timeline .vis-item').first();
    const before = (await item.boundingBox())!.x;
    await page.locator('.tl-canvas').focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await item.boundingBox())!.x).toBeLessThan(before - 20);
    const moved = (await item.boundingBox())!.x;
    await page.keyboard.press('0');
    await expect.poll(async () => (await item.boundingBox())!.x).toBeCloseTo(before, 0);
    expect(moved).not.toBe(before);
  });
});

describe('embeds', () => {
  let host: Server;
  let hostUrl: string;
  beforeAll(async () => {
    host = createServer((req, res) => {
      const path = req.url === '/home' ? '/' : '/embed?organization=meta';
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.end(`<!doctype html><title>Other site</title><h1>Other site</h1><iframe src="${env.baseUrl}${path}" width="600" height="480"></iframe>`);
    });
    await new Promise<void>((r) => host.listen(0, '127.0.0.1', () => r()));
    hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
  });
  afterAll(async () => new Promise((r) => host.close(r)));

  it('when a page on another port frames /embed, then the entries show inside it; the home page refuses to be framed', async () => {
    const page = await env.newPage();
    await page.goto(`${hostUrl}/`);
    const frame = page.frameLocator('iframe');
    await expect(frame.getByRole('link', { name: /Llama 3 with open weights/ }).isVisible()).resolves.toBe(true);
    await expect(frame.getByText('Timeline: Meta').isVisible()).resolves.toBe(true);

    const refused = await env.newPage();
    await refused.goto(`${hostUrl}/home`);
    await refused.waitForTimeout(500);
    const child = refused.frames().find((f) => f !== refused.mainFrame());
    expect(await child!.locator('main').count()).toBe(0);
  });
});

describe('/stats', () => {
  it('when JavaScript is off, then the three charts and their tables render at 1366x900 and on a phone', async () => {
    for (const viewport of [DESKTOP, PHONE]) {
      const page = await open('/stats', viewport, false);
      expect(await page.locator('svg.chart__svg').count()).toBe(3);
      const svg = (await page.locator('svg.chart__svg').first().boundingBox())!;
      expect(svg.width).toBeGreaterThan(100);
      expect(await page.locator('svg.chart__svg rect.heat').count()).toBeGreaterThan(0);
      await expect(page.locator('.data-table table').first().isVisible()).resolves.toBe(true);
    }
  });
});

describe('accessibility (axe)', () => {
  const pages = [
    '/', '/?organization=meta', '/milestones', '/milestones/google-gemini-may-2024', '/events/wsj-meta-next-model-report',
    '/organizations', '/organizations/meta', '/subjects', '/subjects/llama-2', '/sources/1', '/scorecards', '/scorecards?sort=met-rate',
    '/stats', '/about', '/changes', '/embed?organization=meta',
  ];
  it('when every public page is checked by axe at 1366x900 and 390x844, then none has a serious or critical violation', async () => {
    const context = await env.browser.newContext({ baseURL: env.baseUrl, bypassCSP: true });
    const found: string[] = [];
    try {
      for (const viewport of [DESKTOP, PHONE]) {
        const page = await context.newPage();
        await page.setViewportSize(viewport);
        for (const path of pages) {
          await page.goto(path);
          if (path === '/') {
            await page.getByText('Interactive view').click();
            await page.locator('#interactive-timeline .vis-item').first().waitFor();
          }
          await page.addScriptTag({ path: AXE });
          const result = await page.evaluate(async () => {
            const axe = (globalThis as unknown as { axe: { run: (o: unknown) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
            return axe.run({ resultTypes: ['violations'] });
          });
          for (const v of result.violations) {
            if (v.impact === 'serious' || v.impact === 'critical') found.push(`${viewport.width}px ${path}: ${v.id} (${v.impact}) at ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
          }
        }
        await page.close();
      }
    } finally {
      await context.close();
    }
    expect(found).toEqual([]);
  }, 120_000);
});
