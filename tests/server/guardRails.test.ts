import 'reflect-metadata';
import { parse, type GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANALYST_LIMITS, OPERATION_LIMITS } from '../../src/config/limits.js';
import { LimitExceededError } from '../../src/errors/errors.js';
import { checkOperation } from '../../src/server/guardRails.js';
import { createSchema } from '../../src/api/schema.js';
import { startTestApp, type GraphQLResponse, type TestApp } from '../helpers/testApp.js';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await createSchema();
});

function measure(query: string, variables?: Record<string, unknown>, operationName?: string) {
  return checkOperation(schema, parse(query), variables, operationName);
}

function rejection(query: string, variables?: Record<string, unknown>) {
  try {
    measure(query, variables);
  } catch (error) {
    expect(error).toBeInstanceOf(LimitExceededError);
    return (error as LimitExceededError).extensions;
  }
  throw new Error('the operation was let through');
}

describe('measuring an operation', () => {
  it('counts depth from the top-level field, through fragments, without counting them', () => {
    expect(measure('{ brand(name: "Leica") { name } }')?.depth).toBe(2);
    expect(
      measure(`{ brands { edges { node { ...withPartners } } } }
        fragment withPartners on Brand { partners { ... on Brand { name } } }`)?.depth,
    ).toBe(5);
  });

  it('counts aliases, once per expansion of the fragment that holds them', () => {
    expect(
      measure(`{ a: brand(name: "Leica") { ...names } b: brand(name: "Xiaomi") { ...names } }
        fragment names on Brand { n: name alsoN: name }`)?.aliases,
    ).toBe(6);
  });

  it('costs objects, not scalars: a connection and first edges, 10 items for a relationship list, 1 for an object', () => {
    expect(measure('{ brands { totalCount } }')?.complexity).toBe(1);
    expect(measure('{ brands(first: 5) { edges { node { name } } } }')?.complexity).toBe(1 + 5 * (1 + 1));
    expect(measure('{ brand(name: "Leica") { partners { name } } }')?.complexity).toBe(1 + 10);
    expect(measure('{ device(name: "Xiaomi 12S") { brand { name } chip { vendor { name } } } }')?.complexity).toBe(1 + 1 + 2);
    expect(measure('{ graph(id: "brand:leica", limit: 50) { nodes { id } edges { id } truncated } }')?.complexity).toBe(50 * 3);
  });

  it('reads size arguments from variables and defaults', () => {
    const query = 'query($n: Int) { devices(first: $n) { edges { node { id } } } }';
    expect(measure(query, { n: 3 })?.complexity).toBe(1 + 3 * 2);
    expect(measure(query, {})?.complexity).toBe(1 + 20 * 2);
    expect(measure('{ search(query: "leica") { node { id } } }')?.complexity).toBe(ANALYST_LIMITS.search.first.default * 2);
  });

  it('judges only the operation asked for', () => {
    const document = 'query Large { brands(first: 1000) { totalCount } } query Small { brands(first: 1) { totalCount } }';
    expect(() => checkOperation(schema, parse(document), {}, 'Small')).not.toThrow();
  });

  it('lets introspection through whatever its depth', () => {
    const deep = `{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } }`;
    expect(measure(deep)).toEqual({ depth: 0, aliases: 0, complexity: 0 });
  });

  it('leaves variables that do not fit the operation to execution, which rejects them as BAD_USER_INPUT', () => {
    expect(measure('query($n: Int) { brands(first: $n) { totalCount } }', { n: 'ten' })).toBeNull();
  });
});

describe('rejecting an operation over a limit, naming it', () => {
  it('caps every first, and the graph, paths and search sizes, from literals and variables', () => {
    expect(rejection('{ brands(first: 101) { totalCount } }')).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'Query.brands.first', max: 100, actual: 101 });
    expect(rejection('{ brand(name: "Leica") { devicesConnection(first: 500) { totalCount } } }')).toMatchObject({ limit: 'Brand.devicesConnection.first' });
    expect(rejection('query($d: Int!) { graph(id: "brand:leica", depth: $d) { truncated } }', { d: 4 })).toMatchObject({
      limit: 'Query.graph.depth',
      max: 3,
      actual: 4,
    });
    expect(rejection('{ graph(id: "brand:leica", limit: 501) { truncated } }')).toMatchObject({ limit: 'Query.graph.limit', max: 500 });
    expect(rejection('{ paths(from: "a", to: "b", maxHops: 7) { length } }')).toMatchObject({ limit: 'Query.paths.maxHops', max: 6 });
    expect(rejection('{ paths(from: "a", to: "b", first: 21) { length } }')).toMatchObject({ limit: 'Query.paths.first', max: 20 });
    expect(rejection('{ search(query: "x", first: 51) { score } }')).toMatchObject({ limit: 'Query.search.first', max: 50 });
  });

  it('refuses depth over the limit', () => {
    const deep = `{ brand(name: "Leica") { partners { partners { partners { partners { partners { partners { partners { partners { partners { name } } } } } } } } } } }`;
    expect(rejection(deep)).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'depth', max: OPERATION_LIMITS.depth, actual: 11 });
  });

  it('refuses too many aliases, even of a cheap field', () => {
    const aliased = Array.from({ length: OPERATION_LIMITS.aliases + 1 }, (_, i) => `b${i}: brand(name: "Leica") { id }`).join(' ');
    expect(rejection(`{ ${aliased} }`)).toMatchObject({ limit: 'aliases', max: OPERATION_LIMITS.aliases, actual: OPERATION_LIMITS.aliases + 1 });
  });

  it('refuses a cost over the limit: the depth-3 walk over 100 brands', () => {
    const walk = `{ brands(first: 100) { edges { node { partners { name } devices { chip { vendor { name } } leaks { sources { title } } } } } } }`;
    expect(rejection(walk)).toMatchObject({ limit: 'complexity', max: OPERATION_LIMITS.complexity, actual: 114_201 });
    expect(measure(walk.replace('first: 100', 'first: 20'))?.complexity).toBe(22_841);
  });
});

