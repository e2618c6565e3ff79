import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATION_LIMITS, PARSE_LIMITS, STRING_LIMITS } from '../../src/config/limits.js';
import { EDITOR_KEY, removeTestWrites } from '../helpers/editing.js';
import { connectSubscriptions, type SubscriptionClient } from '../helpers/subscriptions.js';
import { startTestApp, type TestApp } from '../helpers/testApp.js';

/** The WebSocket path is judged by every limit of the HTTP path, and its per-write cost is bounded. */
const PARTNER = 'https://partner.example';
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ API_KEYS: `editor:${EDITOR_KEY}`, CORS_ORIGINS: PARTNER });
});
afterAll(async () => {
  if (!app) return;
  await removeTestWrites(app.db, 'wlim');
  await app.stop();
});

async function withClient<T>(work: (client: SubscriptionClient) => Promise<T>): Promise<T> {
  const client = connectSubscriptions(app.baseUrl);
  try {
    return await work(client);
  } finally {
    await client.dispose();
  }
}

/** The first error a subscription is answered with, and how long the answer took. */
async function refusal(query: string, variables?: Record<string, unknown>) {
  return withClient(async (client) => {
    const started = performance.now();
    const subscriber = client.subscribe(query, variables);
    await subscriber.ended;
    return { error: subscriber.errors[0], ms: performance.now() - started };
  });
}

/** 26 fragments, each spreading the previous one twice: about 2 kB that expands to 2^26 selections. */
function fragmentBomb(operation: string, type: string, leaf: string): string {
  const fragments = [`fragment F0 on ${type} { ${leaf} }`];
  for (let index = 1; index <= 25; index += 1) fragments.push(`fragment F${index} on ${type} { ...F${index - 1} ...F${index - 1} }`);
  return `${operation.replace('SPREAD', '...F25')}\n${fragments.join('\n')}`;
}

