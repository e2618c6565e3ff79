/// <reference lib="dom" />
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFiles } from '../../src/store/records/importer.js';
import { launchBrowser, screenshotPath, watchPage, type Browser, type PageWatch } from '../helpers/browser.js';
import { removeTestWrites } from '../helpers/editing.js';
import { assertSecurityHeaders } from '../helpers/securityHeaders.js';
import { startTestApp, type TestApp } from '../helpers/testApp.js';

/**
 * The Explorer in a real Chromium against the real app, in production mode (introspection off).
 * One browser for the file; the scenarios share one page, in order, as an analyst would use it.
 */
let app: TestApp;
let browser: Browser;
let page: Page;
let watch: PageWatch;
/** Two more local origins: a dashboard that CORS_ORIGINS lists, and one it does not. */
let listedOrigin: OriginServer;
let unlistedOrigin: OriginServer;

interface OriginServer {
  origin: string;
  close(): Promise<void>;
}

/** Serves one page that calls the API from its own origin and writes what happened into its body. */
async function startOriginServer(apiUrl: () => string): Promise<OriginServer> {
  const server = http.createServer((_req, res) => {
    const html = `<!doctype html><title>dashboard</title><body><script>
      fetch(${JSON.stringify(`${apiUrl()}/graphql`)}, { method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ brand(name: "Leica") { name } }' }) })
        .then((response) => response.json())
        .then((body) => { document.body.dataset.result = 'allowed: ' + body.data.brand.name; })
        .catch((error) => { document.body.dataset.result = 'blocked: ' + error.name; });
    </script></body>`;
    res.writeHead(200, { 'content-type': 'text/html' }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** What the canvas drew, read from cytoscape in the page. */
interface CanvasReport {
  zoom: number;
  /** The smallest label on screen, in CSS pixels: its font size in the drawing times the zoom. */
  smallestLabelPx: number;
  /** "edge crosses node" for every straight edge whose line runs through the body of a node it does not join. */
  crossings: string[];
  nodes: number;
}

function canvasReport(target: Page = page): Promise<CanvasReport> {
  return target.evaluate(() => {
    const cy = (document.getElementById('graph-canvas') as HTMLElement & { _cyreg: { cy: any } })._cyreg.cy;
    const zoom: number = cy.zoom();
    const sizes: number[] = cy.nodes().map((node: any) => parseFloat(node.style('font-size')) * zoom);
    /** Whether the segment a-b meets the box, by clipping the segment against it (Liang-Barsky). */
    const meets = (a: { x: number; y: number }, b: { x: number; y: number }, box: { x1: number; x2: number; y1: number; y2: number }) => {
      let [t0, t1] = [0, 1];
      const [dx, dy] = [b.x - a.x, b.y - a.y];
      for (const [p, q] of [
        [-dx, a.x - box.x1],
        [dx, box.x2 - a.x],
        [-dy, a.y - box.y1],
        [dy, box.y2 - a.y],
      ] as Array<[number, number]>) {
        if (p === 0) {
          if (q < 0) return false;
        } else if (p < 0) t0 = Math.max(t0, q / p);
        else t1 = Math.min(t1, q / p);
      }
      return t0 <= t1;
    };
    const crossings: string[] = [];
    for (const edge of cy.edges()) {
      const [a, b] = [edge.source().position(), edge.target().position()];
      for (const node of cy.nodes()) {
        if (node.same(edge.source()) || node.same(edge.target())) continue;
        const box = node.boundingBox({ includeLabels: false, includeOverlays: false, includeUnderlays: false });
        // The body, less the white border: an edge grazing a border is not read as a link.
        const inner = { x1: box.x1 + 3, x2: box.x2 - 3, y1: box.y1 + 3, y2: box.y2 - 3 };
        if (meets(a, b, inner)) crossings.push(`${edge.source().id()}→${edge.target().id()} crosses ${node.id()}`);
      }
    }
    return { zoom, smallestLabelPx: Math.min(...sizes), crossings, nodes: cy.nodes().length };
  });
}

/** Types into a search box (the main one or a path finder end) and picks the option with this name. */
async function pickEntity(box: string, text: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: box, exact: true }).fill(text);
  await page
    .getByRole('listbox', { name: `${box} results` })
    .getByRole('option', { name: option, exact: true })
    .click();
}

/** In the ids of everything these tests write, so afterAll removes it and other files see the seed as it was. */
const MARKER = 'explorertest';
const scratch = mkdtempSync(path.join(os.tmpdir(), 'partnergraph-explorer-'));

/** Writes records through the importer, as `partnergraph import` would, without audit entries. */
async function importRecords(name: string, records: object[]): Promise<void> {
  const file = path.join(scratch, `${name}.jsonl`);
  writeFileSync(file, records.map((record) => JSON.stringify(record)).join('\n'));
  await importFiles(app.db, [file], { audit: false });
}

const nodeList = () => page.getByRole('list', { name: 'Nodes in view' }).getByRole('listitem');

async function waitForNodes(predicate: (labels: string[]) => boolean): Promise<string[]> {
  let labels: string[] = [];
  await expect.poll(async () => predicate((labels = await nodeList().allInnerTexts())), POLL).toBe(true);
  return labels;
}

/** The page answers in well under a second; the margin is for a machine busy with other suites. */
const POLL = { timeout: 10_000 };

const has =
  (...wanted: string[]) =>
  (labels: string[]) =>
    wanted.every((label) => labels.includes(label));

/**
 * Where cytoscape draws a node, or the midpoint of the first edge between two nodes, in page coordinates, once
 * the drawing has stopped moving: panels that load after the graph (the timeline) resize the canvas, and the
 * drawing is fitted again. Also checks that nothing else on the page covers that point.
 */
async function settledPoint(target: { node: string } | { edge: [string, string] }): Promise<{ x: number; y: number }> {
  const read = () =>
    page.evaluate((wanted) => {
      const container = document.getElementById('graph-canvas') as HTMLElement & { _cyreg: { cy: any } };
      const cy = container._cyreg.cy;
      const box = container.getBoundingClientRect();
      const at =
        'node' in wanted
          ? cy.getElementById(wanted.node).renderedPosition()
          : cy.edges(`[source = "${wanted.edge[0]}"][target = "${wanted.edge[1]}"]`)[0].renderedMidpoint();
      const point = { x: box.left + at.x, y: box.top + at.y };
      const onCanvas = container.contains(document.elementFromPoint(point.x, point.y));
      return { ...point, onCanvas };
    }, target);
  let last = { x: Number.NaN, y: Number.NaN, onCanvas: false };
  await expect
    .poll(
      async () => {
        const previous = last;
        last = await read();
        return last.onCanvas && last.x === previous.x && last.y === previous.y;
      },
      { ...POLL, interval: 250 },
    )
    .toBe(true);
  return { x: last.x, y: last.y };
}

beforeAll(async () => {
  listedOrigin = await startOriginServer(() => app.baseUrl);
  unlistedOrigin = await startOriginServer(() => app.baseUrl);
  app = await startTestApp({ NODE_ENV: 'production', CORS_ORIGINS: listedOrigin.origin });
  browser = await launchBrowser();
  page = await browser.context.newPage();
  watch = watchPage(page);
}, 120_000);

afterAll(async () => {
  if (app) await removeTestWrites(app.db, MARKER);
  rmSync(scratch, { recursive: true, force: true });
  await browser?.close();
  await listedOrigin?.close();
  await unlistedOrigin?.close();
  await app?.stop();
});

describe('the Explorer at /explore', () => {
  it('is served by the API with a strict CSP, every asset from this server', async () => {
    const response = await fetch(`${app.baseUrl}/explore`);
    expect(response.status).toBe(200);
    assertSecurityHeaders(response.headers);
    const html = await response.text();
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<script>/);
  });

  it('search "Laica" offers Leica; picking it draws Leica with Xiaomi, Huawei, Panasonic and Sharp', async () => {
    await page.goto(`${app.baseUrl}/explore`);
    await pickEntity('Search', 'Laica', 'Leica Brand');
    const labels = await waitForNodes(has('Leica', 'Xiaomi', 'Huawei', 'Panasonic', 'Sharp'));
    expect(labels).toContain('Leica × Xiaomi');
    expect(new URL(page.url()).searchParams.get('focus')).toBe('brand:leica');
    const timeline = page.getByRole('list', { name: 'Partner timeline of Leica' }).getByRole('listitem');
    await expect.poll(() => timeline.count(), POLL).toBeGreaterThanOrEqual(4);
    // Each date as precisely as it is known: Huawei's was announced in a month, Panasonic's began in a year.
    const events = (await timeline.allInnerTexts()).map((text) => text.replace(/\s+/g, ' '));
    expect(events).toEqual(expect.arrayContaining([expect.stringMatching(/^Huawei 2016-02\b(?!-)/), expect.stringMatching(/^Panasonic 2001\b(?!-)/)]));
    expect(events).toEqual(expect.arrayContaining([expect.stringMatching(/^Xiaomi 2022-05-23\b/)]));
    await page.screenshot({ path: screenshotPath('explorer-leica') });
  });

  it('draws labels readable at the first zoom, by force so no edge runs through another node; cut labels get a tooltip; the wheel zooms', async () => {
    const first = await canvasReport();
    expect(first.nodes).toBeGreaterThan(10);
    expect(first.smallestLabelPx).toBeGreaterThanOrEqual(12);
    expect(first.crossings).toEqual([]);

    // A leak's summary is cut on the canvas; hovering the node shows all of it.
    const cut = await page.evaluate(() => {
      const container = document.getElementById('graph-canvas') as HTMLElement & { _cyreg: { cy: any } };
      const node = container._cyreg.cy.nodes().filter((candidate: any) => candidate.data('full') !== candidate.data('label'))[0];
      const box = container.getBoundingClientRect();
      return node && { full: node.data('full') as string, x: box.left + node.renderedPosition().x, y: box.top + node.renderedPosition().y };
    });
    expect(cut).toBeTruthy();
    await page.mouse.move(cut.x, cut.y);
    await expect.poll(() => page.getByRole('tooltip').innerText(), POLL).toBe(cut.full);
    await page.screenshot({ path: screenshotPath('explorer-tooltip') });

    // One notch of the wheel zooms in by a useful step, around the pointer.
    await page.mouse.wheel(0, -100);
    await expect.poll(async () => (await canvasReport()).zoom, POLL).toBeGreaterThanOrEqual(first.zoom * 1.25);
    const zoomedIn = await canvasReport();
    await page.mouse.wheel(0, 300);
    await expect.poll(async () => (await canvasReport()).zoom, POLL).toBeLessThan(zoomedIn.zoom / 1.5);
    // Zoomed out, labels keep their size on screen.
    expect((await canvasReport()).smallestLabelPx).toBeGreaterThanOrEqual(12);
    await page.screenshot({ path: screenshotPath('explorer-zoomed-out') });
    await page.getByRole('button', { name: 'Fit the drawing' }).click();
  });

  it('as of 2022-05-20, the Xiaomi partnership is gone and Huawei is still there', async () => {
    await page.getByLabel('As of').fill('2022-05-20');
    const labels = await waitForNodes((current) => !current.includes('Leica × Xiaomi'));
    expect(labels).toEqual(expect.arrayContaining(['Huawei', 'Huawei × Leica', 'Leica × Panasonic', 'Leica × Sharp']));
    expect(labels).not.toContain('Xiaomi 12S');
    expect(new URL(page.url()).searchParams.get('asOf')).toBe('2022-05-20');
    // That day Xiaomi was reached only through a speculation about the 12 Ultra's camera.
    await page.getByLabel('Min. confidence').selectOption('RUMORED');
    const rumouredOrBetter = await waitForNodes((current) => !current.includes('Xiaomi'));
    expect(rumouredOrBetter).toContain('Huawei');
    expect(new URL(page.url()).searchParams.get('minConfidence')).toBe('RUMORED');
    const asOf = await canvasReport();
    expect(asOf.smallestLabelPx).toBeGreaterThanOrEqual(12);
    expect(asOf.crossings).toEqual([]);
    await page.screenshot({ path: screenshotPath('explorer-as-of-2022-05-20') });
  });

  it('a click on an edge shows its confidence, reported day with precision, and sources', async () => {
    await page.getByLabel('Min. confidence').selectOption('');
    await page.getByRole('button', { name: 'Today' }).click();
    await waitForNodes(has('Leica × Xiaomi'));
    const point = await settledPoint({ edge: ['brand:leica', 'partnership:leica-xiaomi'] });
    await page.mouse.click(point.x, point.y);
    const panel = page.getByRole('region', { name: 'Leica → Leica × Xiaomi' });
    await expect.poll(() => panel.isVisible(), POLL).toBe(true);
    const text = await panel.innerText();
    expect(text).toMatch(/Confidence\s+confirmed CONFIRMED/);
    expect(text).toMatch(/Reported on\s+\d{4}(-\d{2}){0,2} \((day|month|year) precision\)/);
    expect(await panel.getByRole('list', { name: 'Sources' }).getByRole('listitem').count()).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('explorer-edge-sources') });
  });

  it('spells one way: "rumoured" in words, RUMORED only as the API\'s enum value', async () => {
    const options = await page.getByLabel('Min. confidence').locator('option').allInnerTexts();
    expect(options).toContain('rumoured');
    // Every word the page shows, with the Xiaomi 12S (whose camera claim is rumoured) opened in the panel.
    await nodeList()
      .filter({ hasText: /^Xiaomi 12S$/ })
      .getByRole('button')
      .click();
    await expect.poll(() => page.getByRole('region', { name: 'Xiaomi 12S', exact: true }).innerText(), POLL).toMatch(/rumoured/);
    const words = await page.locator('body').innerText();
    expect(words).not.toMatch(/[Rr]umored/);
    await page.goto(`${app.baseUrl}/explore?focus=brand:leica`);
    await waitForNodes(has('Leica × Xiaomi'));
  });

  it('a click on a node shows its facts and claims, and opens its neighbourhood', async () => {
    const point = await settledPoint({ node: 'brand:sharp' });
    await page.mouse.click(point.x, point.y);
    const panel = page.getByRole('region', { name: 'Sharp', exact: true });
    await expect.poll(() => panel.innerText(), POLL).toMatch(/country\s+JP/);
    expect(await panel.getByRole('list', { name: 'Claims in view' }).innerText()).toMatch(/Sharp PARTY_TO Leica × Sharp/);
    await expect.poll(() => new URL(page.url()).searchParams.get('expand'), POLL).toBe('brand:sharp');
  });

  it('finds the path Xiaomi → Huawei through search, draws it, and shows it without scrolling at 1440 × 900', async () => {
    await pickEntity('Path from', 'Xiaomi', 'Xiaomi Brand');
    await pickEntity('Path to', 'Huawei', 'Huawei Brand');
    await page.getByRole('button', { name: 'Find paths' }).click();
    const paths = page.getByRole('list', { name: 'Paths found' }).getByRole('listitem');
    await expect.poll(() => paths.count(), POLL).toBeGreaterThan(0);
    expect(await paths.first().innerText()).toMatch(/^Xiaomi → Leica × Xiaomi → Leica → Huawei × Leica → Huawei · weakest claim confirmed/);
    const highlighted = await page.evaluate(() => (document.getElementById('graph-canvas') as any)._cyreg.cy.$('.on-path').map((element: any) => element.id()));
    expect(highlighted).toEqual(expect.arrayContaining(['brand:xiaomi', 'partnership:leica-xiaomi', 'brand:leica', 'brand:huawei']));
    // Above the fold: the whole list inside the window, and the side column not scrolled to reach it.
    const box = (await page.getByRole('list', { name: 'Paths found' }).boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(page.viewportSize()!.height);
    expect(await page.locator('.side').evaluate((side) => side.scrollTop)).toBe(0);
    await page.screenshot({ path: screenshotPath('explorer-path') });
  });

  it('collapses paths that differ only by a parallel claim into one line', async () => {
    // A second source speculates what the seed's source rumours: the Xiaomi 12S's camera is by Leica.
    const note = { type: 'Source', id: `source:${MARKER}-note`, title: 'A second voice on the 12S camera (test note)' };
    const claim = { type: 'Relationship', relation: 'CAMERA_BY', from: 'device:xiaomi-12s', to: 'brand:leica', confidence: 'SPECULATED' };
    await importRecords('parallel-claim', [note, { ...claim, reportedOn: '2022-06', sources: [note.id] }]);
    await pickEntity('Path from', 'Xiaomi 12S', 'Xiaomi 12S Device');
    await pickEntity('Path to', 'Leica', 'Leica Brand');
    await page.getByRole('button', { name: 'Find paths' }).click();
    const paths = page.getByRole('list', { name: 'Paths found' }).getByRole('listitem');
    await expect.poll(() => paths.first().innerText(), POLL).toMatch(/^Xiaomi 12S → Leica · weakest claim rumoured · 2 parallel claims$/);
    const texts = await paths.allInnerTexts();
    expect(new Set(texts.map((text) => text.split(' · ')[0])).size).toBe(texts.length);
    const drawn = await page.evaluate(() =>
      (document.getElementById('graph-canvas') as any)._cyreg.cy
        .edges('.on-path')
        .map((edge: any) => `${edge.source().id()}→${edge.target().id()} ${edge.data('confidence')}`),
    );
    expect(drawn).toEqual(expect.arrayContaining(['device:xiaomi-12s→brand:leica RUMORED', 'device:xiaomi-12s→brand:leica SPECULATED']));
  });

  it('finds a path to Qualcomm, which is not on screen', async () => {
    expect(await nodeList().allInnerTexts()).not.toContain('Qualcomm');
    await pickEntity('Path from', 'Leica', 'Leica Brand');
    await pickEntity('Path to', 'Qualcomm', 'Qualcomm Brand');
    await page.getByRole('button', { name: 'Find paths' }).click();
    const paths = page.getByRole('list', { name: 'Paths found' }).getByRole('listitem');
    await expect.poll(() => paths.first().innerText(), POLL).toMatch(/^Leica → .* → Qualcomm · weakest claim/);
    await waitForNodes(has('Qualcomm'));
    await page.screenshot({ path: screenshotPath('explorer-path-to-qualcomm') });
  });

  it('a node opened from the keyboard joins the view, and a shared link reproduces it', async () => {
    await page.getByLabel('Depth').selectOption('1');
    await page.getByLabel('As of').fill('2022-08-01');
    await page.getByLabel('Min. confidence').selectOption('REPORTED');
    // Enter on a node in the list opens its neighbourhood, as a click on the canvas does.
    await nodeList()
      .filter({ hasText: /^Leica × Sharp$/ })
      .getByRole('button')
      .press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('expand'), POLL).toBe('brand:sharp,partnership:leica-sharp');
    // The view that state stands for, asked of the API directly.
    const { data } = await app.graphql(`{
      focus: graph(id: "brand:leica", depth: 1, asOf: "2022-08-01", minConfidence: REPORTED) { nodes { label } }
      sharp: graph(id: "brand:sharp", depth: 1, asOf: "2022-08-01", minConfidence: REPORTED) { nodes { label } }
      opened: graph(id: "partnership:leica-sharp", depth: 1, asOf: "2022-08-01", minConfidence: REPORTED) { nodes { label } } }`);
    const slices = [data.focus, data.sharp, data.opened] as Array<{ nodes: Array<{ label: string }> }>;
    const expected = [...new Set(slices.flatMap((slice) => slice.nodes.map((node) => node.label)))].sort();
    const sorted = async (target: Page) => (await target.getByRole('list', { name: 'Nodes in view' }).getByRole('listitem').allInnerTexts()).sort();
    await expect.poll(() => sorted(page), POLL).toEqual(expected);

    const other = await browser.context.newPage();
    const otherWatch = watchPage(other);
    await other.goto(page.url());
    await expect.poll(() => sorted(other), POLL).toEqual(expected);
    expect(await other.getByLabel('As of').inputValue()).toBe('2022-08-01');
    expect(await other.getByLabel('Min. confidence').inputValue()).toBe('REPORTED');
    expect(await other.getByLabel('Depth').inputValue()).toBe('1');
    expect(otherWatch.errors).toEqual([]);
    await other.close();
  });

  it('exports the view as a valid PNG of non-trivial size, and as CSV and JSON with provenance', async () => {
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export PNG' }).click()]);
    const bytes = readFileSync(await png.path());
    expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
    expect(bytes.readUInt32BE(16)).toBeGreaterThan(200);
    expect(bytes.readUInt32BE(20)).toBeGreaterThan(100);
    expect(bytes.length).toBeGreaterThan(10_000);
    expect(png.suggestedFilename()).toBe('partnergraph-brand-leica-asof-2022-08-01.png');
    copyFileSync(await png.path(), screenshotPath('explorer-export'));
    // Read back in the page: ink in the caption band, the legend's swatches below the drawing, and none of the
    // selection's blue wash, which cytoscape's own picture of the same canvas does have.
    const pixels = await page.evaluate(async (base64) => {
      const cy = (document.getElementById('graph-canvas') as any)._cyreg.cy;
      const count = async (blob: Blob, test: (r: number, g: number, b: number, y: number, height: number) => boolean) => {
        const image = await createImageBitmap(blob);
        const canvas = new OffscreenCanvas(image.width, image.height);
        const context = canvas.getContext('2d')!;
        context.drawImage(image, 0, 0);
        const { data } = context.getImageData(0, 0, image.width, image.height);
        let found = 0;
        for (let index = 0; index < data.length; index += 4) {
          if (test(data[index]!, data[index + 1]!, data[index + 2]!, Math.floor(index / 4 / image.width), image.height)) found += 1;
        }
        return found;
      };
      const near = (r: number, g: number, b: number, [R, G, B]: number[]) => Math.abs(r - R!) <= 2 && Math.abs(g - G!) <= 2 && Math.abs(b - B!) <= 2;
      // The selection overlay: #1565c0 at 25 % over white.
      const wash = (r: number, g: number, b: number) => near(r, g, b, [197, 216, 239]);
      // Decoded here: the page's CSP (rightly) lets it fetch nothing but its own origin, data: URLs included.
      const exported = new Blob([Uint8Array.from(atob(base64), (char) => char.charCodeAt(0))], { type: 'image/png' });
      return {
        selected: cy.$(':selected').length as number,
        captionInk: await count(exported, (r, g, b, y) => y < 90 && r < 80 && g < 80 && b < 80),
        legendBrand: await count(exported, (r, g, b, y, height) => y > height - 160 && near(r, g, b, [0x1f, 0x5f, 0xae])),
        legendPartnership: await count(exported, (r, g, b, y, height) => y > height - 160 && near(r, g, b, [0xc2, 0x5e, 0x00])),
        washExported: await count(exported, wash),
        washRaw: await count(cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' }), wash),
      };
    }, bytes.toString('base64'));
    expect(pixels.selected).toBeGreaterThan(0);
    expect(pixels.captionInk).toBeGreaterThan(500);
    expect(pixels.legendBrand).toBeGreaterThan(100);
    expect(pixels.legendPartnership).toBeGreaterThan(100);
    expect(pixels.washRaw).toBeGreaterThan(1000);
    expect(pixels.washExported).toBeLessThan(pixels.washRaw / 10);
    // The picture was laid out as the screen was: no edge through a node there either.
    expect((await canvasReport()).crossings).toEqual([]);

    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    const lines = readFileSync(await csv.path(), 'utf8')
      .trim()
      .split('\n');
    expect(lines[0]).toBe('element,id,type,label,source,target,confidence,reportedOn,reportedOnPrecision,sources');
    expect(lines.some((line) => line.startsWith('node,brand:sharp,BRAND,Sharp'))).toBe(true);
    expect(lines.filter((line) => line.startsWith('edge,')).every((line) => /,(CONFIRMED|REPORTED),\d{4}-\d{2}-\d{2},(DAY|MONTH|YEAR),.+/.test(line))).toBe(
      true,
    );

    const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
    const exported = JSON.parse(readFileSync(await json.path(), 'utf8'));
    expect(exported.view).toMatchObject({ focus: 'brand:leica', depth: 1, asOf: '2022-08-01', minConfidence: 'REPORTED' });
    expect(exported.nodes.map((node: { label: string }) => node.label)).toContain('Sharp');
    expect(exported.edges.every((edge: { sources: unknown[] }) => edge.sources.length > 0)).toBe(true);
  });

  it('shows errors instead of swallowing them: NOT_FOUND, a limit exceeded, the API down', async () => {
    const errors = await browser.context.newPage();
    await errors.goto(`${app.baseUrl}/explore?focus=brand:no-such-brand`);
    await expect.poll(() => errors.getByRole('alert').innerText(), POLL).toMatch(/^Not found: No entity with id "brand:no-such-brand"/);

    const sixteen = Array.from({ length: 16 }, (_, index) => `brand:expanded-${index}`).join(',');
    await errors.goto(`${app.baseUrl}/explore?focus=brand:leica&expand=${sixteen}`);
    await expect.poll(() => errors.getByRole('alert').innerText(), POLL).toMatch(/^Too much at once: .*alias/i);

    await errors.route('**/graphql', (route) => route.abort('connectionrefused'));
    await errors.goto(`${app.baseUrl}/explore?focus=brand:leica`);
    await expect.poll(() => errors.getByRole('alert').innerText(), POLL).toMatch(/API cannot be reached/);
    await errors.close();
  });

  it('draws a brand with hundreds of devices as groups by year with counts, opens a group on demand, and shows truncation', async () => {
    // 12 years of 20 devices, 30 in 2020, and 25 with no announcement day: 275 devices of one brand.
    const brand = `brand:${MARKER}-megaphone`;
    const source = { type: 'Source', id: `source:${MARKER}-registry`, title: 'A device registry (test data)' };
    const years = Array.from({ length: 12 }, (_, index) => 2012 + index);
    const devices = [
      ...years.flatMap((year) => Array.from({ length: year === 2020 ? 30 : 20 }, (_, index) => ({ year: String(year), index }))),
      ...Array.from({ length: 25 }, (_, index) => ({ year: null, index })),
    ].map(({ year, index }) => ({
      type: 'Device',
      id: `device:${MARKER}-megaphone-${year ?? 'undated'}-${index}`,
      name: `Megaphone ${year ?? 'X'} model ${index}`,
      status: 'ANNOUNCED',
      ...(year ? { announcedOn: `${year}-0${1 + (index % 9)}` } : {}),
    }));
    await importRecords('megaphone', [
      source,
      { type: 'Brand', id: brand, name: `Megaphone ${MARKER}`, roles: ['PHONE_MAKER'] },
      ...devices,
      ...devices.map((device) => ({
        type: 'Relationship',
        relation: 'MADE_BY',
        from: device.id,
        to: brand,
        confidence: 'CONFIRMED',
        reportedOn: '2024-01',
        sources: [source.id],
      })),
    ]);

    await page.goto(`${app.baseUrl}/explore?focus=${brand}&depth=1`);
    const groups = () => page.getByRole('list', { name: 'Nodes in view' }).getByRole('button', { name: /devices · / });
    // The first view of a new brand plans its statements: on a loaded machine that takes more than POLL.
    await expect.poll(() => groups().count(), { timeout: 45_000 }).toBe(13);
    const labels = await groups().allInnerTexts();
    expect(labels).toEqual(expect.arrayContaining(['20 devices · 2012', '30 devices · 2020', '20 devices · 2023', '25 devices · date unknown']));
    // No hairball: the brand and its groups, not its devices.
    const drawn = await canvasReport();
    expect(drawn.nodes).toBe(14);
    expect(drawn.smallestLabelPx).toBeGreaterThanOrEqual(12);
    expect(drawn.crossings).toEqual([]);
    await expect.poll(() => page.getByRole('status').innerText(), POLL).toMatch(/275 devices of Megaphone explorertest in 13 groups/);
    // The API's slice stopped at its limit: the page says so.
    expect(await page.getByRole('note').innerText()).toMatch(/^Truncated: more nodes are reachable/);
    await page.screenshot({ path: screenshotPath('explorer-big-brand') });

    // Opening 2020 draws a page of its devices, and the group says how many of its 30 are drawn.
    await groups().filter({ hasText: '30 devices · 2020' }).press('Enter');
    await expect.poll(() => groups().filter({ hasText: /2020/ }).innerText(), POLL).toBe('30 devices · 2020, 24 drawn');
    const opened = await nodeList().allInnerTexts();
    expect(opened.filter((label) => label.startsWith('Megaphone 2020 model'))).toHaveLength(24);
    expect(opened.filter((label) => /^Megaphone (?!2020)\d{4} model/.test(label))).toEqual([]);
    expect((await canvasReport()).crossings).toEqual([]);
    await page.screenshot({ path: screenshotPath('explorer-big-brand-open') });
    // And folds back.
    await groups().filter({ hasText: /2020/ }).press('Enter');
    await expect.poll(async () => (await nodeList().allInnerTexts()).filter((label) => label.startsWith('Megaphone 2020 model')).length, POLL).toBe(0);
  }, 120_000);

  it('draws brand logos from simple-icons where one exists, and none where it does not', async () => {
    await page.goto(`${app.baseUrl}/explore?focus=brand:leica`);
    await waitForNodes(has('Xiaomi', 'Huawei'));
    const images = await page.evaluate(() => {
      const cy = (document.getElementById('graph-canvas') as any)._cyreg.cy;
      return Object.fromEntries(cy.nodes('[type = "BRAND"]').map((node: any) => [node.id(), String(node.style('background-image'))]));
    });
    for (const id of ['brand:leica', 'brand:xiaomi', 'brand:huawei', 'brand:panasonic']) expect(images[id]).toMatch(/^data:image\/svg\+xml/);
    await page.goto(`${app.baseUrl}/explore?focus=brand:${MARKER}-megaphone&depth=1`);
    await expect.poll(() => page.evaluate(() => (document.getElementById('graph-canvas') as any)._cyreg.cy.nodes().length), POLL).toBeGreaterThan(1);
    const none = await page.evaluate(
      (id) => String((document.getElementById('graph-canvas') as any)._cyreg.cy.getElementById(id).style('background-image')),
      `brand:${MARKER}-megaphone`,
    );
    expect(none).toBe('none');
    await page.goto(`${app.baseUrl}/explore?focus=brand:leica`);
    await waitForNodes(has('Xiaomi', 'Huawei'));
    await page.screenshot({ path: screenshotPath('explorer-logos') });
  }, 60_000);

  it('draws partnerships with a span as bars: an ended one with both ends, an ongoing one open to the right edge', async () => {
    // Valid-time claims date Huawei-Leica from February 2016 to its end on 31 March 2022; Xiaomi's goes on.
    const source = 'source:partnergraph-editors';
    const claims = [
      { subject: 'partnership:huawei-leica', event: 'STARTED', on: '2016-02', confidence: 'CONFIRMED', reportedOn: '2016-02-25' },
      { subject: 'partnership:huawei-leica', event: 'ENDED', on: '2022-03-31', confidence: 'CONFIRMED', reportedOn: '2022-05-23' },
    ];
    await importRecords(
      `${MARKER}-spans`,
      claims.map((claim) => ({ type: 'ValidTime', ...claim, sources: [source] })),
    );
    try {
      await page.goto(`${app.baseUrl}/explore?focus=brand:leica`);
      const axis = page.getByRole('list', { name: 'Partner timeline of Leica' });
      const huawei = axis.getByRole('listitem').filter({ hasText: /^Huawei/ });
      const xiaomi = axis.getByRole('listitem').filter({ hasText: /^Xiaomi/ });
      // Each end as precisely as it is known: the start in a month, the end on a day.
      const text = async (item: typeof huawei) => (await item.innerText()).replace(/\s+/g, ' ');
      await expect.poll(() => text(huawei), POLL).toMatch(/^Huawei 2016-02 – 2022-03-31\b/);
      expect(await text(xiaomi)).toMatch(/^Xiaomi 2022-05-23 – ongoing\b/);
      expect(await huawei.getAttribute('class')).toContain('span-ended');
      expect(await xiaomi.getAttribute('class')).toContain('span-open');

      const axisBox = (await axis.boundingBox())!;
      const bar = async (item: typeof huawei) => (await item.locator('.timeline-bar').boundingBox())!;
      const [ended, open] = [await bar(huawei), await bar(xiaomi)];
      // The ended bar runs from 2016 to 2022, ending before the right edge; the open one reaches the edge.
      expect(ended.width).toBeGreaterThan(axisBox.width / 4);
      expect(ended.x + ended.width).toBeLessThan(axisBox.x + axisBox.width - 20);
      expect(open.x).toBeGreaterThan(ended.x + ended.width - 1);
      expect(Math.abs(open.x + open.width - (axisBox.x + axisBox.width))).toBeLessThanOrEqual(1);
      // Each partnership is either a bar or, with no span, a dot.
      for (const item of await axis.getByRole('listitem').all())
        expect((await item.locator('.timeline-bar').count()) + (await item.locator('.timeline-marker').count())).toBe(1);
      await page.locator('.timeline-section').screenshot({ path: screenshotPath('explorer-timeline-spans') });
    } finally {
      await app.db.driver.executeQuery('MATCH (v:ValidTime) WHERE v.sourceIds = [$source] DETACH DELETE v', { source });
    }
  });

  it('logged no console error and sent no request off this machine', () => {
    expect(watch.requests.some((url) => url.includes('/explore/assets/'))).toBe(true);
    expect(watch.errors).toEqual([]);
    expect(watch.offMachineRequests).toEqual([]);
  });
});

