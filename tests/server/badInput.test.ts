import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/testApp.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ NODE_ENV: 'production', INTROSPECTION: 'true' });
});
afterAll(() => app?.stop());

async function post(body: string, contentType = 'application/json') {
  const response = await fetch(`${app.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': contentType }, body });
  return { status: response.status, body: await response.json() };
}

describe('bad requests get a 4xx or a coded GraphQL error, never a 500', () => {
  it('rejects a malformed JSON body with 400 BAD_REQUEST', async () => {
    const { status, body } = await post('{"query": "{ brands { totalCount } ');
    expect(status).toBe(400);
    expect(body.errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('rejects a body without a query', async () => {
    const { status, body } = await post('{"variables": {}}');
    expect(status).toBe(400);
    expect(body.errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('rejects a syntax error, an unknown field and a wrong scalar with GraphQL codes', async () => {
    const syntax = await post(JSON.stringify({ query: '{ brands { ' }));
    expect(syntax.status).toBe(400);
    expect(syntax.body.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');

    const unknown = await post(JSON.stringify({ query: '{ brands { nmae } }' }));
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    // Production hides "Did you mean ...?" suggestions.
    expect(unknown.body.errors[0].message).not.toMatch(/Did you mean/);

    const scalar = await post(JSON.stringify({ query: 'query($n: Int) { brands(first: $n) { totalCount } }', variables: { n: 'ten' } }));
    expect(scalar.status).toBe(400);
    expect(scalar.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('rejects page sizes over the cap as LIMIT_EXCEEDED, negative ones and foreign cursors as BAD_USER_INPUT', async () => {
    const before = await app.queryCount();
    const tooMany = await app.graphql('{ devices(first: 1000) { totalCount } }');
    expect(tooMany.errors?.[0]?.extensions).toEqual({ code: 'LIMIT_EXCEEDED', limit: 'Query.devices.first', max: 100, actual: 1000 });
    const negative = await app.graphql('{ brand(name: "Leica") { devicesConnection(first: -1) { totalCount } } }');
    expect(negative.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const cursor = await app.graphql('{ brands(after: "not-a-cursor") { totalCount } }');
    expect(cursor.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
    // Only the brand lookup ran; the rejected arguments never reached Neo4j.
    expect((await app.queryCount()) - before).toBe(1);
  });

  it('counts errors by code in /metrics', async () => {
    await app.graphql('{ brands(after: "x") { totalCount } }');
    const metrics = await (await fetch(`${app.baseUrl}/metrics`)).text();
    expect(metrics).toMatch(/graphql_errors_total\{code="BAD_USER_INPUT"\} [1-9]/);
  });
});

describe('lookups by id that must find something', () => {
  it('answers NOT_FOUND for a filter naming an id that is not in the graph', async () => {
    const { data, errors } = await app.graphql('{ devices(brandId: "brand:nokia") { totalCount } chips(vendorId: "brand:qualcomm") { totalCount } }');
    expect(data).toBeNull();
    expect(errors?.[0]?.extensions).toEqual({ code: 'NOT_FOUND', id: 'brand:nokia' });
    expect(errors?.[0]?.path).toEqual(['devices']);
  });
});
