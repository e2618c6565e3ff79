import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemaFile } from '../../src/api/schema.js';
import { assertSecurityHeaders } from '../helpers/securityHeaders.js';
import { startTestApp, type TestApp } from '../helpers/testApp.js';

const LISTED = 'http://localhost:5173';
const OTHER = 'http://127.0.0.1:8080';
const QUERY = JSON.stringify({ query: '{ brand(name: "Leica") { name } }' });

function post(app: TestApp, origin: string) {
  return fetch(`${app.baseUrl}/graphql`, { method: 'POST', headers: { origin, 'content-type': 'application/json' }, body: QUERY });
}

function preflight(app: TestApp, origin: string, headers: string) {
  return fetch(`${app.baseUrl}/graphql`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': headers },
  });
}

describe('CORS', () => {
  let sameOriginOnly: TestApp;
  let listed: TestApp;
  let anyoneReads: TestApp;
  beforeAll(async () => {
    sameOriginOnly = await startTestApp();
    listed = await startTestApp({ CORS_ORIGINS: `${LISTED}, http://dashboard.internal:3000` });
    anyoneReads = await startTestApp({ CORS_ORIGINS: `*,${LISTED}`, NODE_ENV: 'production' });
  });
  afterAll(async () => {
    await sameOriginOnly?.stop();
    await listed?.stop();
    await anyoneReads?.stop();
  });

  it('sends no CORS headers by default: other origins are blocked by the browser', async () => {
    const response = await post(sameOriginOnly, LISTED);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const options = await preflight(sameOriginOnly, LISTED, 'content-type');
    expect(options.headers.get('access-control-allow-origin')).toBeNull();
    expect(options.headers.get('access-control-allow-headers')).toBeNull();
  });

  it('allows the origins CORS_ORIGINS lists, with content-type, authorization and apollo-require-preflight', async () => {
    const options = await preflight(listed, LISTED, 'content-type,authorization,apollo-require-preflight');
    expect(options.status).toBe(204);
    expect(options.headers.get('access-control-allow-origin')).toBe(LISTED);
    expect(options.headers.get('access-control-allow-headers')!.split(',').sort()).toEqual(['apollo-require-preflight', 'authorization', 'content-type']);
    expect(options.headers.get('access-control-allow-methods')).toContain('POST');

    const response = await post(listed, LISTED);
    expect(response.headers.get('access-control-allow-origin')).toBe(LISTED);
    expect(response.headers.get('vary')).toMatch(/origin/i);
    expect(((await response.json()) as { data: unknown }).data).toEqual({ brand: { name: 'Leica' } });

    const unlisted = await post(listed, OTHER);
    expect(unlisted.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('with "*" lets any page read, but only listed pages may send an API key', async () => {
    const anyPage = await preflight(anyoneReads, OTHER, 'content-type');
    expect(anyPage.headers.get('access-control-allow-origin')).toBe('*');
    expect(anyPage.headers.get('access-control-allow-headers')!.split(',').sort()).toEqual(['apollo-require-preflight', 'content-type']);
    const read = await post(anyoneReads, OTHER);
    expect(read.headers.get('access-control-allow-origin')).toBe('*');
    expect(((await read.json()) as { data: unknown }).data).toEqual({ brand: { name: 'Leica' } });

    const named = await preflight(anyoneReads, LISTED, 'content-type,authorization');
    expect(named.headers.get('access-control-allow-origin')).toBe(LISTED);
    expect(named.headers.get('access-control-allow-headers')).toContain('authorization');
  });

  it('rejects a CORS_ORIGINS entry that is not an origin', async () => {
    await expect(startTestApp({ CORS_ORIGINS: 'localhost:5173/' })).rejects.toThrow(/CORS_ORIGINS entries are origins/);
  });

  describe('in production, with introspection off', () => {
    it('serves the checked-in SDL at GET /graphql/schema.graphql', async () => {
      const response = await fetch(`${anyoneReads.baseUrl}/graphql/schema.graphql`, { headers: { origin: OTHER } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      expect(await response.text()).toBe(readFileSync(schemaFile, 'utf8'));

      const introspection = await anyoneReads.graphql('{ __schema { queryType { name } } }');
      expect(introspection.errors?.[0]?.message).toMatch(/introspection/i);
    });

    it('serves GraphiQL with the schema from that file and the query explorer plugin, under a strict CSP', async () => {
      const page = await fetch(`${anyoneReads.baseUrl}/graphql`, { headers: { accept: 'text/html' } });
      const html = await page.text();
      expect(html).toContain('plugin-explorer.umd.js');
      expect(html).not.toMatch(/<script>/);
      const startScript = await (await fetch(`${anyoneReads.baseUrl}/ide-assets/start-graphiql.js`)).text();
      expect(startScript).toContain('"/graphql/schema.graphql"');
      expect(startScript).toContain('buildSchema(sdl)');
      expect(startScript).toContain('explorerPlugin()');
      assertSecurityHeaders(page.headers);
    });
  });
});
