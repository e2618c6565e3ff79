import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/testApp.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.stop());

const ARTICLE = 'Xiaomi 12S Alleged Image Leaks, Tipped to Be First Smartphone From Brand to Carry Leica Branding';

describe('lookups', () => {
  it('finds a brand by name or alias, ignoring case', async () => {
    const { data, errors } = await app.graphql(`{
      byName: brand(name: "LEICA") { id name country roles }
      byAlias: brand(name: "leica camera ag") { id }
      missing: brand(name: "Hasselblad") { id }
    }`);
    expect(errors).toBeUndefined();
    expect(data.byName).toEqual({ id: 'brand:leica', name: 'Leica', country: 'DE', roles: ['CAMERA_MAKER', 'OPTICS_PARTNER'] });
    expect(data.byAlias.id).toBe('brand:leica');
    expect(data.missing).toBeNull();
  });

  it('finds a device by name, model number, short model number or codename', async () => {
    const { data } = await app.graphql(`{
      a: device(name: "xiaomi 12s") { id }
      b: device(name: "2206123SC") { id }
      c: device(name: "l2s") { id }
      d: device(name: "Unicorn") { id }
      e: device(name: "diting") { id }
    }`);
    expect(data).toEqual({
      a: { id: 'device:xiaomi-12s' },
      b: { id: 'device:xiaomi-12s' },
      c: { id: 'device:xiaomi-12s-pro' },
      d: { id: 'device:xiaomi-12s-pro' },
      e: { id: 'device:xiaomi-12s' },
    });
  });

  it('finds a chip by name, alias or part number, and resolves any entity by id', async () => {
    const { data } = await app.graphql(`{
      byPart: chip(name: "sm8475") { id name partNumber vendor { name } devices { name } }
      byAlias: chip(name: "Snapdragon 8+ Gen 1") { id }
      node(id: "partnership:leica-xiaomi") { __typename id ... on Partnership { kind } }
      unknown: node(id: "brand:nope") { id }
    }`);
    expect(data.byPart).toEqual({
      id: 'chip:sm8475',
      name: 'Snapdragon 8 Gen 1+',
      partNumber: 'SM8475',
      vendor: { name: 'Qualcomm' },
      devices: [{ name: 'Xiaomi 12S' }, { name: 'Xiaomi 12S Pro' }],
    });
    expect(data.byAlias.id).toBe('chip:sm8475');
    expect(data.node).toEqual({ __typename: 'Partnership', id: 'partnership:leica-xiaomi', kind: 'SMARTPHONE_IMAGING' });
    expect(data.unknown).toBeNull();
  });
});

describe('the seed article, with its hedges kept as confidence', () => {
  it("gives Leica's partnerships with kinds, dates and sources; only Xiaomi's dated to the day", async () => {
    const { data } = await app.graphql(`{
      brand(name: "Leica") {
        partners { name }
        partnershipsConnection {
          totalCount
          edges {
            confidence
            node { id kind announcedOn announcedOnPrecision startedOn startedOnPrecision brands { name } }
            sources { title author publishedOn url }
          }
        }
      }
    }`);
    expect(data.brand.partners.map((b: { name: string }) => b.name).sort()).toEqual(['Huawei', 'Panasonic', 'Sharp', 'Xiaomi']);
    const byId = Object.fromEntries(data.brand.partnershipsConnection.edges.map((e: any) => [e.node.id, e]));
    expect(data.brand.partnershipsConnection.totalCount).toBe(4);
    const xiaomi = byId['partnership:leica-xiaomi'];
    expect(xiaomi.confidence).toBe('CONFIRMED');
    expect(xiaomi.node).toMatchObject({ kind: 'SMARTPHONE_IMAGING', announcedOn: '2022-05-23', announcedOnPrecision: 'DAY' });
    expect(xiaomi.sources).toEqual([{ title: ARTICLE, author: 'Apoorva Sinha', publishedOn: '2022-05-25', url: null }]);
    expect(byId['partnership:huawei-leica'].node).toMatchObject({ announcedOn: '2016-02-01', announcedOnPrecision: 'MONTH' });
    expect(byId['partnership:leica-panasonic'].node).toMatchObject({ kind: 'CAMERA_SYSTEM', startedOn: '2001-01-01', startedOnPrecision: 'YEAR' });
    expect(byId['partnership:leica-sharp'].node.brands.map((b: { name: string }) => b.name)).toEqual(['Leica', 'Sharp']);
  });

  it('keeps the 12S facts at the confidence the article gives them', async () => {
    const { data } = await app.graphql(`{
      device(name: "Xiaomi 12S") {
        name status modelNumber shortModelNumber codename
        brand { name }
        chip { partNumber }
        cameraBrandsConnection { edges { confidence node { name } } }
        leaksConnection { totalCount edges { confidence node { platform summary reportedOn reportedOnPrecision } } }
        specs { key value unit confidence reportedOn sources { author } }
      }
    }`);
    const device = data.device;
    expect(device).toMatchObject({
      name: 'Xiaomi 12S',
      status: 'RUMORED',
      modelNumber: '2206123SC',
      shortModelNumber: 'L3S',
      codename: 'diting',
      brand: { name: 'Xiaomi' },
      chip: { partNumber: 'SM8475' },
    });
    expect(device.cameraBrandsConnection.edges).toEqual([{ confidence: 'RUMORED', node: { name: 'Leica' } }]);
    const leaks = device.leaksConnection.edges.map((e: any) => [e.node.platform, e.confidence, e.node.reportedOnPrecision]);
    expect(leaks.sort()).toEqual([
      ['IMEI database', 'REPORTED', 'MONTH'],
      ['Weibo', 'RUMORED', 'DAY'],
    ]);
    const spec = (key: string) => device.specs.find((s: any) => s.key === key);
    expect(spec('display.refreshRateHz')).toMatchObject({ value: '120', unit: 'Hz', confidence: 'RUMORED' });
    expect(spec('camera.main.megapixels')).toMatchObject({ value: '50', unit: 'MP', confidence: 'SPECULATED' });
    expect(spec('identity.codename')).toMatchObject({ value: 'diting', confidence: 'SPECULATED' });
    expect(spec('identity.modelNumber')).toMatchObject({ value: '2206123SC', confidence: 'REPORTED', reportedOn: '2022-04-01' });
    expect(device.specs.every((s: any) => s.confidence !== 'CONFIRMED')).toBe(true);
    expect(spec('display.panel').sources).toEqual([{ author: 'Apoorva Sinha' }]);
  });

  it('records the 12 Ultra as a speculated Leica flagship, never as confirmed', async () => {
    const { data } = await app.graphql(`{
      device(name: "xiaomi 12 ultra") {
        leaks { confidence summary }
        cameraBrandsConnection { edges { confidence node { name } } }
      }
      node(id: "partnership:leica-xiaomi") {
        ... on Partnership { devicesConnection { edges { confidence node { name } } } }
      }
    }`);
    expect(data.device.leaks).toHaveLength(1);
    expect(data.device.leaks[0].confidence).toBe('SPECULATED');
    expect(data.device.leaks[0].summary).toMatch(/first imaging flagship/);
    expect(data.device.cameraBrandsConnection.edges).toEqual([{ confidence: 'SPECULATED', node: { name: 'Leica' } }]);
    const covered = Object.fromEntries(data.node.devicesConnection.edges.map((e: any) => [e.node.name, e.confidence]));
    expect(covered).toEqual({ 'Xiaomi 12S': 'RUMORED', 'Xiaomi 12S Pro': 'SPECULATED', 'Xiaomi 12 Ultra': 'SPECULATED' });
  });
});

