import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { chromium, type Browser, type Page } from 'playwright-core';
import { findChromium } from '../helpers/chromium.ts';
import { createTestApp, type TestApp, type TestAppOptions } from '../helpers/app.ts';

export interface BrowserEnv {
  t: TestApp;
  baseUrl: string;
  browser: Browser;
  newPage(opts?: { colorScheme?: 'light' | 'dark'; javaScriptEnabled?: boolean }): Promise<Page>;
  /** Content-Security-Policy violations and page errors seen so far. */
  problems: string[];
  close(): Promise<void>;
}

/** The app listening on a loopback port, and a headless Chromium (never downloaded: Debian's). */
export async function startBrowserEnv(opts: TestAppOptions = { seed: true }): Promise<BrowserEnv> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found: apt-get install chromium, or set CHROMIUM_PATH');
  const t = await createTestApp(opts);
  const server: Server = await new Promise((resolve) => {
    const s = t.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const problems: string[] = [];
  return {
    t,
    baseUrl,
    browser,
    problems,
    async newPage(o = {}) {
      const context = await browser.newContext({ baseURL: baseUrl, colorScheme: o.colorScheme ?? 'light', javaScriptEnabled: o.javaScriptEnabled ?? true });
      const page = await context.newPage();
      page.setDefaultTimeout(8000);
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(`console: ${m.text()}`);
      });
      // A missing stylesheet, script or image is a broken page even when the document loads.
      page.on('response', (r) => {
        if (r.status() >= 400 && r.request().resourceType() !== 'document') problems.push(`${r.status()} ${r.url()}`);
      });
      return page;
    },
    async close() {
      await browser.close();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await t.close();
    },
  };
}
