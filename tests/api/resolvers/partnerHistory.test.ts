import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/testApp.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.stop());

const HISTORY = `query($asOf: Date) {
  partnerHistory(brand: "leica camera", asOf: $asOf) {
    id kind confidence startedOn announcedOn announcedOnPrecision
    brands { name }
    devices { name }
    sources { title }
  }
}`;

it("gives Leica's partnerships oldest first, each with dates, kind, devices and sources, in one statement", async () => {
  const before = await app.queryCount();
  const { data, errors } = await app.graphql(HISTORY);
  expect(errors).toBeUndefined();
  const history = data.partnerHistory;
  expect(history.map((p: any) => p.brands.map((b: any) => b.name).filter((n: string) => n !== 'Leica')[0])).toEqual(['Panasonic', 'Huawei', 'Sharp', 'Xiaomi']);
  expect(history[0]).toMatchObject({ kind: 'CAMERA_SYSTEM', startedOn: '2001-01-01', confidence: 'CONFIRMED' });
  expect(history[1]).toMatchObject({ kind: 'SMARTPHONE_IMAGING', announcedOn: '2016-02-01', announcedOnPrecision: 'MONTH' });
  expect(history[3]).toMatchObject({ id: 'partnership:leica-xiaomi', announcedOn: '2022-05-23', announcedOnPrecision: 'DAY' });
  expect(history[3].devices.map((d: any) => d.name).sort()).toEqual(['Xiaomi 12 Ultra', 'Xiaomi 12S', 'Xiaomi 12S Pro']);
  for (const partnership of history) expect(partnership.sources.length).toBeGreaterThan(0);
  // The brands, devices and sources of all four partnerships are planned into the history's statement.
  expect((await app.queryCount()) - before).toBe(1);
});

it("keeps a rumoured partnership's confidence instead of posing it as confirmed", async () => {
  await app.db.driver.executeQuery(`
    CREATE (p:Entity:Partnership {id: 'partnership:leica-test-rumour', kind: 'LICENSING', confidence: 'RUMORED',
            reportedOn: date('2023-03-01'), reportedOnPrecision: 'DAY', startedOn: null, announcedOn: null, sourceIds: ['source:partnergraph-editors']})
    WITH p MATCH (b:Brand {id: 'brand:leica'})
    CREATE (b)-[:PARTY_TO {id: 'partnership:leica-test-rumour|brand:leica', confidence: 'RUMORED', reportedOn: date('2023-03-01'),
            reportedOnPrecision: 'DAY', sourceIds: ['source:partnergraph-editors']}]->(p)`);
  try {
    const { data } = await app.graphql(HISTORY);
    expect(data.partnerHistory.at(-1)).toMatchObject({ id: 'partnership:leica-test-rumour', confidence: 'RUMORED' });
    expect(data.partnerHistory.filter((p: any) => p.confidence === 'CONFIRMED')).toHaveLength(4);
  } finally {
    await app.db.driver.executeQuery("MATCH (p:Partnership {id: 'partnership:leica-test-rumour'}) DETACH DELETE p");
  }
});

it('answers as of a day: Xiaomi joins on 23 May 2022, not before', async () => {
  const partnersOn = async (asOf: string) => (await app.graphql(HISTORY, { asOf })).data.partnerHistory.map((p: any) => p.id);
  // Partnerships in a past view carry that day's snapshot ids (docs/clients.md).
  expect(await partnersOn('2022-05-22')).toEqual([
    'partnership:leica-panasonic@2022-05-22',
    'partnership:huawei-leica@2022-05-22',
    'partnership:leica-sharp@2022-05-22',
  ]);
  expect(await partnersOn('2022-05-23')).toContain('partnership:leica-xiaomi@2022-05-23');
  expect(await partnersOn('2016-01-31')).toEqual(['partnership:leica-panasonic@2016-01-31']);
});

it('is NOT_FOUND for an unknown brand', async () => {
  const { errors } = await app.graphql('{ partnerHistory(brand: "Lieca Camera Works") { id } }');
  expect(errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
});

it('counts partnerships per year, kind and partner for charts', async () => {
  const stats = async (groupBy: string, asOf?: string) =>
    (await app.graphql(`query($asOf: Date) { partnershipStats(groupBy: ${groupBy}, asOf: $asOf) { key label count } }`, { asOf })).data.partnershipStats;
  expect(await stats('YEAR')).toEqual([
    { key: '2001', label: '2001', count: 1 },
    { key: '2016', label: '2016', count: 1 },
    { key: '2021', label: '2021', count: 1 },
    { key: '2022', label: '2022', count: 1 },
  ]);
  expect(await stats('KIND')).toEqual([
    { key: 'SMARTPHONE_IMAGING', label: 'SMARTPHONE_IMAGING', count: 3 },
    { key: 'CAMERA_SYSTEM', label: 'CAMERA_SYSTEM', count: 1 },
  ]);
  expect((await stats('PARTNER'))[0]).toEqual({ key: 'brand:leica', label: 'Leica', count: 4 });
  expect((await stats('PARTNER', '2022-05-20'))[0]).toEqual({ key: 'brand:leica', label: 'Leica', count: 3 });
});
