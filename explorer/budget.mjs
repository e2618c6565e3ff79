// The Explorer's budget (issue 11): the gzipped size of its bundle (under 600 kB) and the time from page load to the
// first drawing of a focused view on the seed data (under 1 s), in Debian's Chromium against a fresh embedded Neo4j.
// Usage: npm run bench:explorer (builds first), or node explorer/budget.mjs after npm run build. N=10 loads by default.
// Exits 1 when over budget. A measurement, not a test: on a machine shared with other work the times only grow.
import 'reflect-metadata';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const BUNDLE_BUDGET_BYTES = 600 * 1024;
const FIRST_RENDER_BUDGET_MS = 1000;
const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const assets = path.join(root, 'explorer', 'assets');
const sizes = readdirSync(assets).map((file) => {
  const bytes = readFileSync(path.join(assets, file));
  return { file, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
});
for (const { file, bytes, gzip } of sizes) console.log(`${file.padEnd(28)} ${(bytes / 1024).toFixed(1)} kB, gzip ${(gzip / 1024).toFixed(1)} kB`);
const scriptGzip = sizes.filter(({ file }) => file.endsWith('.js')).reduce((sum, { gzip }) => sum + gzip, 0);

const { loadConfig } = await import(`file://${root}/src/config/config.js`);
const { startApp } = await import(`file://${root}/src/server/app.js`);
const { createLogger } = await import(`file://${root}/src/server/logger.js`);
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'partnergraph-bench-explorer-'));
const profile = mkdtempSync(path.join(os.tmpdir(), 'partnergraph-bench-chromium-'));
const app = await startApp(loadConfig({ PORT: '0', NEO4J_BOLT_PORT: '0', NEO4J_DATA_DIR: dataDir, LOG_LEVEL: 'silent' }), createLogger('silent'));
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  viewport: { width: 1400, height: 900 },
});
let overBudget = false;
try {
  const page = await browser.newPage();
  const url = `${new URL(app.url).origin}/explore?focus=brand:leica&depth=2`;
  const runs = [];
  // The first load warms the JIT of the server and the browser cache; it is reported apart.
  for (let run = 0; run <= Number(process.env.N ?? 10); run += 1) {
    await page.goto(`${url}&run=${run}`);
    await page.waitForFunction(() => performance.getEntriesByName('explorer:first-render').length > 0, null, { timeout: 30_000 });
    runs.push(
      await page.evaluate(() => {
        const [navigation] = performance.getEntriesByType('navigation');
        const render = performance.getEntriesByName('explorer:first-render')[0].startTime;
        return { sinceNavigation: render, afterLoad: Math.max(0, render - navigation.loadEventEnd) };
      }),
    );
  }
  const [cold, ...warm] = runs;
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const afterLoad = median(warm.map((run) => run.afterLoad));
  console.log(`first render, cold load: ${Math.round(cold.afterLoad)} ms after load (${Math.round(cold.sinceNavigation)} ms after navigation start)`);
  console.log(
    `first render, ${warm.length} warm loads: median ${Math.round(afterLoad)} ms after load ` +
      `(median ${Math.round(median(warm.map((run) => run.sinceNavigation)))} ms after navigation start; ` +
      `min ${Math.round(Math.min(...warm.map((run) => run.afterLoad)))}, max ${Math.round(Math.max(...warm.map((run) => run.afterLoad)))} ms after load)`,
  );
  console.log(
    `script bundle: gzip ${(scriptGzip / 1024).toFixed(1)} kB (budget ${BUNDLE_BUDGET_BYTES / 1024} kB); first render budget ${FIRST_RENDER_BUDGET_MS} ms after load`,
  );
  overBudget = scriptGzip > BUNDLE_BUDGET_BYTES || afterLoad > FIRST_RENDER_BUDGET_MS;
} finally {
  await browser.close();
  await app.stop();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(profile, { recursive: true, force: true });
}
if (overBudget) {
  console.error('over budget');
  process.exit(1);
}
