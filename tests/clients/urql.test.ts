import { Client, fetchExchange, type ClientOptions, type RequestPolicy } from '@urql/core';
import { cacheExchange } from '@urql/exchange-graphcache';
import { relayPagination } from '@urql/exchange-graphcache/extras';
import { describe, expect, it } from 'vitest';
import { useEditingApp } from '../helpers/editing.js';
import {
  BRANDS_PAGE,
  CAMERA_BRANDS,
  LEICA_BEFORE_AND_AFTER,
  LEICA_PARTNERS_PAGE,
  LEICA_TODAY,
  TWELVE_S_IN_MAY_2022,
  TWELVE_S_TODAY,
  claimsOf,
  rawAnswer,
  withoutTypenames,
  writeDeviceWithTwoLeicaClaims,
} from './operations.js';

// urql as its docs set it up: @urql/core's Client with graphcache (default keys: `id`) and
// `relayPagination()` on each connection field the tests page, then fetchExchange. Its default sends
// queries as GET ("within-url-limit"), which the server's CSRF prevention answers with a 400 unless a
// preflight header comes along, so every client here but the first adds `apollo-require-preflight`.
const MARKER = 'urqlcdup';
const running = useEditingApp(MARKER);
const baseUrl = () => running().baseUrl;

const PREFLIGHT: Partial<ClientOptions> = { fetchOptions: { headers: { 'apollo-require-preflight': 'true' } } };

function urqlClient(options: Partial<ClientOptions> = PREFLIGHT): Client {
  return new Client({
    url: `${baseUrl()}/graphql`,
    exchanges: [
      cacheExchange({
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
async function cached(client: Client, query: string, variables: Record<string, unknown> = {}, requestPolicy: RequestPolicy = 'cache-first') {
  const result = await client.query(query, variables, { requestPolicy }).toPromise();
  expect(result.error?.message).toBeUndefined();
  return withoutTypenames(result.data);
}

describe('urql with graphcache and relayPagination', () => {
  it("answers today's queries with the default client, which sends GET", async () => {
    const client = urqlClient({});
    expect(await cached(client, LEICA_TODAY)).toEqual(await rawAnswer(baseUrl(), LEICA_TODAY));
  });

  it("gives today's answers as raw HTTP does", async () => {
    const client = urqlClient();
    for (const query of [LEICA_TODAY, TWELVE_S_TODAY]) {
      expect(await cached(client, query)).toEqual(await rawAnswer(baseUrl(), query));
    }
  });

  it("gives the README's time-travel query as raw HTTP does: no Xiaomi before 23 May 2022", async () => {
    const client = urqlClient();
    const raw = await rawAnswer(baseUrl(), LEICA_BEFORE_AND_AFTER);
    expect(raw.before.partners.map((partner: { id: string }) => partner.id)).not.toContain('brand:xiaomi');
    expect(await cached(client, LEICA_BEFORE_AND_AFTER)).toEqual(raw);
    expect(await cached(client, LEICA_BEFORE_AND_AFTER, {}, 'cache-only')).toEqual(raw);
  });

  it("keeps today's device when the same device is read as of a past day", async () => {
    const client = urqlClient();
    const today = await rawAnswer(baseUrl(), TWELVE_S_TODAY);
    expect(today.device.codename).not.toBeNull();
    expect(await cached(client, TWELVE_S_TODAY)).toEqual(today);
    expect(await cached(client, TWELVE_S_IN_MAY_2022)).toEqual(await rawAnswer(baseUrl(), TWELVE_S_IN_MAY_2022));
    expect(await cached(client, TWELVE_S_TODAY, {}, 'cache-only')).toEqual(today);
  });

  it('merges two pages of a root connection into the two raw pages', async () => {
    const client = urqlClient();
    const first = await rawAnswer(baseUrl(), BRANDS_PAGE, { first: 1 });
    const after = first.brands.pageInfo.endCursor;
    const second = await rawAnswer(baseUrl(), BRANDS_PAGE, { first: 1, after });
    await cached(client, BRANDS_PAGE, { first: 1 });
    const merged = await cached(client, BRANDS_PAGE, { first: 1, after });
    expect(merged.brands.edges).toEqual([...first.brands.edges, ...second.brands.edges]);
    expect(merged.brands.pageInfo.hasNextPage).toBe(second.brands.pageInfo.hasNextPage);
  });

  it("keeps today's two pages of a nested connection when the same pages are read as of a past day", async () => {
    const client = urqlClient();
    const pages = async (asOf: string | null) => {
      const first = await rawAnswer(baseUrl(), LEICA_PARTNERS_PAGE, { asOf });
      const after = first.brand.partnersConnection.pageInfo.endCursor;
      const second = await rawAnswer(baseUrl(), LEICA_PARTNERS_PAGE, { asOf, after });
      await cached(client, LEICA_PARTNERS_PAGE, { asOf });
      const merged = await cached(client, LEICA_PARTNERS_PAGE, { asOf, after });
      return { raw: [...claimsOf(first.brand.partnersConnection), ...claimsOf(second.brand.partnersConnection)], merged };
    };
    const today = await pages(null);
    expect(claimsOf(today.merged.brand.partnersConnection)).toEqual(today.raw);
    const past = await pages('2022-05-20');
    expect(past.raw).not.toEqual(today.raw);
    expect(claimsOf(past.merged.brand.partnersConnection)).toEqual(past.raw);
    // Today's view, read back after the past one was paged, is still today's.
    const todayAgain = await cached(client, LEICA_PARTNERS_PAGE, { asOf: null }, 'cache-only');
    expect(claimsOf(todayAgain.brand.partnersConnection)).toEqual(today.raw);
  });

  it('keeps both claims of a node that a connection lists twice', async () => {
    const name = await writeDeviceWithTwoLeicaClaims(running(), MARKER);
    const client = urqlClient();
    const raw = await rawAnswer(baseUrl(), CAMERA_BRANDS, { name });
    expect(claimsOf(raw.device.cameraBrandsConnection)).toEqual(expect.arrayContaining(['brand:leica RUMORED', 'brand:leica SPECULATED']));
    const answer = await cached(client, CAMERA_BRANDS, { name });
    expect(claimsOf(answer.device.cameraBrandsConnection)).toEqual(claimsOf(raw.device.cameraBrandsConnection));
  });
});
