import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isKnownOn } from '../../src/model/claim.js';
import { startTestApp, type TestApp } from '../helpers/testApp.js';

describe('which entities exist in a past view', () => {
  it('keeps brands, chips and undated sources in every view and dates the rest', () => {
    expect(isKnownOn({ __typename: 'Brand', id: 'brand:x' }, '1900-01-01')).toBe(true);
    expect(isKnownOn({ __typename: 'Source', id: 'source:x', publishedOn: null } as never, '1900-01-01')).toBe(true);
    expect(isKnownOn({ __typename: 'Source', id: 'source:x', publishedOn: '2022-05-25' } as never, '2022-05-24')).toBe(false);
    expect(isKnownOn({ __typename: 'Leak', id: 'leak:x', reportedOn: '2022-05-25' } as never, '2022-05-25')).toBe(true);
    expect(isKnownOn({ __typename: 'Device', id: 'device:x', firstReportedOn: '2022-04-01' } as never, '2022-03-31')).toBe(false);
    expect(isKnownOn({ __typename: 'Device', id: 'device:x', firstReportedOn: null } as never, '2030-01-01')).toBe(false);
    expect(isKnownOn({ __typename: 'Device', id: 'device:x', firstReportedOn: null } as never, null)).toBe(true);
  });
});

describe('asOf over the seed data', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.stop());

  const LEICA = `query($asOf: Date) {
    brand(name: "Leica", asOf: $asOf) {
      partnerCount
      partners { name }
      partnersConnection { totalCount edges { node { name } confidence } }
      devices: partnerships { id devices { name } }
    }
  }`;

  it("shows Xiaomi among Leica's partners from 23 May 2022, not on the 22nd", async () => {
    const on22 = (await app.graphql(LEICA, { asOf: '2022-05-22' })).data.brand;
    expect(on22.partners.map((b: any) => b.name).sort()).toEqual(['Huawei', 'Panasonic', 'Sharp']);
    expect(on22.partnerCount).toBe(3);
    expect(on22.partnersConnection.totalCount).toBe(3);
    const on23 = (await app.graphql(LEICA, { asOf: '2022-05-23' })).data.brand;
    expect(on23.partners.map((b: any) => b.name).sort()).toEqual(['Huawei', 'Panasonic', 'Sharp', 'Xiaomi']);
    expect(on23.partnerCount).toBe(4);
    // The partnership exists from the 23rd, but the devices it covers were only claimed on the 25th.
    // (Ids in a past view are that day's snapshot ids.)
    expect(on23.devices.find((p: any) => p.id === 'partnership:leica-xiaomi@2022-05-23').devices).toEqual([]);
    const today = (await app.graphql(LEICA)).data.brand;
    expect(today.devices.find((p: any) => p.id === 'partnership:leica-xiaomi').devices).toHaveLength(3);
  });

  const XIAOMI_12S = `query($asOf: Date) {
    device(name: "Xiaomi 12S", asOf: $asOf) {
      name modelNumber shortModelNumber codename firstReportedOn leakCount
      brand { name } chip { name } cameraBrands { name }
      leaks { id }
      specs { key value }
    }
  }`;

  it('tells what was known about the Xiaomi 12S on 20 May 2022: the IMEI listing, nothing of the article', async () => {
    const { data, errors } = await app.graphql(XIAOMI_12S, { asOf: '2022-05-20' });
    expect(errors).toBeUndefined();
    expect(data.device).toMatchObject({
      name: 'Xiaomi 12S',
      modelNumber: '2206123SC',
      shortModelNumber: 'L3S',
      codename: null,
      firstReportedOn: '2022-04-01',
      leakCount: 1,
      brand: { name: 'Xiaomi' },
      chip: null,
      cameraBrands: [],
      leaks: [{ id: 'leak:xiaomi-12s-series-imei-database@2022-05-20' }],
    });
    expect(data.device.specs.map((s: any) => s.key).sort()).toEqual(['identity.modelNumber', 'identity.shortModelNumber']);
    const today = (await app.graphql(XIAOMI_12S)).data.device;
    expect(today).toMatchObject({ codename: 'diting', chip: { name: 'Snapdragon 8 Gen 1+' }, cameraBrands: [{ name: 'Leica' }], leakCount: 2 });
  });

  it('shows the 12 Ultra "first Leica flagship" speculation on 20 May 2022, and no device before it was reported', async () => {
    const ultra = `query($asOf: Date) { device(name: "Xiaomi 12 Ultra", asOf: $asOf) { leaks { confidence summary } cameraBrands { name } } }`;
    const on20 = (await app.graphql(ultra, { asOf: '2022-05-20' })).data.device;
    expect(on20.leaks).toEqual([{ confidence: 'SPECULATED', summary: expect.stringContaining('first imaging flagship') }]);
    expect(on20.cameraBrands).toEqual([{ name: 'Leica' }]);
    expect((await app.graphql(ultra, { asOf: '2022-04-30' })).data.device).toBeNull();
    // node(id:) takes the past view by its snapshot id, and answers with it.
    expect((await app.graphql('{ node(id: "device:xiaomi-12s@2022-03-31") { id } }')).data.node).toBeNull();
    expect((await app.graphql('{ node(id: "device:xiaomi-12s@2022-04-01") { id } }')).data.node).toEqual({ id: 'device:xiaomi-12s@2022-04-01' });
  });

  it('filters the top-level lists by day', async () => {
    const lists = `query($asOf: Date) {
      devices(asOf: $asOf) { totalCount }
      leaks(asOf: $asOf) { totalCount }
      sources(asOf: $asOf) { edges { node { id } } }
      brands(asOf: $asOf) { totalCount }
    }`;
    const on20 = (await app.graphql(lists, { asOf: '2022-05-20' })).data;
    expect(on20.devices.totalCount).toBe(3);
    expect(on20.leaks.totalCount).toBe(2);
    expect(on20.sources.edges.map((e: any) => e.node.id)).toEqual(['source:partnergraph-editors@2022-05-20']);
    expect(on20.brands.totalCount).toBe(6);
    const on31March = (await app.graphql(lists, { asOf: '2022-03-31' })).data;
    expect(on31March.devices.totalCount).toBe(0);
    expect(on31March.leaks.totalCount).toBe(0);
  });

  it('keeps an earlier claim when a later source denies it, and ranks the newest first for single values', async () => {
    await app.db.driver.executeQuery(`
      MATCH (d:Device {id: 'device:xiaomi-12s'}), (c:Chip {id: 'chip:sm8475'})
      CREATE (d)-[:USES_CHIP {id: 'test-denial', confidence: 'DENIED', reportedOn: date('2022-06-01'), reportedOnPrecision: 'DAY', sourceIds: ['source:partnergraph-editors']}]->(c)`);
    try {
      const chip = `query($asOf: Date) { device(name: "Xiaomi 12S", asOf: $asOf) { chip { name } } }`;
      expect((await app.graphql(chip, { asOf: '2022-05-31' })).data.device.chip).toEqual({ name: 'Snapdragon 8 Gen 1+' });
      expect((await app.graphql(chip)).data.device.chip).toBeNull();
      const edges = await app.db.driver.executeQuery("MATCH (:Device {id: 'device:xiaomi-12s'})-[r:USES_CHIP]->() RETURN count(r) AS n");
      expect(edges.records[0]!.get('n')).toBe(2);
    } finally {
      await app.db.driver.executeQuery("MATCH ()-[r:USES_CHIP {id: 'test-denial'}]->() DELETE r");
    }
  });

  describe('snapshot ids (issue 21, item 1)', () => {
    const LEICA_VIEW = `
      id
      partners { id }
      partnerships { id brands { id } }
      partnersConnection(first: 1, after: $after) {
        edges { cursor confidence node { id } sources { id } }
        pageInfo { hasNextPage endCursor }
      }`;
    const BY_NAME = `query($asOf: Date, $after: String) { brand(name: "Leica", asOf: $asOf) { ${LEICA_VIEW} } }`;
    const BY_NODE = `query($id: ID!, $after: String) { node(id: $id) { ... on Brand { ${LEICA_VIEW} } } }`;

    /** Every `id` anywhere in an answer. */
    const idsIn = (value: unknown): string[] =>
      value && typeof value === 'object'
        ? Object.entries(value).flatMap(([key, inner]) => (key === 'id' && typeof inner === 'string' ? [inner] : idsIn(inner)))
        : [];

    it("gives every object of a past view that day's snapshot id, and leaves today's ids alone", async () => {
      const past = await app.graphql(BY_NAME, { asOf: '2022-05-20' });
      expect(past.errors).toBeUndefined();
      expect(past.data.brand.id).toBe('brand:leica@2022-05-20');
      const pastIds = idsIn(past.data);
      expect(pastIds.length).toBeGreaterThan(5);
      for (const id of pastIds) expect(id).toMatch(/^[a-z]+:[^@]+@2022-05-20$/);

      const today = await app.graphql(BY_NAME, {});
      expect(today.data.brand.id).toBe('brand:leica');
      for (const id of idsIn(today.data)) expect(id).not.toContain('@');
    });

    it('answers node(id:) with a snapshot id as the past view itself, a second page included', async () => {
      const byName = await app.graphql(BY_NAME, { asOf: '2022-05-20' });
      const byNode = await app.graphql(BY_NODE, { id: 'brand:leica@2022-05-20' });
      expect(byNode).toEqual({ data: { node: byName.data.brand } });

      // The page after the first, asked through the snapshot (as Relay refetches it), is still the past's.
      const after = byName.data.brand.partnersConnection.pageInfo.endCursor;
      expect(byName.data.brand.partnersConnection.pageInfo.hasNextPage).toBe(true);
      const nextByName = await app.graphql(BY_NAME, { asOf: '2022-05-20', after });
      const nextByNode = await app.graphql(BY_NODE, { id: 'brand:leica@2022-05-20', after });
      expect(nextByNode.data.node.partnersConnection).toEqual(nextByName.data.brand.partnersConnection);

      // Paged to its end through the snapshot, the connection lists the past's partners, without Xiaomi.
      const paged: string[] = [];
      let cursor: string | null = null;
      do {
        const page: any = (await app.graphql(BY_NODE, { id: 'brand:leica@2022-05-20', after: cursor })).data.node.partnersConnection;
        paged.push(...page.edges.map((edge: any) => edge.node.id));
        cursor = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (cursor);
      expect(paged.sort()).toEqual(byName.data.brand.partners.map((partner: any) => partner.id).sort());
      expect(paged).not.toContain('brand:xiaomi@2022-05-20');
    });

    it('refuses a malformed snapshot id with BAD_USER_INPUT', async () => {
      for (const id of ['brand:leica@2022-02-30', 'brand:leica@20220520', 'brand:leica@', '@2022-05-20']) {
        const { errors } = await app.graphql('query($id: ID!) { node(id: $id) { id } }', { id });
        expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
      }
    });
  });
});