/** /health's slowest answer while `attack` runs: the event loop must stay free. */
async function healthWhile(attack: Promise<unknown>): Promise<number> {
  let slowest = 0;
  let done = false;
  void attack.finally(() => (done = true));
  while (!done) {
    const started = performance.now();
    const response = await fetch(`${app.baseUrl}/health`);
    expect(response.status).toBe(200);
    slowest = Math.max(slowest, performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await attack;
  return slowest;
}

describe('the limits of the HTTP path, over the WebSocket', () => {
  it('refuses the fragment bomb at once with a coded error, while /health answers', async () => {
    const attack = refusal(fragmentBomb('subscription { leakRecorded { SPREAD } }', 'LeakRecorded', 'leakId'));
    const slowestHealth = await healthWhile(attack);
    const { error, ms } = await attack;
    expect(error?.extensions?.code).toBe('LIMIT_EXCEEDED');
    expect(error?.extensions).toMatchObject({ limit: 'recursiveSelections', max: PARSE_LIMITS.maxRecursiveSelections });
    expect(ms).toBeLessThan(1_000);
    expect(slowestHealth).toBeLessThan(1_000);
  });

  it('refuses the same bomb over HTTP at once, while /health answers', async () => {
    const attack = fetch(`${app.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: fragmentBomb('{ SPREAD }', 'Query', '__typename') }),
    }).then(async (response) => ({ status: response.status, body: (await response.json()) as { errors: Array<{ extensions: { code: string } }> } }));
    const slowestHealth = await healthWhile(attack);
    const { status, body } = await attack;
    expect(status).toBe(400);
    expect(body.errors[0]!.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(slowestHealth).toBeLessThan(1_000);
  });

  it('stops parsing a document over the token cap', async () => {
    const query = `subscription { leakRecorded { ${'leakId '.repeat(PARSE_LIMITS.maxTokens)} } }`;
    const { error } = await refusal(query);
    expect(error?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(error?.message).toContain(`Document contains more`);
    expect(error?.message).toContain(`${PARSE_LIMITS.maxTokens} tokens`);
  });

  it('applies the depth, alias, complexity and string caps, each with its code', async () => {
    const aliases = Array.from({ length: OPERATION_LIMITS.aliases + 1 }, (_, index) => `a${index}: leakId`).join(' ');
    expect((await refusal(`subscription { leakRecorded { ${aliases} } }`)).error?.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'aliases' });

    let nested = 'id';
    for (let level = 0; level < OPERATION_LIMITS.depth; level += 1) nested = `partners { ${nested} }`;
    expect((await refusal(`subscription { claimChanged { claim { from { ... on Brand { ${nested} } } } } }`)).error?.extensions).toMatchObject({
      code: 'LIMIT_EXCEEDED',
      limit: 'depth',
    });

    const costly =
      'subscription { claimChanged { claim { from { ... on Brand { partners { ... on Brand { partners { ... on Brand { partners { ... on Brand { partners { ... on Brand { partners { id } } } } } } } } } } } } } }';
    expect((await refusal(costly)).error?.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'complexity' });

    const long = 'x'.repeat(STRING_LIMITS.default + 1);
    expect((await refusal('subscription($id: ID) { leakRecorded(deviceId: $id) { leakId } }', { id: long })).error?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
    });
  });
});

/** Opens a raw WebSocket upgrade with `headers` and reports the HTTP status it got (101 when upgraded). */
function upgradeStatus(headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${app.baseUrl.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws', { headers });
    socket.once('open', () => {
      socket.close();
      resolve(101);
    });
    socket.once('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      socket.terminate();
    });
    socket.once('error', (error) => reject(error));
  });
}

describe('the WebSocket upgrade and CORS_ORIGINS', () => {
  it('refuses a page of an origin that CORS_ORIGINS does not name', async () => {
    expect(await upgradeStatus({ origin: 'https://evil.example' })).toBe(403);
  });

  it('lets in a client without Origin (not a browser), our own pages, and a named origin', async () => {
    expect(await upgradeStatus({})).toBe(101);
    expect(await upgradeStatus({ origin: app.baseUrl })).toBe(101);
    expect(await upgradeStatus({ origin: PARTNER })).toBe(101);
  });
});

describe('the per-write cost of subscriptions', () => {
  const GRAPH_CHANGED = 'subscription($types: [EntityType!]) { graphChanged(types: $types) { entityId cursor } }';
  const metric = async (name: string, labels: Record<string, string> = {}) => {
    const values = (await app.metrics.registry.getSingleMetric(name)?.get())?.values ?? [];
    return values.filter((value) => Object.entries(labels).every(([key, label]) => value.labels[key] === label)).reduce((sum, value) => sum + value.value, 0);
  };

  it('executes identical subscriptions once per event and fans the result out, counting anonymous ones', async () => {
    await withClient(async (client) => {
      const copies = Array.from({ length: 5 }, () => client.subscribe(GRAPH_CHANGED, { types: ['BRAND'] }));
      const other = client.subscribe(GRAPH_CHANGED, { types: ['BRAND', 'DEVICE'] });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await metric('graphql_subscriptions_anonymous')).toBe(6);
      const executionsBefore = await metric('graphql_subscription_executions_total');
      const deliveriesBefore = await metric('graphql_subscription_deliveries_total', { caller: 'anonymous' });

      await app.graphql('mutation { upsertBrand(input: { name: "Wlim Shared" }) { id } }', {}, EDITOR_KEY);
      for (const copy of [...copies, other]) expect((await copy.received(1))[0].entityId).toBe('brand:wlim-shared');

      // One execution for the five copies, one for the other document.
      expect((await metric('graphql_subscription_executions_total')) - executionsBefore).toBe(2);
      expect((await metric('graphql_subscription_deliveries_total', { caller: 'anonymous' })) - deliveriesBefore).toBe(6);
      expect(new Set(copies.map((copy) => copy.events[0].cursor)).size).toBe(1);
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await metric('graphql_subscriptions_anonymous')).toBe(0);
  });
});
