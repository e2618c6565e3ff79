import { int } from 'neo4j-driver';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { pageStatement } from '../../../src/store/reads/pageStatements.js';
import { startTestApp, type TestApp } from '../../helpers/testApp.js';

/**
 * A list filter that needs the belief rule (`devices(brandId:)` keeps the devices whose maker, as `Device.brand`
 * shows it, is that brand) is the expensive check: it reads every maker claim of each candidate. The page checks
 * it only on the candidates the property filters kept, so a day range or a status makes it cheaper, not dearer.
 */
const MARKER = 'pagecost';
const BRAND = `brand:${MARKER}`;
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
  // Four devices of one maker: two announced in 2020, two in 2024.
  await app.db.driver.executeQuery(
    `CREATE (maker:Entity:Brand {id: $brand, name: '${MARKER}', aliases: [], roles: ['OEM'], country: 'ZZ', lookupKeys: []})
     WITH maker
     UNWIND [['a', '2020-03-01'], ['b', '2020-09-01'], ['c', '2024-03-01'], ['d', '2024-09-01']] AS row
     CREATE (device:Entity:Device {id: 'device:${MARKER}-' + row[0], name: '${MARKER} ' + row[0], aliases: [], status: 'RELEASED',
       announcedOn: date(row[1]), firstReportedOn: date(row[1]), lookupKeys: []})
     CREATE (device)-[:MADE_BY {id: 'MADE_BY:${MARKER}-' + row[0], confidence: 'CONFIRMED', reportedOn: date(row[1]), reportedOnPrecision: 'DAY', sourceIds: []}]->(maker)`,
    { brand: BRAND },
  );
});
afterAll(async () => {
  if (!app) return;
  await app.db.driver.executeQuery(`MATCH (node:Entity) WHERE node.id STARTS WITH 'device:${MARKER}' OR node.id = $brand DETACH DELETE node`, { brand: BRAND });
  await app.stop();
});

interface PlanNode {
  operatorType: string;
  rows: number;
  children: PlanNode[];
}

function operators(plan: PlanNode, type: string): PlanNode[] {
  return [...(plan.operatorType.startsWith(type) ? [plan] : []), ...plan.children.flatMap((child) => operators(child, type))];
}

/** The parameters of a devices page with no filter, as EntityRepository.page sends them. */
const NO_FILTERS = {
  brandId: null,
  chipId: null,
  cameraBrandId: null,
  status: null,
  announcedFrom: null,
  announcedTo: null,
  descending: false,
  backward: false,
  asOf: null,
  countTotal: false,
};

it('checks a device filter by belief only on the candidates the property filters keep', async () => {
  const params = { ...NO_FILTERS, brandId: BRAND, announcedFrom: '2023-01-01', sortField: 'NAME', afterKey: null, afterId: null, limit: int(100) };
  const text = pageStatement('devicesPage', params);
  const { summary, records: rows } = await app.db.driver.executeQuery(`PROFILE ${text}`, params);
  const checked = operators(summary.profile as unknown as PlanNode, 'RollUpApply').map((operator) => operator.rows);
  expect(rows[0]!.get('rows').map((row: { node: { id: string } }) => row.node.id)).toEqual([`device:${MARKER}-c`, `device:${MARKER}-d`]);
  // One belief check, on the two devices announced from 2023 only (not on all four of the brand's devices).
  expect(checked).toEqual([2]);
});

it.each([
  ['the first page', false],
  ['a page after a cursor', true],
])('reads %s by name from the name index, in its order, up to the limit', async (_, afterFirst) => {
  // The cursor is the first device by name, so most devices come after it.
  const { records: first } = await app.db.driver.executeQuery(`MATCH (device:Device) RETURN device.name AS name, device.id AS id ORDER BY name, id LIMIT 1`);
  const cursor = afterFirst ? { afterKey: first[0]!.get('name') as string, afterId: first[0]!.get('id') as string } : { afterKey: null, afterId: null };
  const params = { ...NO_FILTERS, sortField: 'NAME', ...cursor, limit: int(2) };
  const { summary, records } = await app.db.driver.executeQuery(`PROFILE ${pageStatement('devicesPage', params)}`, params);
  const { records: counted } = await app.db.driver.executeQuery(`MATCH (device:Device) RETURN count(device) AS devices`);
  const [seek] = operators(summary.profile as unknown as PlanNode, 'NodeIndexSeekByRange');
  expect(records[0]!.get('rows')).toHaveLength(2);
  expect(counted[0]!.get('devices')).toBeGreaterThan(5);
  // The index gives the name order, so the page stops after its rows, one more (is there a next page?) and the
  // cursor's own row, which the seek from its name includes; a sort of every device would read them all.
  expect(seek!.rows).toBeLessThanOrEqual(2 + 2);
});
