import { describe, expect, it } from 'vitest';
import { useEditingApp } from '../helpers/editing.js';
import {
  BRANDS_PAGE,
  LEICA_BEFORE_AND_AFTER,
  LEICA_PARTNERS_PAGE,
  LEICA_TODAY,
  TWELVE_S_CAMERA_BRANDS,
  TWELVE_S_IN_MAY_2022,
  TWELVE_S_TODAY,
  claimsOf,
  linksOf,
  rawAnswer,
  writeWeakerLeicaClaim,
} from './operations.js';
import { cached, urqlClient as urqlClientAt } from './urqlClient.js';

// The client's setup is in urqlClient.ts.
const MARKER = 'urqlcdup';
const running = useEditingApp(MARKER);
const baseUrl = () => running().baseUrl;
const urqlClient = (options?: Parameters<typeof urqlClientAt>[1]) => urqlClientAt(baseUrl(), options);

describe('urql with graphcache and relayPagination', () => {
  // CSRF prevention stays on for GET (docs/security.md): a default client's GET is refused with a coded 400 that
  // names the header, and the README's one setting (the preflight header, as urqlClient.ts sends it) makes it work.
  it("refuses the default client's GET with a coded error naming the preflight header, and answers it with the README's setting", async () => {
    const refused = await urqlClient({}).query(LEICA_TODAY, {}).toPromise();
    expect(refused.error?.response?.status).toBe(400);
    expect(refused.error?.message).toMatch(/apollo-require-preflight/i);
    const documented = urqlClient({ preferGetMethod: 'within-url-limit', fetchOptions: { headers: { 'apollo-require-preflight': 'true' } } });
    expect(await cached(documented, LEICA_TODAY)).toEqual(await rawAnswer(baseUrl(), LEICA_TODAY));
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

  it('gives a node with two claims one edge, its weaker claim in edge.claims, as raw HTTP does, today and as of a past day', async () => {
    await writeWeakerLeicaClaim(running(), MARKER);
    const client = urqlClient();
    const raw = await rawAnswer(baseUrl(), TWELVE_S_CAMERA_BRANDS);
    // One Leica edge: the seed's newer RUMORED claim decides, and the weaker one is in its claims.
    expect(linksOf(raw.device.cameraBrandsConnection)).toEqual(['brand:leica RUMORED [RUMORED SPECULATED]']);
    expect(await cached(client, TWELVE_S_CAMERA_BRANDS)).toEqual(raw);
    expect(await cached(client, TWELVE_S_CAMERA_BRANDS, {}, 'cache-only')).toEqual(raw);
    // As of 22 May 2022 only the weaker claim was known: it decides that day's view.
    const past = await rawAnswer(baseUrl(), TWELVE_S_CAMERA_BRANDS, { asOf: '2022-05-22' });
    expect(linksOf(past.device.cameraBrandsConnection)).toEqual(['brand:leica@2022-05-22 SPECULATED [SPECULATED]']);
    expect(await cached(client, TWELVE_S_CAMERA_BRANDS, { asOf: '2022-05-22' })).toEqual(past);
    expect(await cached(client, TWELVE_S_CAMERA_BRANDS, {}, 'cache-only')).toEqual(raw);
  });
});
