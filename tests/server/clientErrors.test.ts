import { createHash } from 'node:crypto';
import { parse } from 'graphql';
import { getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createErrorFormatter, errorCodeOf } from '../../src/errors/errors.js';
import { createSchema } from '../../src/api/schema.js';
import { captureLog, type CapturedLog } from '../helpers/logLines.js';
import { startTestApp, type TestApp } from '../helpers/testApp.js';

/** A cursor this API never issued: a sort key that is no day, with an id that does not exist. */
const forged = (key: unknown) => Buffer.from(JSON.stringify([key, 'leak:a'])).toString('base64url');

/** Error-level (50) lines and lines carrying a stack trace. */
function alarms(captured: CapturedLog) {
  return captured.entries().filter((entry) => entry.level >= 50 || JSON.stringify(entry).includes('"stack"'));
}

describe('client mistakes are client errors', () => {
  let app: TestApp;
  let captured: CapturedLog;
  beforeAll(async () => {
    captured = captureLog('info');
    app = await startTestApp({}, captured.log);
  });
  afterAll(() => app?.stop());

  it('answers BAD_USER_INPUT to a forged cursor on a list, and logs no error', async () => {
    const documents = [
      ['leaks after', `{ leaks(after: "${forged('x')}") { edges { node { id } } } }`],
      ['leaks before', `{ leaks(before: "${forged('x')}") { edges { node { id } } } }`],
      ['leaks by number', `{ leaks(after: "${forged(7)}") { edges { node { id } } } }`],
      ['devices by leak count', `{ devices(orderBy: LEAK_COUNT_DESC, after: "${forged('x')}") { edges { node { id } } } }`],
      ['brands by name', `{ brands(after: "${forged(7)}") { edges { node { id } } } }`],
    ];
    for (const [name, query] of documents) {
      const { data, errors } = await app.graphql(query!);
      expect({ name, data, code: errors?.[0]?.extensions?.code, message: errors?.[0]?.message }).toEqual({
        name,
        data: null,
        code: 'BAD_USER_INPUT',
        message: expect.stringMatching(/(after|before) is not a cursor this API issued/),
      });
    }
    expect(alarms(captured)).toEqual([]);
  });

  it('answers BAD_USER_INPUT to a forged cursor on a relationship connection, and logs no error', async () => {
    const { errors } = await app.graphql(`{ brand(name: "Leica") { partnersConnection(after: "${forged('x')}") { edges { node { id } } } } }`);
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0]?.message).toMatch(/after is not a cursor this API issued/);
    expect(alarms(captured)).toEqual([]);
  });

  it('still pages with the cursors it issues', async () => {
    const first = await app.graphql('{ leaks(first: 1) { pageInfo { endCursor } } }');
    const after = first.data.leaks.pageInfo.endCursor as string;
    expect(after).toEqual(expect.any(String));
    expect((await app.graphql(`{ leaks(first: 1, after: "${after}") { totalCount } }`)).errors).toBeUndefined();
  });

  it('answers an APQ hash that does not match its query with a 400 BAD_REQUEST, and logs no error', async () => {
    const query = '{ __typename }';
    const wrongHash = createHash('sha256').update(`${query} `).digest('hex');
    const response = await fetch(`${app.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, extensions: { persistedQuery: { version: 1, sha256Hash: wrongHash } } }),
    });
    expect(response.status).toBe(400);
    const { errors } = (await response.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(errors[0]?.extensions.code).toBe('BAD_REQUEST');
    expect(alarms(captured)).toEqual([]);
  });
});

describe('the error formatter', () => {
  it('gives graphql-query-complexity\'s "too many nodes" (a WebSocket fragment bomb) LIMIT_EXCEEDED', async () => {
    const schema = await createSchema();
    // Each fragment spreads the one before twice: 2^15 selections, past the library's 10,000-node stop.
    const fragments = Array.from({ length: 15 }, (_, index) =>
      index === 0 ? 'fragment F0 on Query { __typename }' : `fragment F${index} on Query { ...F${index - 1} ...F${index - 1} }`,
    );
    const document = parse(`query Bomb { ...F14 } ${fragments.join(' ')}`);
    let thrown: unknown;
    try {
      getComplexity({ schema, query: document, operationName: 'Bomb', variables: {}, estimators: [simpleEstimator()] });
    } catch (error) {
      thrown = error;
    }
    expect((thrown as Error)?.message).toMatch(/maximum allowed number of nodes/);
    for (const exposeInternals of [true, false]) {
      const formatted = createErrorFormatter({ exposeInternals })({ message: (thrown as Error).message }, thrown);
      expect(errorCodeOf(formatted)).toBe('LIMIT_EXCEEDED');
      expect(formatted.extensions).not.toHaveProperty('stacktrace');
    }
  });
});
