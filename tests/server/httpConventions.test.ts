import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/testApp.js';

// What the README's Endpoints part tells client developers about batching and APQ (issue 21, item 4);
// GET and its preflight header are covered by productionPosture.test.ts and tests/clients/urql.test.ts.
describe('HTTP conventions the README promises clients', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ SEED_ON_START: 'false' });
  });
  afterAll(() => app?.stop());

  const post = (body: unknown) =>
    fetch(`${app.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('refuses a batch of operations with a 400', async () => {
    const response = await post([{ query: '{ __typename }' }, { query: '{ __typename }' }]);
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/batch/i);
  });

  it('serves automatic persisted queries: a hash alone once the query was sent with it, over GET too', async () => {
    const query = '{ brands(first: 1) { totalCount } }';
    const persistedQuery = { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') };
    const unknown = (await (await post({ extensions: { persistedQuery } })).json()) as { errors?: Array<{ extensions?: { code?: string } }> };
    expect(unknown.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const registered = await post({ query, extensions: { persistedQuery } });
    expect(registered.status).toBe(200);
    const expected = await registered.json();
    expect(await (await post({ extensions: { persistedQuery } })).json()).toEqual(expected);
    const viaGet = await fetch(`${app.baseUrl}/graphql?extensions=${encodeURIComponent(JSON.stringify({ persistedQuery }))}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(await viaGet.json()).toEqual(expected);
  });
});
