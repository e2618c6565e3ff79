import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { startTestApp, type TestApp } from '../helpers/testApp.js';

const ADMIN_KEY = 'rate-admin-key-0123456789-f3b7d1e5a9';

describe('rate limits', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({
      SEED_ON_START: 'false',
      RATE_LIMIT_READS_PER_MINUTE: '3',
      RATE_LIMIT_WRITES_PER_MINUTE: '2',
      API_KEYS: `admin:${ADMIN_KEY}`,
    });
  });
  afterAll(() => app?.stop());

  const post = (query: string, key?: string) =>
    fetch(`${app.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body: JSON.stringify({ query }),
    });

  it('are off by default', () => {
    const { reliability } = loadConfig({});
    expect([reliability.readsPerMinute, reliability.writesPerMinute]).toEqual([0, 0]);
  });

  it('answer 429 with Retry-After and RATE_LIMITED past the reads per minute, counting reads and writes apart', async () => {
    const statuses = [];
    for (let request = 0; request < 3; request += 1) statuses.push((await post('{ __typename }')).status);
    expect(statuses).toEqual([200, 200, 200]);
    const refused = await post('{ __typename }');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const body = await refused.json();
    expect(body.errors[0].extensions.code).toBe('RATE_LIMITED');
    expect(body.errors[0].extensions.retryAfterSeconds).toBeGreaterThanOrEqual(1);

    // Writes have a budget of their own (2 a minute), shared by the key and by the IP.
    const deleteNothing = 'mutation { deleteBrand(id: "brand:rate-limit-test-nothing") }';
    expect((await post(deleteNothing, ADMIN_KEY)).status).toBe(200);
    expect((await post(deleteNothing, ADMIN_KEY)).status).toBe(200);
    const write = await post(deleteNothing, ADMIN_KEY);
    expect(write.status).toBe(429);
    expect((await write.json()).errors[0].extensions.code).toBe('RATE_LIMITED');
  });
});
