import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { projectRoot } from '../../src/config/config.js';

/** Debian's Chromium; `.ci/run` installs it. Playwright's own browser downloads cannot work here. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS_DIR = path.join(projectRoot, 'test-artifacts', 'browser');

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** One headless Chromium with a fresh profile, which nothing outlives. */
export async function launchBrowser(): Promise<Browser> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'partnergraph-chromium-'));
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    // A common analyst's laptop screen (issue 21: the path finder's results fell below its fold).
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** What a page did wrong: console errors, uncaught exceptions and requests to anywhere but this machine. */
export interface PageWatch {
  errors: string[];
  offMachineRequests: string[];
  requests: string[];
  /** The URLs the page's scripts fetched. */
  fetches: string[];
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export function watchPage(page: Page): PageWatch {
  const watch: PageWatch = { errors: [], offMachineRequests: [], requests: [], fetches: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') watch.errors.push(message.text());
  });
  page.on('pageerror', (error) => watch.errors.push(`uncaught: ${error.message}`));
  page.on('request', (request) => {
    const url = new URL(request.url());
    watch.requests.push(request.url());
    if (['fetch', 'xhr'].includes(request.resourceType())) watch.fetches.push(request.url());
    if (!['data:', 'blob:'].includes(url.protocol) && !LOOPBACK.has(url.hostname)) watch.offMachineRequests.push(request.url());
  });
  return watch;
}

export function screenshotPath(name: string): string {
  return path.join(ARTIFACTS_DIR, `${name}.png`);
}
