import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/testApp.js';

const EDITOR_KEY = 'posture-editor-key-0123456789-c4e8a2b6';

describe('in production', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ NODE_ENV: 'production', SEED_ON_START: 'false', API_KEYS: `editor:${EDITOR_KEY}` });
  });
  afterAll(() => app?.stop());

  it('answers errors without stack traces', async () => {
    const { errors } = await app.graphql('{ brand(name: 1) { name } }');
    expect(errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(errors?.[0]?.extensions).not.toHaveProperty('stacktrace');
  });

  it('refuses a mutation sent with GET', async () => {
    const query = encodeURIComponent('mutation { upsertBrand(input: { name: "Csrf Get Brand" }) { id } }');
    const response = await fetch(`${app.baseUrl}/graphql?query=${query}`, {
      headers: { 'apollo-require-preflight': 'true', authorization: `Bearer ${EDITOR_KEY}` },
    });
    expect(response.status).toBe(405);
    expect((await app.graphql('{ brand(name: "Csrf Get Brand") { id } }')).data).toEqual({ brand: null });
  });

  it('refuses the requests a form on another site can send without a preflight', async () => {
    const query = 'mutation { upsertBrand(input: { name: "Csrf Form Brand" }) { id } }';
    const simple = [
      { 'content-type': 'application/x-www-form-urlencoded', body: `query=${encodeURIComponent(query)}` },
      { 'content-type': 'text/plain', body: JSON.stringify({ query }) },
      { 'content-type': 'multipart/form-data; boundary=x', body: `--x\r\nContent-Disposition: form-data; name="query"\r\n\r\n${query}\r\n--x--` },
    ];
    for (const { 'content-type': contentType, body } of simple) {
      const response = await fetch(`${app.baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': contentType, authorization: `Bearer ${EDITOR_KEY}` },
        body,
      });
      expect({ contentType, status: response.status }).toEqual({ contentType, status: 400 });
      expect(await response.text()).toMatch(/CSRF/);
    }
    // A GET query without a header a form cannot set is refused too; with one it is served.
    const get = (headers: Record<string, string>) => fetch(`${app.baseUrl}/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers });
    expect((await get({})).status).toBe(400);
    expect((await get({ 'apollo-require-preflight': 'true' })).status).toBe(200);
    expect((await app.graphql('{ brand(name: "Csrf Form Brand") { id } }')).data).toEqual({ brand: null });
  });
});

describe('stack traces', () => {
  it('are on in development and can be turned on in production or off in development', async () => {
    const cases: Array<[Record<string, string>, boolean]> = [
      [{}, true],
      [{ NODE_ENV: 'production', STACK_TRACES: 'true' }, true],
      [{ STACK_TRACES: 'false' }, false],
    ];
    for (const [env, traces] of cases) {
      const app = await startTestApp({ SEED_ON_START: 'false', ...env });
      try {
        const { errors } = await app.graphql('{ brand(name: 1) { name } }');
        expect({ env, traces: Array.isArray(errors?.[0]?.extensions?.stacktrace) }).toEqual({ env, traces });
      } finally {
        await app.stop();
      }
    }
  });
});
