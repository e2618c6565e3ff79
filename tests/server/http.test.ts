import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/testApp.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.stop());

describe('HTTP endpoints', () => {
  it('reports liveness and readiness', async () => {
    const health = await fetch(`${app.baseUrl}/health`);
    expect(health.status).toBe(200);
    const ready = await fetch(`${app.baseUrl}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('serves the GraphQL IDE with every asset from this server, not a CDN', async () => {
    const page = await fetch(`${app.baseUrl}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    const links = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]!);
    // The one link that is not a file: an empty favicon, so the browser asks for none.
    const assets = links.filter((link) => link !== 'data:,');
    expect(links).toHaveLength(8);
    expect(assets).toHaveLength(7);
    for (const asset of assets) {
      expect(asset.startsWith('/')).toBe(true);
      const response = await fetch(`${app.baseUrl}${asset}`);
      expect(response.status).toBe(200);
      expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    }
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('exposes Prometheus metrics with one neo4j_queries_total per statement sent', async () => {
    const before = await app.queryCount();
    await app.graphql('{ brand(name: "Leica") { name } }');
    const text = await (await fetch(`${app.baseUrl}/metrics`)).text();
    expect(text).toMatch(/^graphql_requests_total \d+/m);
    expect(text).toMatch(/^neo4j_query_duration_seconds_bucket\{le="0.005",query="entityByLookupKey"\} \d+/m);
    const total = [...text.matchAll(/^neo4j_queries_total\{query="[^"]+"\} (\d+)/gm)].reduce((sum, m) => sum + Number(m[1]), 0);
    expect(total).toBe(before + 1);
  });
});
