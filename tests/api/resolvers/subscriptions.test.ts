import WebSocket from 'ws';
import { describe, expect, it } from 'vitest';
import { SUBSCRIPTION_LIMITS } from '../../../src/config/limits.js';
import { ADMIN_KEY, EDITOR_KEY, useEditingApp } from '../../helpers/editing.js';
import { connectSubscriptions, type SubscriptionClient } from '../../helpers/subscriptions.js';
import { startTestApp } from '../../helpers/testApp.js';

const app = useEditingApp('wsub');

const editor = (query: string, variables?: Record<string, unknown>) => app().graphql(query, variables, EDITOR_KEY);
const upsertBrand = (name: string, country = 'DE') =>
  editor('mutation($name: String!, $country: String) { upsertBrand(input: { name: $name, country: $country }) { id } }', { name, country });

const GRAPH_CHANGED =
  'subscription($types: [EntityType!], $entityId: ID, $after: String) { graphChanged(types: $types, entityId: $entityId, after: $after) { entityId entityType operation at cursor } }';

async function withClient<T>(work: (client: SubscriptionClient) => Promise<T>, params?: Record<string, unknown>): Promise<T> {
  const client = connectSubscriptions(app().baseUrl, params);
  try {
    return await work(client);
  } finally {
    await client.dispose();
  }
}

