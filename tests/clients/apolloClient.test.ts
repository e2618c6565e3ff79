import { ApolloClient, HttpLink, InMemoryCache, gql, type NormalizedCacheObject } from '@apollo/client/core';
import { loadDevMessages, loadErrorMessages } from '@apollo/client/dev';
import { relayStylePagination } from '@apollo/client/utilities';
import { describe, expect, it } from 'vitest';
import { useEditingApp } from '../helpers/editing.js';
import {
  BRANDS_PAGE,
  LEICA_BEFORE_AND_AFTER,
  LEICA_PARTNERS_PAGE,
  LEICA_TODAY,
  TWELVE_S_IN_MAY_2022,
  TWELVE_S_TODAY,
  claimsOf,
  linksOf,
  rawAnswer,
  withoutTypenames,
  TWELVE_S_CAMERA_BRANDS,
  writeWeakerLeicaClaim,
} from './operations.js';

// Apollo Client 3 as its docs set it up for a Relay-style API: HttpLink (POST, so CSRF prevention lets
// it through without extra headers), InMemoryCache with default identities (`__typename:id`) and
// `relayStylePagination()` on each connection field the tests page, with its default keyArgs (none);
// further pages come through `fetchMore`, as those docs page.
// Apollo's warnings in full words rather than as links.
loadDevMessages();
loadErrorMessages();

const MARKER = 'apollocdup';
const running = useEditingApp(MARKER);
const app = {
  get baseUrl() {
    return running().baseUrl;
  },
};

function apolloClient(): ApolloClient<NormalizedCacheObject> {
  return new ApolloClient({
    link: new HttpLink({ uri: `${app.baseUrl}/graphql` }),
    cache: new InMemoryCache({
      typePolicies: {
        Query: { fields: { brands: relayStylePagination() } },
        Brand: { fields: { partnersConnection: relayStylePagination() } },
        Device: { fields: { cameraBrandsConnection: relayStylePagination() } },
      },
    }),
  });
}

/** Sends the operation through the client (default fetch policy) and returns the answer the cache gives. */
async function cached(client: ApolloClient<NormalizedCacheObject>, query: string, variables: Record<string, unknown> = {}) {
  const result = await client.query({ query: gql(query), variables });
  expect(result.errors).toBeUndefined();
  return withoutTypenames(result.data);
}

/** Watches the first page, then asks for the page after it with fetchMore; returns the merged answer. */
async function twoPages(client: ApolloClient<NormalizedCacheObject>, query: string, variables: Record<string, unknown>, endCursorOf: (data: any) => string) {
  const watched = client.watchQuery({ query: gql(query), variables });
  let subscription: { unsubscribe(): void } | undefined;
  try {
    const first = await new Promise<{ data: unknown }>((resolve, reject) => {
      subscription = watched.subscribe({ next: resolve, error: reject });
    });
    await watched.fetchMore({ variables: { after: endCursorOf(first.data) } });
    return withoutTypenames(watched.getCurrentResult().data);
  } finally {
    subscription?.unsubscribe();
  }
}

const readBack = (client: ApolloClient<NormalizedCacheObject>, query: string, variables: Record<string, unknown> = {}) =>
  withoutTypenames(client.readQuery({ query: gql(query), variables }));

