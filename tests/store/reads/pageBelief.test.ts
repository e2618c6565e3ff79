import { afterAll, beforeAll, expect, it } from 'vitest';
import { removeTestWrites } from '../../helpers/editing.js';
import { startTestApp, type TestApp } from '../../helpers/testApp.js';

/**
 * Filters and sorts use the belief rule the fields use (issue 19 item 6): after a later denial of a confirmed
 * partnership and of a device's maker, `Brand.partnerCount`, the PARTNER_COUNT order and `devices(brandId:)`
 * agree with `Device.brand`, on both sides of the denial.
 */
const MARKER = 'b19belief';
const BEFORE = '2021-06-01';
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
  await app.db.driver.executeQuery(
    `UNWIND ['a', 'b', 'c'] AS key
     CREATE (:Entity:Brand {id: 'brand:${MARKER}-' + key, name: '${MARKER} ' + key, aliases: [], roles: ['OEM'], country: 'ZZ', lookupKeys: ['${MARKER} ' + key]})
     WITH count(*) AS brands
     UNWIND [['p1', ['a', 'b'], 'CONFIRMED', '2020-01-01'], ['p2', ['a', 'b'], 'DENIED', '2022-01-01'], ['p3', ['c', 'b'], 'CONFIRMED', '2021-01-01']] AS row
     CREATE (p:Entity:Partnership {id: 'partnership:${MARKER}-' + row[0], kind: 'CAMERA_SYSTEM', summary: null, confidence: row[2],
       reportedOn: date(row[3]), reportedOnPrecision: 'DAY', sourceIds: []})
     WITH p, row
     UNWIND row[1] AS key
     MATCH (b:Brand {id: 'brand:${MARKER}-' + key})
     CREATE (b)-[:PARTY_TO {id: p.id + '|' + b.id, confidence: p.confidence, reportedOn: p.reportedOn, reportedOnPrecision: 'DAY', sourceIds: []}]->(p)`,
  );
  await app.db.driver.executeQuery(
    `MATCH (maker:Brand {id: 'brand:${MARKER}-a'})
     CREATE (d:Entity:Device {id: 'device:${MARKER}-phone', name: '${MARKER} phone', aliases: [], status: 'RELEASED', firstReportedOn: date('2020-01-01'), lookupKeys: []})
     CREATE (d)-[:MADE_BY {id: 'MADE_BY:${MARKER}-1', confidence: 'CONFIRMED', reportedOn: date('2020-01-01'), reportedOnPrecision: 'DAY', sourceIds: []}]->(maker)
     CREATE (d)-[:MADE_BY {id: 'MADE_BY:${MARKER}-2', confidence: 'DENIED', reportedOn: date('2022-01-01'), reportedOnPrecision: 'DAY', sourceIds: []}]->(maker)`,
  );
});
afterAll(async () => {
  if (!app) return;
  await app.db.driver.executeQuery(`MATCH ()-[r:MADE_BY]->() WHERE r.id STARTS WITH 'MADE_BY:${MARKER}' DELETE r`);
  await removeTestWrites(app.db, MARKER);
  await app.stop();
});

const BRANDS = `query($asOf: Date, $order: BrandOrder!) {
  brands(country: "ZZ", orderBy: $order, asOf: $asOf, first: 10) { edges { node { id partnerCount partners { id } } } }
}`;

it.each([
  ['today', null],
  ['before the denial', BEFORE],
])('orders brands by the partner count they show, %s', async (_, asOf) => {
  for (const order of ['PARTNER_COUNT_DESC', 'PARTNER_COUNT_ASC']) {
    const result = await app.graphql(BRANDS, { asOf, order });
    expect(result.errors).toBeUndefined();
    const nodes = (result.data.brands.edges as Array<{ node: { id: string; partnerCount: number; partners: unknown[] } }>).map((edge) => edge.node);
    expect(nodes).toHaveLength(3);
    for (const node of nodes) expect(node.partnerCount).toBe(node.partners.length);
    const descending = order === 'PARTNER_COUNT_DESC';
    const expected = [...nodes].sort((a, b) =>
      a.partnerCount !== b.partnerCount ? (descending ? b.partnerCount - a.partnerCount : a.partnerCount - b.partnerCount) : a.id < b.id ? -1 : 1,
    );
    expect(nodes.map((node) => node.id)).toEqual(expected.map((node) => node.id));
  }
});

it('counts the denied partnership before the denial only', async () => {
  const result = await app.graphql(
    `{ now: node(id: "brand:${MARKER}-a") { ... on Brand { partnerCount } } then: node(id: "brand:${MARKER}-a@${BEFORE}") { ... on Brand { partnerCount } } }`,
  );
  expect(result.data).toEqual({ now: { partnerCount: 0 }, then: { partnerCount: 1 } });
});

it.each([
  ['today', null, []],
  ['before the denial', BEFORE, [`device:${MARKER}-phone@${BEFORE}`]],
])('filters devices by the maker Device.brand shows, %s', async (_, asOf, ids) => {
  const result = await app.graphql(
    `query($asOf: Date, $brandId: ID) {
      devices(brandId: $brandId, asOf: $asOf) { totalCount edges { node { id brand { id } } } }
      phone: node(id: "device:${MARKER}-phone") { ... on Device { brand { id } } }
    }`,
    { asOf, brandId: `brand:${MARKER}-a` },
  );
  expect(result.errors).toBeUndefined();
  const edges = result.data.devices.edges as Array<{ node: { id: string; brand: { id: string } | null } }>;
  expect(edges.map((edge) => edge.node.id)).toEqual(ids);
  expect(result.data.devices.totalCount).toBe(ids.length);
  for (const edge of edges) expect(edge.node.brand?.id).toBe(`brand:${MARKER}-a${asOf ? `@${asOf}` : ''}`);
  expect(result.data.phone.brand).toBeNull();
});
