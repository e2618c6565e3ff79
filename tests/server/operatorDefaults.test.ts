import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, projectRoot } from '../../src/config/config.js';
import { captureLog } from '../helpers/logLines.js';
import { EDITOR_KEY } from '../helpers/editing.js';
import { startTestApp, type TestApp } from '../helpers/testApp.js';

/** Sends raw HTTP, so a header can be repeated as no fetch would; resolves with the status and the body. */
function rawRequest(port: number, request: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.end(request));
    let text = '';
    socket.on('data', (chunk) => (text += chunk.toString()));
    socket.on('end', () => resolve({ status: Number(text.split(' ')[1]), text }));
    socket.on('error', reject);
  });
}

describe('at start', () => {
  it('warns that stack traces are on when keys are configured and NODE_ENV is unset, and not in production', async () => {
    for (const [env, warns] of [
      [{}, true],
      [{ NODE_ENV: 'production' }, false],
    ] as const) {
      const captured = captureLog('info');
      const app = await startTestApp({ SEED_ON_START: 'false', API_KEYS: `editor:${EDITOR_KEY}`, ...env }, captured.log);
      await app.stop();
      const warnings = captured.entries().filter((entry) => entry.level === 40 && /stack traces/i.test(entry.msg ?? ''));
      expect({ env, warns: warnings.length === 1 }).toEqual({ env, warns });
      if (warns) expect(warnings[0]!.msg).toMatch(/NODE_ENV=production/);
    }
  }, 120_000);
});

describe('metrics', () => {
  it('stay on the API port by default', async () => {
    expect(loadConfig({}).metrics).toEqual({ port: undefined, token: undefined });
  });

  it('can sit behind a token', async () => {
    const app = await startTestApp({ SEED_ON_START: 'false', METRICS_TOKEN: 'metrics-token-7f3a9c2e5b8d1f4a6c0e' });
    try {
      expect((await fetch(`${app.baseUrl}/metrics`)).status).toBe(401);
      expect((await fetch(`${app.baseUrl}/metrics`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
      const scraped = await fetch(`${app.baseUrl}/metrics`, { headers: { authorization: 'Bearer metrics-token-7f3a9c2e5b8d1f4a6c0e' } });
      expect(scraped.status).toBe(200);
      expect(await scraped.text()).toMatch(/^graphql_requests_total \d+/m);
    } finally {
      await app.stop();
    }
  });

  it('can move to a port of their own, off the API port', async () => {
    const app = await startTestApp({ SEED_ON_START: 'false', METRICS_PORT: '0' });
    try {
      expect(app.metricsUrl).not.toBe(`${app.baseUrl}/metrics`);
      expect((await fetch(`${app.baseUrl}/metrics`)).status).toBe(404);
      const scraped = await fetch(app.metricsUrl);
      expect(scraped.status).toBe(200);
      expect(await scraped.text()).toMatch(/^graphql_requests_total \d+/m);
    } finally {
      await app.stop();
    }
    await expect(fetch(app.metricsUrl)).rejects.toThrow();
  });
});

describe('behind a load balancer', () => {
  const read = (app: TestApp, forwardedFor: string) =>
    fetch(`${app.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
      body: JSON.stringify({ query: '{ __typename }' }),
    });

  it('with TRUST_PROXY, rate limits count each client address the balancer forwards', async () => {
    const app = await startTestApp({ SEED_ON_START: 'false', RATE_LIMIT_READS_PER_MINUTE: '2', TRUST_PROXY: 'loopback' });
    try {
      const statuses = [];
      for (const client of ['198.51.100.1', '198.51.100.1', '198.51.100.1', '198.51.100.2']) statuses.push((await read(app, client)).status);
      expect(statuses).toEqual([200, 200, 429, 200]);
    } finally {
      await app.stop();
    }
  });

  it('without it, X-Forwarded-For is not believed', async () => {
    const app = await startTestApp({ SEED_ON_START: 'false', RATE_LIMIT_READS_PER_MINUTE: '2' });
    try {
      const statuses = [];
      for (const client of ['198.51.100.1', '198.51.100.2', '198.51.100.3']) statuses.push((await read(app, client)).status);
      expect(statuses).toEqual([200, 200, 429]);
    } finally {
      await app.stop();
    }
  });

  it("takes express's trust proxy values", () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).toEqual(['loopback', '10.0.0.0/8']);
  });
});

describe('HTTP answers', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ SEED_ON_START: 'false', API_KEYS: `editor:${EDITOR_KEY}` });
  });
  afterAll(() => app?.stop());

  it('a missing Explorer asset is a 404 that shows no path of the server', async () => {
    const response = await fetch(`${app.baseUrl}/explore/assets/not-there-0000.js`);
    expect(response.status).toBe(404);
    const text = await response.text();
    expect(text).not.toContain(projectRoot);
    expect(text).not.toMatch(/dist|ENOENT/);
    expect(JSON.parse(text).errors[0].extensions.code).toBe('NOT_FOUND');
  });

  it('refuses two Authorization headers with a 400 BAD_REQUEST', async () => {
    const body = JSON.stringify({ query: '{ __typename }' });
    const port = new URL(app.baseUrl).port;
    const { status, text } = await rawRequest(
      Number(port),
      `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\n` +
        `Authorization: Bearer ${EDITOR_KEY}\r\nAuthorization: Bearer someone-else\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
    expect(status).toBe(400);
    expect(text).toMatch(/"code":"BAD_REQUEST"/);
    expect(text).toMatch(/Authorization/);
  });

  it('marks answers to keyed requests private and not to be stored, varying by Authorization', async () => {
    const keyed = await fetch(`${app.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${EDITOR_KEY}` },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(keyed.status).toBe(200);
    expect(keyed.headers.get('cache-control')).toBe('private, no-store');
    expect(keyed.headers.get('vary')?.toLowerCase()).toContain('authorization');
    const anonymous = await fetch(`${app.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(anonymous.headers.get('vary')?.toLowerCase()).toContain('authorization');
  });
});