/** Gives just-sent subscriptions time to be acknowledged and attached to the feed before the writes they wait for. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe('graphChanged over a real WebSocket', () => {
  it('delivers each committed change as a public event, filtered by type and entity, with resumable cursors', async () => {
    await withClient(async (client) => {
      const all = client.subscribe(GRAPH_CHANGED);
      const brands = client.subscribe(GRAPH_CHANGED, { types: ['BRAND'] });
      const one = client.subscribe(GRAPH_CHANGED, { entityId: 'brand:wsub-two' });
      const sources = client.subscribe(GRAPH_CHANGED, { types: ['SOURCE'] });
      await settle();
      await upsertBrand('Wsub One');
      await upsertBrand('Wsub Two');
      await editor('mutation { upsertSource(input: { title: "Wsub Note" }) { id } }');

      const events = await all.received(3);
      expect(events.map((event) => [event.entityId, event.entityType, event.operation])).toEqual([
        ['brand:wsub-one', 'BRAND', 'UPSERT_BRAND'],
        ['brand:wsub-two', 'BRAND', 'UPSERT_BRAND'],
        ['source:wsub-note', 'SOURCE', 'UPSERT_SOURCE'],
      ]);
      // Cursors follow commit order; no actor or values in the public event.
      expect(events.map((event) => Number(event.cursor))).toEqual([...events.map((event) => Number(event.cursor))].sort((a, b) => a - b));
      expect(Object.keys(events[0]).sort()).toEqual(['at', 'cursor', 'entityId', 'entityType', 'operation']);
      expect((await brands.received(2)).map((event) => event.entityId)).toEqual(['brand:wsub-one', 'brand:wsub-two']);
      expect((await one.received(1)).map((event) => event.entityId)).toEqual(['brand:wsub-two']);
      expect((await sources.received(1)).map((event) => event.entityId)).toEqual(['source:wsub-note']);
      await settle();
      expect([brands.events.length, one.events.length, sources.events.length]).toEqual([2, 1, 1]);

      // Resuming after the first event replays exactly the two after it, then goes live.
      const resumed = client.subscribe(GRAPH_CHANGED, { after: events[0].cursor });
      expect(await resumed.received(2)).toEqual(events.slice(1));
      await upsertBrand('Wsub Three');
      const [, , , live] = await resumed.received(3).then(() => all.received(4));
      expect((await resumed.received(3))[2]).toEqual(live);
    });
  });

  it('rejects a malformed cursor with BAD_USER_INPUT', async () => {
    await withClient(async (client) => {
      const bad = client.subscribe(GRAPH_CHANGED, { after: 'yesterday' });
      await bad.ended;
      expect(bad.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'after' } });
    });
  });
});

describe('leakRecorded and claimChanged', () => {
  it('carry the leak and the claim as normal objects, with their relationships resolved', async () => {
    await editor('mutation { upsertDevice(input: { name: "Wsub Phone" }) { id } }');
    await editor('mutation { upsertChip(input: { name: "Wsub Chip" }) { id } }');
    await withClient(async (client) => {
      const leaks = client.subscribe(
        'subscription { leakRecorded(deviceId: "device:wsub-phone") { cursor operation leak { id summary devices { id name } sources { title } } } }',
      );
      const otherDevice = client.subscribe('subscription { leakRecorded(deviceId: "device:xiaomi-12s") { leakId } }');
      const claims = client.subscribe(
        'subscription { claimChanged(entityId: "chip:wsub-chip") { operation claimId fromId toId claim { relation confidence from { id } to { id ... on Chip { name } } sources { title } } } }',
      );
      await settle();
      const recorded = await editor('mutation($input: RecordLeakInput!) { recordLeak(input: $input) { id } }', {
        input: {
          summary: 'Wsub Phone seen with a Wsub Chip',
          devices: ['device:wsub-phone'],
          confidence: 'RUMORED',
          reportedOn: '2024-02-01',
          source: { title: 'Wsub tipster post', publishedOn: '2024-02-01' },
          claims: [{ relation: 'USES_CHIP', from: 'device:wsub-phone', to: 'chip:wsub-chip' }],
        },
      });
      expect(recorded.errors).toBeUndefined();
      const [leak] = await leaks.received(1);
      expect(leak).toMatchObject({
        operation: 'RECORD_LEAK',
        leak: {
          id: recorded.data.recordLeak.id,
          summary: 'Wsub Phone seen with a Wsub Chip',
          devices: [{ id: 'device:wsub-phone', name: 'Wsub Phone' }],
          sources: [{ title: 'Wsub tipster post' }],
        },
      });
      const [claim] = await claims.received(1);
      expect(claim).toMatchObject({
        operation: 'RECORD_LEAK',
        fromId: 'device:wsub-phone',
        toId: 'chip:wsub-chip',
        claim: {
          relation: 'USES_CHIP',
          confidence: 'RUMORED',
          from: { id: 'device:wsub-phone' },
          to: { id: 'chip:wsub-chip', name: 'Wsub Chip' },
          sources: [{ title: 'Wsub tipster post' }],
        },
      });
      const unlinked = await app().graphql(
        'mutation { unlink(input: { relation: USES_CHIP, from: "device:wsub-phone", to: "chip:wsub-chip" }) }',
        {},
        ADMIN_KEY,
      );
      expect(unlinked.data.unlink).toBe(true);
      const [, removed] = await claims.received(2);
      // The claim is gone: an anonymous client sees its removal as a tombstone, without its sources in the id.
      expect(removed).toMatchObject({ operation: 'UNLINK', claimId: expect.stringMatching(/^erased:[0-9a-f]{16}$/), claim: null });
      await settle();
      expect(otherDevice.events).toEqual([]);
    });
  });
});

describe('the editor-only variant', () => {
  const CHANGE_RECORDED = 'subscription { changeRecorded(entityId: "brand:wsub-audited") { actor role operation before after cursor } }';

  it('needs an editor key in the connection_init payload and then carries actors and values', async () => {
    await withClient(async (client) => {
      const anonymous = client.subscribe(CHANGE_RECORDED);
      await anonymous.ended;
      expect(anonymous.errors[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    });
    await withClient(
      async (client) => {
        const audited = client.subscribe(CHANGE_RECORDED);
        await settle();
        await upsertBrand('Wsub Audited', 'FR');
        const [change] = await audited.received(1);
        expect(change).toMatchObject({
          actor: 'editor-1',
          role: 'EDITOR',
          operation: 'UPSERT_BRAND',
          before: null,
          after: { name: 'Wsub Audited', country: 'FR' },
        });
      },
      // GraphiQL sends the header editor's headers, capitalised.
      { Authorization: `Bearer ${EDITOR_KEY}` },
    );
  });

  it('closes a connection whose key is not recognised with 4403', async () => {
    const client = connectSubscriptions(app().baseUrl, { authorization: 'Bearer not-a-key-anyone-issued' });
    client.subscribe(CHANGE_RECORDED);
    expect(await client.closed).toBe(4403);
    await client.dispose();
  });
});

describe('guard rails and limits', () => {
  it('judges subscription documents by the guard rails, and keeps queries and mutations on HTTP', async () => {
    await withClient(async (client) => {
      const nested = 'subscription { leakRecorded { leak { devices { leaks { devices { leaks { devices { leaks { devices { leaks { id } } } } } } } } } } }';
      const deep = client.subscribe(nested);
      await deep.ended;
      expect(deep.errors[0]).toMatchObject({ extensions: { code: 'LIMIT_EXCEEDED', limit: 'depth' } });
      const query = client.subscribe('{ brands(first: 1) { totalCount } }');
      await query.ended;
      expect(query.errors[0]).toMatchObject({ extensions: { code: 'BAD_REQUEST' } });
      const invalid = client.subscribe('subscription { graphChanged { nope } }');
      await invalid.ended;
      expect(invalid.errors[0]).toMatchObject({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    });
  });

  it('caps subscriptions per connection', async () => {
    await withClient(async (client) => {
      const subscribers = Array.from({ length: SUBSCRIPTION_LIMITS.perConnection }, () => client.subscribe(GRAPH_CHANGED));
      await settle();
      const over = client.subscribe(GRAPH_CHANGED);
      await over.ended;
      expect(over.errors[0]).toMatchObject({ extensions: { code: 'LIMIT_EXCEEDED', limit: 'subscriptionsPerConnection' } });
      const gauge = async (name: string) => (await app().metrics.registry.getSingleMetric(name)!.get()).values[0]!.value;
      expect([await gauge('graphql_ws_connections'), await gauge('graphql_subscriptions')]).toEqual([1, SUBSCRIPTION_LIMITS.perConnection]);
      // The others are still live.
      await upsertBrand('Wsub Capped');
      await Promise.all(subscribers.map((subscriber) => subscriber.received(1)));
      for (const subscriber of subscribers.slice(1)) subscriber.unsubscribe();
      await expect.poll(() => gauge('graphql_subscriptions')).toBe(1);
    });
  });

  it('caps connections per address with HTTP 429', async () => {
    const url = `${app().baseUrl.replace(/^http/, 'ws')}/graphql`;
    const open = (): Promise<WebSocket | number> =>
      new Promise((resolve) => {
        const socket = new WebSocket(url, 'graphql-transport-ws');
        socket.once('open', () => resolve(socket));
        socket.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
      });
    const sockets: WebSocket[] = [];
    try {
      for (let index = 0; index < SUBSCRIPTION_LIMITS.connectionsPerAddress; index += 1) {
        const socket = await open();
        expect(socket).toBeInstanceOf(WebSocket);
        sockets.push(socket as WebSocket);
      }
      expect(await open()).toBe(429);
      sockets.pop()!.close();
      await new Promise((resolve) => setTimeout(resolve, 200));
      const again = await open();
      expect(again).toBeInstanceOf(WebSocket);
      sockets.push(again as WebSocket);
    } finally {
      for (const socket of sockets) socket.close();
    }
  });
});

describe('bookmarks', () => {
  it('come back from a mutation in extensions and the Neo4j-Bookmarks header, and a later request may send them', async () => {
    const response = await fetch(`${app().baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${EDITOR_KEY}` },
      body: JSON.stringify({ query: 'mutation { upsertBrand(input: { name: "Wsub Bookmarked" }) { id } }' }),
    });
    const body = (await response.json()) as { extensions: { bookmarks: string[] } };
    expect(body.extensions.bookmarks.length).toBeGreaterThan(0);
    expect(response.headers.get('neo4j-bookmarks')).toBe(body.extensions.bookmarks.join(','));
    const read = await fetch(`${app().baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'neo4j-bookmarks': response.headers.get('neo4j-bookmarks')! },
      body: JSON.stringify({ query: '{ brand(name: "Wsub Bookmarked") { id } }' }),
    });
    expect(((await read.json()) as { data: { brand: unknown } }).data.brand).toEqual({ id: 'brand:wsub-bookmarked' });
    const bogus = await fetch(`${app().baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'neo4j-bookmarks': 'not a bookmark' },
      body: JSON.stringify({ query: '{ brands(first: 1) { totalCount } }' }),
    });
    expect(bogus.status).toBe(400);
    expect(((await bogus.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
    // Queries carry none: only a write moves what a client must wait for.
    const query = await app().graphql('{ brands(first: 1) { totalCount } }');
    expect((query as { extensions?: unknown }).extensions).toBeUndefined();
  });
});

describe('shutdown', () => {
  it('closes subscription sockets with 1001 and stops promptly', async () => {
    const own = await startTestApp({ SEED_ON_START: 'false' });
    const client = connectSubscriptions(own.baseUrl);
    const subscriber = client.subscribe(GRAPH_CHANGED);
    await settle();
    expect(own.subscriptions.connections()).toBe(1);
    const started = performance.now();
    await own.stop();
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(await client.closed).toBe(1001);
    // The client hands the close to the subscription, which resumes elsewhere with its last cursor.
    await subscriber.ended;
    expect(subscriber.errors).toEqual([{ message: 'Going away' }]);
    await client.dispose();
  });
});