describe('GraphiQL in production', () => {
  it('offers the schema from the SDL with introspection off, and the query explorer plugin', async () => {
    const ide = await browser.context.newPage();
    const ideWatch = watchPage(ide);
    await ide.goto(`${app.baseUrl}/graphql`);
    await ide.getByRole('button', { name: /Show GraphiQL Explorer/i }).click();
    // The explorer lists the root fields it read from the schema: nothing was introspected.
    await expect.poll(() => ide.getByText('partnerHistory', { exact: true }).count(), POLL).toBeGreaterThan(0);
    expect(ideWatch.fetches.filter((url) => new URL(url).pathname === '/graphql')).toEqual([]);
    expect(ideWatch.errors).toEqual([]);
    expect(ideWatch.offMachineRequests).toEqual([]);
    await ide.screenshot({ path: screenshotPath('graphiql-production') });
    await ide.close();
  });
});

describe('CORS from a page on another local origin', () => {
  it('is allowed when CORS_ORIGINS lists that origin, and blocked when it does not', async () => {
    const dashboard = await browser.context.newPage();
    await dashboard.goto(listedOrigin.origin);
    await expect.poll(() => dashboard.locator('body').getAttribute('data-result'), POLL).toBe('allowed: Leica');
    await dashboard.goto(unlistedOrigin.origin);
    await expect.poll(() => dashboard.locator('body').getAttribute('data-result'), POLL).toBe('blocked: TypeError');
    await dashboard.close();
  });
});
