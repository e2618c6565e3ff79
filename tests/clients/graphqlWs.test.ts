import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { describe, expect, it } from 'vitest';
import { EDITOR_KEY, useEditingApp } from '../helpers/editing.js';
import { rawAnswer } from './operations.js';

// graphql-ws's own client with its documented defaults (lazy connection, retries on), given only the
// URL and, since Node 20 has no global WebSocket, the `ws` implementation.
const MARKER = 'wsclient';
const app = useEditingApp(MARKER);

const GRAPH_CHANGED = 'subscription BrandChanges { graphChanged(types: [BRAND]) { entityId entityType operation cursor } }';

describe('graphql-ws client', () => {
  it('receives the event of a mutation made over HTTP, for an entity raw HTTP then shows', async () => {
    const client = createClient({ url: `${app().baseUrl.replace(/^http/, 'ws')}/graphql`, webSocketImpl: WebSocket });
    try {
      const events = client.iterate<{ graphChanged: { entityId: string; entityType: string; operation: string; cursor: string } }>({ query: GRAPH_CHANGED });
      const firstEvent = events.next();
      // The subscription is only sent once the connection is acknowledged; wait for that before writing.
      await new Promise<void>((resolve) => client.on('connected', () => setTimeout(resolve, 300)));
      const written = await app().graphql('mutation { upsertBrand(input: { name: "Wsclient Optics", country: "DE" }) { id } }', {}, EDITOR_KEY);
      expect(written.errors).toBeUndefined();

      const event = await Promise.race([firstEvent, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no event within 10 s')), 10_000))]);
      expect(event.done).toBe(false);
      expect(event.value?.errors).toBeUndefined();
      expect(event.value?.data?.graphChanged).toMatchObject({ entityId: written.data.upsertBrand.id, entityType: 'BRAND', operation: 'UPSERT_BRAND' });
      const read = await rawAnswer(app().baseUrl, 'query($id: ID!) { node(id: $id) { id ... on Brand { name } } }', {
        id: event.value!.data!.graphChanged.entityId,
      });
      expect(read.node).toEqual({ id: written.data.upsertBrand.id, name: 'Wsclient Optics' });
      await events.return?.();
    } finally {
      await client.dispose();
    }
  });
});
