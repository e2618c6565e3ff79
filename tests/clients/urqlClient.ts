import { Client, fetchExchange, type ClientOptions, type RequestPolicy } from '@urql/core';
import { cacheExchange } from '@urql/exchange-graphcache';
import { relayPagination } from '@urql/exchange-graphcache/extras';
import { expect } from 'vitest';
import { withoutTypenames } from './operations.js';

// urql as its docs set it up: @urql/core's Client with graphcache (default keys: `id`) and
// `relayPagination()` on each connection field the tests page, then fetchExchange. Its default sends
// queries as GET ("within-url-limit"), which the server's CSRF prevention answers with a 400 unless a
// preflight header comes along, so every client here but the default one adds `apollo-require-preflight`.

export const PREFLIGHT: Partial<ClientOptions> = { fetchOptions: { headers: { 'apollo-require-preflight': 'true' } } };

export function urqlClient(baseUrl: string, options: Partial<ClientOptions> = PREFLIGHT): Client {
  return new Client({
    url: `${baseUrl}/graphql`,
    exchanges: [
      cacheExchange({
        // A partial date is a value without an id: embedded in its parent, as graphcache's docs say to declare it.
        keys: { PartialDate: () => null },
        resolvers: {
          Query: { brands: relayPagination() },
          Brand: { partnersConnection: relayPagination() },
          Device: { cameraBrandsConnection: relayPagination() },
        },
      }),
      fetchExchange,
    ],
    ...options,
  });
}

/** The answer urql's cache gives for the operation (fetching it first unless `cache-only`). */
export async function cached(client: Client, query: string, variables: Record<string, unknown> = {}, requestPolicy: RequestPolicy = 'cache-first') {
  const result = await client.query(query, variables, { requestPolicy }).toPromise();
  expect(result.error?.message).toBeUndefined();
  return withoutTypenames(result.data);
}
