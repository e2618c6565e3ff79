import { int, type ProfiledPlan } from 'neo4j-driver';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Row } from '../../../src/store/neo4j/database.js';
import { pageStatement } from '../../../src/store/reads/pageStatements.js';
import { removeTestWrites } from '../../helpers/editing.js';
import { startTestApp, type TestApp } from '../../helpers/testApp.js';

/**
 * The devices page checks a device's own properties (announcement day, status) before the belief rule's check of
 * its maker, so a brand's list filtered to a few devices runs the rule on those few only: the Explorer's device
 * years ask for all of a brand's devices and for those with a day (docs/benchmarks.md, "Google Play's registry").
 * Compared in db hits, which PROFILE counts, on a brand of generated devices of which two are announced.
 */
const MARKER = 'h19cost';
const BRAND = `brand:${MARKER}`;
const DEVICES = 60;
/** What the Explorer's device pages ask of each device (`id name announced { from }`). */
const EXPLORER_PROPERTIES = ['name', 'announcedOn', 'announcedOnPrecision'];
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
  await app.db.driver.executeQuery(
    `CREATE (brand:Entity:Brand {id: $brand, name: $brand, aliases: [], roles: ['OEM'], lookupKeys: []})
     WITH brand
     UNWIND range(1, $devices) AS n
     CREATE (device:Entity:Device {id: $brand + '-' + n, name: $brand + ' ' + n, aliases: [], lookupKeys: [], firstReportedOn: date('2020-01-01'),
       status: CASE WHEN n <= 2 THEN 'ANNOUNCED' ELSE 'RUMORED' END,
       announcedOn: CASE WHEN n <= 2 THEN date('2021-0' + n + '-01') END, announcedOnPrecision: CASE WHEN n <= 2 THEN 'DAY' END})
     WITH brand, device
     UNWIND ['2020-01-01', '2020-06-01', '2021-01-01'] AS day
     CREATE (device)-[:MADE_BY {id: 'MADE_BY:' + device.id + '|' + day, confidence: 'REPORTED', reportedOn: date(day), reportedOnPrecision: 'DAY', sourceIds: []}]->(brand)`,
    { brand: BRAND, devices: DEVICES },
  );
});
afterAll(async () => {
  if (!app) return;
  await removeTestWrites(app.db, MARKER);
  await app.stop();
});

/** The parameters EntityRepository.page sends for the first device of the brand's list, with its total. */
function firstOfBrand(filters: Row, sortField: string): Row {
  return {
    brandId: BRAND,
    ...filters,
    sortField,
    descending: false,
    backward: false,
    asOf: null,
    countTotal: true,
    afterKey: null,
    afterId: null,
    limit: int(2),
  };
}

async function profiled(params: Row): Promise<{ totalCount: number; dbHits: number }> {
  const { records, summary } = await app.db.driver.executeQuery(`PROFILE ${pageStatement('devicesPage', params, EXPLORER_PROPERTIES)}`, params);
  const hits = (plan: ProfiledPlan): number => plan.dbHits + plan.children.reduce((sum, child) => sum + hits(child), 0);
  if (!summary.profile) throw new Error('PROFILE brought no profile');
  return { totalCount: Number(records[0]!.get('totalCount')), dbHits: hits(summary.profile) };
}

it.each([
  ['announced from a day', { announcedFrom: '0001-01-01' }, 'ANNOUNCED_ON'],
  ['announced within a year', { announcedFrom: '2021-01-01', announcedTo: '2021-12-31' }, 'ANNOUNCED_ON'],
  ['of a status', { status: 'ANNOUNCED' }, 'NAME'],
])('runs the maker check on the devices %s only', async (_, filters, sortField) => {
  const all = await profiled(firstOfBrand({}, 'NAME'));
  const few = await profiled(firstOfBrand(filters, sortField));
  expect(all.totalCount).toBe(DEVICES);
  expect(few.totalCount).toBe(2);
  // The rule reads each device's three maker claims; the filter alone reads one property of each device.
  expect(few.dbHits).toBeLessThan(all.dbHits / 2);
});