describe('over HTTP: rejected before any Cypher runs', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app?.stop());

  async function post(query: string, variables?: Record<string, unknown>) {
    const response = await fetch(`${app.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, body: (await response.json()) as GraphQLResponse };
  }

  it('answers 400 LIMIT_EXCEEDED for each limit, and neo4j_queries_total does not move', async () => {
    const overLimits: Array<[string, string, Record<string, unknown>?]> = [
      // A cheap, valid field first: nothing of the operation runs, not even it.
      ['{ brand(name: "Leica") { name } devices(first: 1000) { totalCount } }', 'Query.devices.first'],
      ['query($depth: Int!) { graph(id: "brand:xiaomi", depth: $depth) { truncated } }', 'Query.graph.depth', { depth: 9 }],
      ['{ paths(from: "brand:xiaomi", to: "brand:huawei", maxHops: 12) { length } }', 'Query.paths.maxHops'],
      ['{ search(query: "leica", first: 500) { score } }', 'Query.search.first'],
      [`{ brand(name: "Leica") { ${'partners { '.repeat(10)}name${' }'.repeat(10)} } }`, 'depth'],
      [`{ ${Array.from({ length: 16 }, (_, i) => `b${i}: partnerHistory(brand: "Leica") { id }`).join(' ')} }`, 'aliases'],
      ['{ brands(first: 100) { edges { node { devices { leaks { sources { title } } } } } } }', 'complexity'],
    ];
    const before = await app.queryCount();
    for (const [query, limit, variables] of overLimits) {
      const { status, body } = await post(query, variables);
      expect({ limit, status, data: body.data }).toEqual({ limit, status: 400, data: undefined });
      expect(body.errors).toHaveLength(1);
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit });
      expect(body.errors?.[0]?.message).toContain('over the limit of');
    }
    expect((await app.queryCount()) - before).toBe(0);

    const metrics = await (await fetch(`${app.baseUrl}/metrics`)).text();
    expect(metrics).toContain(`graphql_errors_total{code="LIMIT_EXCEEDED"} ${overLimits.length}`);
  });

  it('lets the largest query of our own through, and records its shape for sizing the limits', async () => {
    const { status, body } = await post(`{ brands { edges { node { partners { name } devices { chip { vendor { name } } leaks { sources { title } } } } } } }`);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const metrics = await (await fetch(`${app.baseUrl}/metrics`)).text();
    expect(metrics).toMatch(/graphql_operation_shape_count\{measure="complexity"\} [1-9]/);
    expect(metrics).toMatch(/graphql_operation_shape_bucket\{le="100000",measure="complexity"\} [1-9]/);
  });
});

describe('introspection and field suggestions', () => {
  const introspection = '{ __schema { queryType { name } } }';

  it('are on in development, off in production, and each can be turned on or off', async () => {
    const cases: Array<[Record<string, string>, boolean, boolean]> = [
      [{}, true, true],
      [{ NODE_ENV: 'production' }, false, false],
      [{ NODE_ENV: 'production', INTROSPECTION: 'true', FIELD_SUGGESTIONS: 'true' }, true, true],
      [{ INTROSPECTION: 'false', FIELD_SUGGESTIONS: 'false' }, false, false],
    ];
    for (const [env, introspects, suggests] of cases) {
      const app = await startTestApp({ SEED_ON_START: 'false', ...env });
      try {
        const schema = await app.graphql(introspection);
        const typo = await app.graphql('{ brands { totalCont } }');
        expect({
          env,
          introspects: schema.data?.__schema?.queryType?.name === 'Query',
          suggests: /Did you mean/.test(typo.errors?.[0]?.message ?? ''),
        }).toEqual({
          env,
          introspects,
          suggests,
        });
        if (!introspects) expect(schema.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      } finally {
        await app.stop();
      }
    }
  });
});
