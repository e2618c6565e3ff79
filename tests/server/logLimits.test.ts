import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOG_LIMITS, MAX_OPERATION_NAME_LENGTH } from '../../src/config/limits.js';
import { captureLog, type CapturedLog } from '../helpers/logLines.js';
import { startTestApp, type TestApp } from '../helpers/testApp.js';

describe('a flood of long operation names', () => {
  let app: TestApp;
  let captured: CapturedLog;
  beforeAll(async () => {
    captured = captureLog('info');
    // Two reads a minute: the later requests would be rate-limited, and a 429 must not log the name either.
    app = await startTestApp({ SEED_ON_START: 'false', RATE_LIMIT_READS_PER_MINUTE: '2' }, captured.log);
  });
  afterAll(() => app?.stop());

  it('refuses each with a coded error and adds less than 10 kB to the log', async () => {
    const name = `Q${'x'.repeat(200_000)}`;
    const before = captured.bytes();
    for (let request = 0; request < 5; request += 1) {
      const response = await fetch(`${app.baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `query ${name} { __typename }`, operationName: name }),
      });
      expect(response.status).toBe(400);
      const { errors } = (await response.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
      expect(errors[0]?.extensions.code).toBe('BAD_USER_INPUT');
      expect(errors[0]?.message).toMatch(new RegExp(`operationName .* over the limit of ${MAX_OPERATION_NAME_LENGTH}`));
    }
    expect(captured.bytes() - before).toBeLessThan(10_000);
  });

  it('refuses a long operation name sent with GET too', async () => {
    const name = `Q${'x'.repeat(MAX_OPERATION_NAME_LENGTH)}`;
    const query = encodeURIComponent(`query ${name} { __typename }`);
    const response = await fetch(`${app.baseUrl}/graphql?query=${query}&operationName=${name}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(response.status).toBe(400);
  });

  it('still serves a name at the limit', async () => {
    const name = `Q${'x'.repeat(MAX_OPERATION_NAME_LENGTH - 1)}`;
    const { errors, data } = await app.graphql(`query ${name} { __typename }`);
    expect(errors?.[0]?.extensions?.code ?? null).not.toBe('BAD_USER_INPUT');
    expect(data === undefined || data?.__typename === 'Query').toBe(true);
  });
});

describe('the logger', () => {
  it('truncates every string of a line, nested ones and error messages and the message included', () => {
    const captured = captureLog('info');
    const long = 'y'.repeat(100_000);
    captured.log.info({ operationName: long, nested: { deeper: [long] }, err: new Error(long) }, long);
    const [entry] = captured.entries();
    expect(captured.bytes()).toBeLessThan(LOG_LIMITS.stringChars * 6 + 2_000);
    const strings = JSON.stringify(entry).match(/y+/g) ?? [];
    expect(strings.length).toBeGreaterThanOrEqual(4);
    for (const run of strings) expect(run.length).toBeLessThanOrEqual(LOG_LIMITS.stringChars);
    expect(entry!.msg).toMatch(/more characters\]$/);
    expect((entry!.err as { type: string }).type).toBe('Error');
  });
});
