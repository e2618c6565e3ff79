import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { expect, it } from 'vitest';
import { EDITOR_KEY, useEditingApp } from '../helpers/editing.js';

const app = useEditingApp('wgiql');

/** The README's subscription example. */
const SUBSCRIPTION = `subscription NewLeaks {
  leakRecorded {
    cursor
    leak { id summary devices { name } }
  }
}`;

it('runs a subscription in GraphiQL over the WebSocket and shows each event as it arrives', async () => {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'partnergraph-chromium-'));
  // Debian's Chromium (.ci/run installs it); Playwright's own browser downloads cannot work here.
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // GraphiQL opens with the query it last kept in localStorage, so the editor starts with the example.
    await page.addInitScript((query) => {
      (globalThis as unknown as { localStorage: { setItem(key: string, value: string): void } }).localStorage.setItem('graphiql:query', query);
    }, SUBSCRIPTION);
    await page.goto(`${app().baseUrl}/graphql`);
    await page.waitForSelector('.graphiql-query-editor .CodeMirror');
    await expect.poll(() => page.locator('.graphiql-query-editor').innerText(), { timeout: 30_000 }).toContain('subscription NewLeaks');
    const socket = page.waitForEvent('websocket', { timeout: 30_000 });
    await page.click('.graphiql-execute-button');
    expect((await socket).url()).toBe(`${app().baseUrl.replace(/^http/, 'ws')}/graphql`);
    await new Promise((resolve) => setTimeout(resolve, 500));

    const recorded = await app().graphql(
      'mutation($input: RecordLeakInput!) { recordLeak(input: $input) { id } }',
      {
        input: {
          summary: 'Wgiql leak seen in GraphiQL',
          devices: ['device:xiaomi-12s'],
          confidence: 'RUMORED',
          reportedOn: '2024-03-01',
          source: { title: 'Wgiql source' },
        },
      },
      EDITOR_KEY,
    );
    expect(recorded.errors).toBeUndefined();
    const result = page.locator('.result-window');
    await expect.poll(() => result.innerText(), { timeout: 10_000 }).toContain(recorded.data.recordLeak.id);
    expect(await result.innerText()).toContain('Xiaomi 12S');
    expect(errors).toEqual([]);
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  }
  // Chromium alone takes 10 to 25 s to start on this shared 2-core machine.
}, 90_000);
