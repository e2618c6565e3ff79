import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/testApp.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  // Three announced devices on top of the seed: the seed's own devices are rumours without a day.
  await app.db.driver.executeQuery(`
    UNWIND [['a', '2021-03-01', 0], ['b', '2022-07-04', 2], ['c', '2023-02-27', 1]] AS spec
    CREATE (d:Entity:Device {id: 'device:list-test-' + spec[0], name: 'List Test ' + spec[0], aliases: [], status: 'ANNOUNCED',
            announcedOn: date(spec[1]), announcedOnPrecision: 'DAY', firstReportedOn: date(spec[1])})
    WITH d, spec
    MATCH (xiaomi:Brand {id: 'brand:xiaomi'})
    CREATE (d)-[:MADE_BY {id: d.id + '|maker', confidence: 'CONFIRMED', reportedOn: date(spec[1]), reportedOnPrecision: 'DAY', sourceIds: ['source:partnergraph-editors']}]->(xiaomi)
    WITH d, spec
    UNWIND range(1, spec[2]) AS n
    CREATE (:Entity:Leak {id: d.id + '-leak-' + n, summary: 'test leak', confidence: 'RUMORED', reportedOn: date(spec[1]), reportedOnPrecision: 'DAY', sourceIds: ['source:partnergraph-editors']})
           -[:ABOUT {id: d.id + '-leak-' + n + '|' + d.id, confidence: 'RUMORED', reportedOn: date(spec[1]), reportedOnPrecision: 'DAY', sourceIds: ['source:partnergraph-editors']}]->(d)`);
});
afterAll(async () => {
  await app.db.driver.executeQuery("MATCH (n:Entity) WHERE n.id STARTS WITH 'device:list-test-' DETACH DELETE n");
  await app.stop();
});