describe('Apollo Client 3 with InMemoryCache and relayStylePagination', () => {
  it("gives today's answers as raw HTTP does", async () => {
    const client = apolloClient();
    for (const query of [LEICA_TODAY, TWELVE_S_TODAY]) {
      expect(await cached(client, query)).toEqual(await rawAnswer(app.baseUrl, query));
    }
  });

  it("gives the README's time-travel query as raw HTTP does: no Xiaomi before 23 May 2022", async () => {
    const client = apolloClient();
    const raw = await rawAnswer(app.baseUrl, LEICA_BEFORE_AND_AFTER);
    expect(raw.before.partners.map((partner: { id: string }) => partner.id)).not.toContain('brand:xiaomi');
    expect(await cached(client, LEICA_BEFORE_AND_AFTER)).toEqual(raw);
    expect(readBack(client, LEICA_BEFORE_AND_AFTER)).toEqual(raw);
  });

  it("keeps today's device when the same device is read as of a past day", async () => {
    const client = apolloClient();
    const today = await rawAnswer(app.baseUrl, TWELVE_S_TODAY);
    expect(today.device.codename).not.toBeNull();
    expect(await cached(client, TWELVE_S_TODAY)).toEqual(today);
    expect(await cached(client, TWELVE_S_IN_MAY_2022)).toEqual(await rawAnswer(app.baseUrl, TWELVE_S_IN_MAY_2022));
    expect(readBack(client, TWELVE_S_TODAY)).toEqual(today);
  });

  it('merges two pages of a root connection into the two raw pages', async () => {
    const client = apolloClient();
    const first = await rawAnswer(app.baseUrl, BRANDS_PAGE, { first: 1 });
    const second = await rawAnswer(app.baseUrl, BRANDS_PAGE, { first: 1, after: first.brands.pageInfo.endCursor });
    const merged = await twoPages(client, BRANDS_PAGE, { first: 1 }, (data) => data.brands.pageInfo.endCursor);
    expect(merged.brands.edges).toEqual([...first.brands.edges, ...second.brands.edges]);
    expect(merged.brands.pageInfo.hasNextPage).toBe(second.brands.pageInfo.hasNextPage);
  });

  it("keeps today's two pages of a nested connection when the same pages are read as of a past day", async () => {
    const client = apolloClient();
    const pages = async (asOf: string | null) => {
      const first = await rawAnswer(app.baseUrl, LEICA_PARTNERS_PAGE, { asOf });
      const second = await rawAnswer(app.baseUrl, LEICA_PARTNERS_PAGE, { asOf, after: first.brand.partnersConnection.pageInfo.endCursor });
      const merged = await twoPages(client, LEICA_PARTNERS_PAGE, { asOf }, (data) => data.brand.partnersConnection.pageInfo.endCursor);
      return { raw: [...claimsOf(first.brand.partnersConnection), ...claimsOf(second.brand.partnersConnection)], merged };
    };
    const today = await pages(null);
    expect(claimsOf(today.merged.brand.partnersConnection)).toEqual(today.raw);
    const past = await pages('2022-05-20');
    expect(past.raw).not.toEqual(today.raw);
    expect(claimsOf(past.merged.brand.partnersConnection)).toEqual(past.raw);
    // Today's view, read back after the past one was paged, is still today's.
    expect(claimsOf(readBack(client, LEICA_PARTNERS_PAGE, { asOf: null }).brand.partnersConnection)).toEqual(today.raw);
  });

  it('gives a node with two claims one edge, its weaker claim in edge.claims, as raw HTTP does, today and as of a past day', async () => {
    await writeWeakerLeicaClaim(running(), MARKER);
    const client = apolloClient();
    const raw = await rawAnswer(app.baseUrl, TWELVE_S_CAMERA_BRANDS);
    // One Leica edge: the seed's newer RUMORED claim decides, and the weaker one is in its claims.
    expect(linksOf(raw.device.cameraBrandsConnection)).toEqual(['brand:leica RUMORED [RUMORED SPECULATED]']);
    expect(await cached(client, TWELVE_S_CAMERA_BRANDS)).toEqual(raw);
    expect(readBack(client, TWELVE_S_CAMERA_BRANDS)).toEqual(raw);
    // As of 22 May 2022 only the weaker claim was known: it decides that day's view.
    const past = await rawAnswer(app.baseUrl, TWELVE_S_CAMERA_BRANDS, { asOf: '2022-05-22' });
    expect(linksOf(past.device.cameraBrandsConnection)).toEqual(['brand:leica@2022-05-22 SPECULATED [SPECULATED]']);
    expect(await cached(client, TWELVE_S_CAMERA_BRANDS, { asOf: '2022-05-22' })).toEqual(past);
    expect(readBack(client, TWELVE_S_CAMERA_BRANDS)).toEqual(raw);
  });
});
