import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STRING_LIMITS, PARSE_LIMITS } from '../../src/config/limits.js';
import { startTestApp, type TestApp } from '../helpers/testApp.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.stop());

async function post(body: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(`${app.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

describe('string arguments over their length cap', () => {
  it('refuse a 200,000-character search as BAD_USER_INPUT naming the argument and the limit, before any Cypher runs', async () => {
    const before = await app.queryCount();
    const { status, body } = await post({ query: 'query ($q: String!) { search(query: $q) { score } }', variables: { q: 'a'.repeat(200_000) } });
    expect(status).toBe(400);
    expect(body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'query', maxLength: STRING_LIMITS.byName.query });
    expect(body.errors[0].message).toBe(`query is 200000 characters long, over the limit of ${STRING_LIMITS.byName.query}`);
    expect(await app.queryCount()).toBe(before);
  });

  it('are found inside input objects and lists, inline or in variables, with the cap of their field name', async () => {
    const summary = 'x'.repeat(STRING_LIMITS.default + 1);
    const cases: Array<[unknown, string, number]> = [
      [{ query: `mutation { upsertLeak(input: { summary: "${summary}" }) { id } }` }, 'input.summary', STRING_LIMITS.default],
      [
        {
          query: 'mutation ($a: [String!]) { upsertBrand(input: { name: "B", aliases: $a }) { id } }',
          variables: { a: ['ok', 'é'.repeat(STRING_LIMITS.default + 1)] },
        },
        'input.aliases.1',
        STRING_LIMITS.default,
      ],
      [{ query: `{ brands(after: "${'A'.repeat(STRING_LIMITS.byName.after! + 1)}") { edges { cursor } } }` }, 'after', STRING_LIMITS.byName.after!],
      [{ query: `{ brand(name: "${'n'.repeat(STRING_LIMITS.default + 1)}") { id } }` }, 'name', STRING_LIMITS.default],
    ];
    for (const [body, field, maxLength] of cases) {
      const answer = await post(body);
      expect({ field, status: answer.status, extensions: answer.body.errors?.[0]?.extensions }).toEqual({
        field,
        status: 400,
        extensions: { code: 'BAD_USER_INPUT', field, maxLength },
      });
    }
  });

  it('let a string of exactly the cap through', async () => {
    const { status, body } = await post({ query: 'query ($n: String!) { brand(name: $n) { id } }', variables: { n: 'n'.repeat(STRING_LIMITS.default) } });
    expect(status).toBe(200);
    expect(body).toEqual({ data: { brand: null } });
  });
});

describe('parse-time limits', () => {
  it('refuse a document with more tokens than maxTokens while parsing it', async () => {
    const { status, body } = await post({ query: `{ ${'__typename '.repeat(PARSE_LIMITS.maxTokens)}}` });
    expect(status).toBe(400);
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(body.errors[0].message).toMatch(/more that 5000 tokens/);
  });

  it('refuse fragments that fan out to more selections than maxRecursiveSelections', async () => {
    // Each fragment spreads the one below it ten times: 10^4 selections from a few hundred tokens.
    const fragments = ['fragment F0 on Query { __typename }'];
    for (let level = 1; level <= 4; level += 1) fragments.push(`fragment F${level} on Query { ${`...F${level - 1} `.repeat(10)}}`);
    const { status, body } = await post({ query: `{ ...F4 } ${fragments.join(' ')}` });
    expect(status).toBe(400);
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(body.errors[0].message).toMatch(/selections/i);
  });
});
