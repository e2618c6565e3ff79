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

it('checks a device filter by belief only on the candidates the property filters keep', async () => {
  const params = {
    brandId: BRAND,
    chipId: null,
    cameraBrandId: null,
    status: null,
    announcedFrom: '2023-01-01',
    announcedTo: null,
    sortField: 'NAME',
    descending: false,
    backward: false,
    asOf: null,
    countTotal: false,
    afterKey: null,
    afterId: null,
    limit: int(100),
  };
  const text = pageStatement('devicesPage', params);
  const { summary, records: rows } = await app.db.driver.executeQuery(`PROFILE ${text}`, params);
  const checked = operators(summary.profile as unknown as PlanNode, 'RollUpApply').map((operator) => operator.rows);
  expect(rows[0]!.get('rows').map((row: { node: { id: string } }) => row.node.id)).toEqual([`device:${MARKER}-c`, `device:${MARKER}-d`]);
  // One belief check, on the two devices announced from 2023 only (not on all four of the brand's devices).
  expect(checked).toEqual([2]);
});