describe('list connections', () => {
  it('pages brands by name with totalCount and filters', async () => {
    const first = await app.graphql(`{ brands(first: 2) { totalCount edges { cursor node { name } } pageInfo { hasNextPage endCursor } } }`);
    expect(first.data.brands.totalCount).toBeGreaterThanOrEqual(6);
    expect(first.data.brands.edges.map((e: any) => e.node.name)).toEqual(['Huawei', 'Leica']);
    expect(first.data.brands.pageInfo.hasNextPage).toBe(true);
    const next = await app.graphql(`query($after: String) { brands(first: 2, after: $after) { edges { node { name } } } }`, {
      after: first.data.brands.pageInfo.endCursor,
    });
    expect(next.data.brands.edges.map((e: any) => e.node.name)).toEqual(['Panasonic', 'Qualcomm']);

    const japanese = await app.graphql(`{ brands(country: "jp") { totalCount edges { node { name } } } }`);
    expect(japanese.data.brands).toEqual({ totalCount: 2, edges: [{ node: { name: 'Panasonic' } }, { node: { name: 'Sharp' } }] });
    const chipVendors = await app.graphql(`{ brands(role: CHIP_VENDOR) { edges { node { id } } } }`);
    expect(chipVendors.data.brands.edges).toEqual([{ node: { id: 'brand:qualcomm' } }]);
  });

  it('lists devices, chips, leaks (newest first) and sources', async () => {
    const { data, errors } = await app.graphql(`{
      devices(brandId: "brand:xiaomi") { totalCount edges { node { name } } }
      chips { totalCount edges { node { name vendor { name } } } }
      leaks { totalCount edges { node { platform reportedOn confidence devices { name } sources { title } } } }
      weibo: leaks(platform: "weibo") { totalCount }
      sources { totalCount edges { node { title publisher author url publishedOn } } }
    }`);
    expect(errors).toBeUndefined();
    expect(data.devices.edges.map((e: any) => e.node.name)).toEqual(['Xiaomi 12 Ultra', 'Xiaomi 12S', 'Xiaomi 12S Pro']);
    expect(data.chips.edges).toEqual([{ node: { name: 'Snapdragon 8 Gen 1+', vendor: { name: 'Qualcomm' } } }]);
    expect(data.leaks.totalCount).toBe(3);
    const dates = data.leaks.edges.map((e: any) => e.node.reportedOn);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(data.leaks.edges.at(-1).node).toMatchObject({ platform: 'IMEI database', devices: [{ name: 'Xiaomi 12S' }, { name: 'Xiaomi 12S Pro' }] });
    expect(data.weibo.totalCount).toBe(1);
    expect(data.sources.totalCount).toBe(2);
    expect(data.sources.edges.map((e: any) => e.node.url)).toEqual([null, null]);
  });
});
