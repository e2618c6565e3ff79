import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/testApp.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.stop());

async function roundTrips(query: string): Promise<{ count: number; data: any }> {
  const before = await app.queryCount();
  const { data, errors } = await app.graphql(query);
  expect(errors).toBeUndefined();
  return { count: (await app.queryCount()) - before, data };
}

it("answers a depth-3 query over all brands, with the leaks' sources, in one statement", async () => {
  const { count, data } = await roundTrips(`{
    brands {
      pageInfo { hasNextPage }
      edges { node {
        name
        partners { name }
        devices {
          name
          chip { name vendor { name } }
          leaks { summary sources { title } }
        }
      } }
    }
  }`);
  // brandsPage with every relationship below it, and the leaks' sources, planned into it.
  expect(count).toBe(1);
  const xiaomi = data.brands.edges.find((e: any) => e.node.name === 'Xiaomi').node;
  expect(xiaomi.devices).toHaveLength(3);
  expect(data.brands.edges.length).toBeGreaterThanOrEqual(6);
  // One default page (20) holds every seed brand; 100 brands would be over the complexity limit.
  expect(data.brands.pageInfo.hasNextPage).toBe(false);
});

it('plans sibling connections and their edge sources into the page statement', async () => {
  const { count } = await roundTrips(`{
    brands { edges { node {
      devicesConnection(first: 2) { totalCount edges { confidence node { name } sources { author } } }
      partnershipsConnection(first: 1) { edges { node { kind } } }
    } } }
  }`);
  expect(count).toBe(1);
});

/** A device's relationships, three levels down: what a device screen reached by id or by search asks. */
const DEVICE_BELOW = `
  brand { name devices { name } }
  chip { name vendor { name } }
  leaks { summary sources { title } }
  specs { key }`;

function expectDeviceBelow(device: any): void {
  expect(device.brand.name).toBe('Xiaomi');
  expect(device.brand.devices.map((d: any) => d.name)).toContain('Xiaomi 12S Pro');
  expect(device.chip.vendor.name).toBe('Qualcomm');
  expect(device.leaks.length).toBeGreaterThan(0);
  for (const leak of device.leaks) expect(leak.sources.length).toBeGreaterThan(0);
}

it('merges the relationship reads that no plan covers, fired in the same tick, into one statement per level', async () => {
  const { count, data } = await roundTrips(`{ search(query: "2206123SC", types: [DEVICE], first: 1) { node { ... on Device { name ${DEVICE_BELOW} } } } }`);
  // search, then one statement for brand, chip, leaks and specs with everything below them.
  expect(data.search[0].node.name).toBe('Xiaomi 12S');
  expect(count).toBe(2);
  expectDeviceBelow(data.search[0].node);
});

it('answers node(id:) with the reads below it in one statement, today and as of a day, as device(name:) does', async () => {
  const byId = await roundTrips(`{ node(id: "device:xiaomi-12s") { ... on Device { ${DEVICE_BELOW} } } }`);
  expect(byId.count).toBe(1);
  expectDeviceBelow(byId.data.node);
  expect(byId.data.node).toEqual((await roundTrips(`{ device(name: "Xiaomi 12S") { ${DEVICE_BELOW} } }`)).data.device);
  // A snapshot id views it as of its day; before the graph knew it, it is null.
  const past = await roundTrips(`{ node(id: "device:xiaomi-12s@2022-05-20") { id ... on Device { name leaks { summary } } } }`);
  expect(past.count).toBe(1);
  expect(past.data.node.id).toBe('device:xiaomi-12s@2022-05-20');
  expect(past.data.node).toEqual({ ...(await roundTrips(`{ device(name: "Xiaomi 12S", asOf: "2022-05-20") { id name leaks { summary } } }`)).data.device });
  expect((await roundTrips(`{ node(id: "device:xiaomi-12s@2020-01-01") { id } }`)).data.node).toBeNull();
  // An id whose prefix names no kind is no entity.
  expect((await roundTrips(`{ node(id: "gadget:xiaomi-12s") { id } }`)).data.node).toBeNull();
});

it('costs each analyst query a fixed number of statements, whatever the data', async () => {
  const expected: Array<[string, number]> = [
    ['{ partnerHistory(brand: "Leica") { id brands { name } devices { name } sources { title } } }', 1],
    ['{ partnerHistory(brand: "Leica", asOf: "2022-05-20") { id } }', 1],
    ['{ graph(id: "brand:xiaomi", depth: 3, limit: 500) { nodes { id type label } edges { id source target } truncated } }', 1],
    ['{ paths(from: "brand:xiaomi", to: "brand:huawei", maxHops: 6, first: 20) { length nodes { id } edges { id } } }', 1],
    ['{ search(query: "xiaomi leica", first: 50) { score node { id } } }', 1],
    ['{ partnershipStats(groupBy: PARTNER) { key label count } }', 1],
    ['{ brands(orderBy: PARTNER_COUNT_DESC) { edges { node { name partnerCount partners { name } } } } }', 1],
    [
      '{ devices(orderBy: LEAK_COUNT_DESC, cameraBrandId: "brand:leica", asOf: "2022-05-25") { edges { node { name leakCount leaks { id } brand { name } } } } }',
      1,
    ],
    ['{ device(name: "Xiaomi 12S", asOf: "2022-05-20") { modelNumber codename chip { name } leaks { platform sources { title } } } }', 1],
    ['{ brand(name: "Leica") { partnersConnection(first: 2) { totalCount edges { node { name } sources { title } } } } }', 1],
    // One edge per node with every claim about it and their sources, and the per-claim view beside it (issue 21, item 3).
    [
      '{ device(name: "Xiaomi 12S", asOf: "2022-06-01") { cameraBrandsConnection { totalCount edges { confidence sources { title } node { name devicesConnection(first: 2) { edges { node { name } } } } claims(first: 5) { edges { confidence sources { title } } } } } cameraBrandsClaimsConnection { edges { confidence node { name } } } } }',
      1,
    ],
  ];
  for (const [query, statements] of expected) {
    expect({ query, statements: (await roundTrips(query)).count }).toEqual({ query, statements });
  }
});

it('sends the common pages once before serving when WARM_UP is on, so their statements are planned', async () => {
  const warm = await startTestApp({ WARM_UP: 'true' });
  try {
    const { values } = await warm.metrics.neo4jQueries.get();
    const sent = values.filter((value) => value.value > 0).map((value) => value.labels.query);
    expect(sent).toEqual(
      expect.arrayContaining(['entityByLookupKey+planned', 'devicesPage+planned', 'partnerHistoryByBrandKey+planned', 'graphSliceAroundId']),
    );
  } finally {
    await warm.stop();
  }
}, 120_000);

it('answers the bench device page in one statement', async () => {
  const { SCREEN_QUERIES } = await import('../../src/server/screenQueries.js');
  const before = await app.queryCount();
  const response = await fetch(`${app.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: SCREEN_QUERIES.deviceScreen, variables: { name: 'Xiaomi 12S' } }),
  });
  expect((await response.json()).errors).toBeUndefined();
  expect((await app.queryCount()) - before).toBe(1);
});
