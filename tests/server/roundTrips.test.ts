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

it('costs one Cypher statement per relationship field of a depth-3 query over all brands', async () => {
  const { count, data } = await roundTrips(`{
    brands(first: 100) {
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
  // brandsPage, partnersByBrandIds, devicesByBrandIds, chipsByDeviceIds, vendorsByChipIds,
  // leaksByDeviceIds, entitiesByIds (the leaks' sources): 7 statements for every brand, device and leak.
  expect(count).toBe(7);
  const xiaomi = data.brands.edges.find((e: any) => e.node.name === 'Xiaomi').node;
  expect(xiaomi.devices).toHaveLength(3);
  expect(data.brands.edges.length).toBeGreaterThanOrEqual(6);
});

it('shares one statement between list fields and connection pages of the same relationship window', async () => {
  const { count } = await roundTrips(`{
    brands { edges { node {
      devicesConnection(first: 2) { totalCount edges { confidence node { name } sources { author } } }
      partnershipsConnection(first: 1) { edges { node { kind } } }
    } } }
  }`);
  // brandsPage, devicesByBrandIds (one window), partnershipsByBrandIds (one window), entitiesByIds.
  expect(count).toBe(4);
});