const DEVICES = `query($brandId: ID, $chipId: ID, $cameraBrandId: ID, $status: DeviceStatus, $from: Date, $to: Date, $orderBy: DeviceOrder, $first: Int, $after: String) {
  devices(brandId: $brandId, chipId: $chipId, cameraBrandId: $cameraBrandId, status: $status, announcedFrom: $from, announcedTo: $to, orderBy: $orderBy, first: $first, after: $after) {
    totalCount
    edges { node { id leakCount announcedOn } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const ids = async (variables: Record<string, unknown>) => {
  const { data, errors } = await app.graphql(DEVICES, variables);
  expect(errors).toBeUndefined();
  return data.devices.edges.map((e: any) => e.node.id);
};

it('filters devices by chip, camera brand, status and announcement range', async () => {
  expect(await ids({ chipId: 'chip:sm8475' })).toEqual(['device:xiaomi-12s', 'device:xiaomi-12s-pro']);
  expect(await ids({ cameraBrandId: 'brand:leica' })).toEqual(['device:xiaomi-12-ultra', 'device:xiaomi-12s', 'device:xiaomi-12s-pro']);
  expect(await ids({ status: 'ANNOUNCED', from: '2022-01-01', to: '2022-12-31' })).toEqual(['device:list-test-b']);
  expect(await ids({ brandId: 'brand:xiaomi', from: '2022-07-04' })).toEqual(['device:list-test-b', 'device:list-test-c']);
});

it('sorts by announcement day and by leak count, both ways, and pages through the sort', async () => {
  expect(await ids({ status: 'ANNOUNCED', orderBy: 'ANNOUNCED_ON_DESC' })).toEqual(['device:list-test-c', 'device:list-test-b', 'device:list-test-a']);
  expect((await ids({ orderBy: 'ANNOUNCED_ON_ASC' })).slice(0, 3)).toEqual(['device:list-test-a', 'device:list-test-b', 'device:list-test-c']);
  const byLeaks = await app.graphql(DEVICES, { orderBy: 'LEAK_COUNT_DESC' });
  const counts = byLeaks.data.devices.edges.map((e: any) => e.node.leakCount);
  expect(counts).toEqual([...counts].sort((a: number, b: number) => b - a));
  expect(counts[0]).toBe(2);

  const seen: string[] = [];
  let after: string | null = null;
  do {
    const page: any = (await app.graphql(DEVICES, { orderBy: 'LEAK_COUNT_DESC', first: 2, after })).data.devices;
    seen.push(...page.edges.map((e: any) => e.node.id));
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  expect(seen).toEqual(byLeaks.data.devices.edges.map((e: any) => e.node.id));
  expect(await ids({ orderBy: 'NAME_DESC', first: 1 })).toEqual(['device:xiaomi-12s-pro']);
});

it('keeps devices with no announcement day last in both orders, whether paged forward or backward', async () => {
  const BOTH_WAYS = `query($orderBy: DeviceOrder, $first: Int, $last: Int, $before: String) {
    devices(brandId: "brand:xiaomi", orderBy: $orderBy, first: $first, last: $last, before: $before) {
      edges { node { id announcedOn } }
      pageInfo { hasPreviousPage startCursor }
    }
  }`;
  for (const orderBy of ['ANNOUNCED_ON_ASC', 'ANNOUNCED_ON_DESC']) {
    const whole = (await app.graphql(BOTH_WAYS, { orderBy, first: 100 })).data.devices.edges.map((e: any) => e.node);
    // Undated devices (the seed's rumours) end the list, whatever the direction.
    const firstUndated = whole.findIndex((node: any) => node.announcedOn === null);
    expect(firstUndated).toBeGreaterThan(0);
    expect(whole.slice(firstUndated).every((node: any) => node.announcedOn === null)).toBe(true);
    // The same list, read from the end two at a time, the way the Explorer opens its "date unknown" group.
    const backward: string[] = [];
    let before: string | null = null;
    do {
      const page: any = (await app.graphql(BOTH_WAYS, { orderBy, last: 2, before })).data.devices;
      backward.unshift(...page.edges.map((e: any) => e.node.id));
      before = page.pageInfo.hasPreviousPage ? page.pageInfo.startCursor : null;
    } while (before);
    expect({ orderBy, ids: backward }).toEqual({ orderBy, ids: whole.map((node: any) => node.id) });
  }
});

it('is NOT_FOUND for a filter naming an unknown entity', async () => {
  const { errors } = await app.graphql(DEVICES, { chipId: 'chip:nope' });
  expect(errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', id: 'chip:nope' });
});

it('sorts brands by partner count and filters leaks by day range and platform', async () => {
  const brands = await app.graphql('{ brands(orderBy: PARTNER_COUNT_DESC, first: 2) { edges { node { name partnerCount } } } }');
  expect(brands.data.brands.edges.map((e: any) => e.node)).toEqual([
    { name: 'Leica', partnerCount: 4 },
    { name: 'Huawei', partnerCount: 1 },
  ]);
  const leaks = await app.graphql(`{
    may: leaks(reportedFrom: "2022-05-01", reportedTo: "2022-05-31") { edges { node { id } } }
    weibo: leaks(platform: "weibo") { edges { node { id } } }
    oldestFirst: leaks(orderBy: REPORTED_ON_ASC, first: 1) { edges { node { id } } }
    rumours: leaks(confidence: SPECULATED) { totalCount }
  }`);
  expect(leaks.errors).toBeUndefined();
  expect(leaks.data.may.edges.map((e: any) => e.node.id)).toEqual(['leak:xiaomi-12s-leica-image-weibo', 'leak:xiaomi-12-ultra-first-leica-flagship']);
  expect(leaks.data.weibo.edges.map((e: any) => e.node.id)).toEqual(['leak:xiaomi-12s-leica-image-weibo']);
  expect(leaks.data.oldestFirst.edges.map((e: any) => e.node.id)).toEqual(['leak:xiaomi-12s-series-imei-database']);
  expect(leaks.data.rumours.totalCount).toBe(1);
});

it("pages a device's leaks newest first, in the devices page's statement", async () => {
  const LEAKS = `query($after: String) { devices(brandId: "brand:xiaomi") { edges { node { id leaksConnection(first: 1, after: $after) {
    totalCount edges { node { id } reportedOn } pageInfo { hasNextPage endCursor } } } } } }`;
  const before = await app.queryCount();
  const first = await app.graphql(LEAKS);
  expect((await app.queryCount()) - before).toBe(1);
  const twelveS = first.data.devices.edges.find((e: any) => e.node.id === 'device:xiaomi-12s').node.leaksConnection;
  expect(twelveS.totalCount).toBe(2);
  expect(twelveS.edges.map((e: any) => e.node.id)).toEqual(['leak:xiaomi-12s-leica-image-weibo']);
  expect(twelveS.pageInfo.hasNextPage).toBe(true);
  const second = await app.graphql(LEAKS, { after: twelveS.pageInfo.endCursor });
  const next = second.data.devices.edges.find((e: any) => e.node.id === 'device:xiaomi-12s').node.leaksConnection;
  expect(next.edges.map((e: any) => e.node.id)).toEqual(['leak:xiaomi-12s-series-imei-database']);
  expect(next.pageInfo.hasNextPage).toBe(false);
});
