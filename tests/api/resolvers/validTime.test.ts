import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFiles } from '../../../src/store/records/importer.js';
import { startTestApp, type TestApp } from '../../helpers/testApp.js';

/**
 * Valid time beside known time through the API (issue 20 item 1), on the seed's Leica partnerships. The seed
 * gives Huawei-Leica no dates of its own but its announcement; these ValidTime claims date its start and its
 * end, with the rumoured end of November 2020 that Huawei denied the same day. Removed again afterwards.
 */
const source = 'source:partnergraph-editors';
const claims = [
  { subject: 'partnership:huawei-leica', event: 'STARTED', on: '2016-02', confidence: 'CONFIRMED', reportedOn: '2016-02-25' },
  { subject: 'partnership:huawei-leica', event: 'ENDED', on: '2020-11-18', confidence: 'RUMORED', reportedOn: '2020-11-18' },
  { subject: 'partnership:huawei-leica', event: 'ENDED', on: '2020-11-18', confidence: 'DENIED', reportedOn: '2020-11-18' },
  { subject: 'partnership:huawei-leica', event: 'ENDED', on: '2022-03-31', confidence: 'CONFIRMED', reportedOn: '2022-05-23' },
  { subject: 'device:xiaomi-12s', event: 'LAUNCH_SCHEDULED', on: '2022-07-04', confidence: 'CONFIRMED', reportedOn: '2022-06-27' },
].map((claim) => ({ type: 'ValidTime', ...claim, sources: [source] }));

let app: TestApp;
const dir = mkdtempSync(path.join(os.tmpdir(), 'partnergraph-valid-time-'));
beforeAll(async () => {
  app = await startTestApp();
  const file = path.join(dir, 'valid-time.jsonl');
  writeFileSync(file, claims.map((claim) => JSON.stringify(claim)).join('\n'));
  await importFiles(app.db, [file], { audit: false });
});
afterAll(async () => {
  await app.db.driver.executeQuery('MATCH (v:ValidTime) WHERE v.sourceIds = [$source] DETACH DELETE v', { source });
  await app.stop();
  rmSync(dir, { recursive: true, force: true });
});

const ACTIVE = `query($asOf: Date, $activeOn: Date, $activeUntil: Date) {
  partnerHistory(brand: "Leica", asOf: $asOf, activeOn: $activeOn, activeUntil: $activeUntil) {
    brands { name }
    span { startedOn startedOnPrecision endedOn start { event } end { event confidence sources { id } } }
  }
}`;
const partnersActive = async (variables: Record<string, string>) => {
  const { data, errors } = await app.graphql(ACTIVE, variables);
  expect(errors).toBeUndefined();
  return data.partnerHistory.map((p: any) => p.brands.map((b: any) => b.name).find((name: string) => name !== 'Leica'));
};

describe('partnerHistory with activeOn (valid time) and asOf (known time)', () => {
  it('answers by valid time alone: partners in force in 2019, and in 2023 after Huawei left', async () => {
    expect(await partnersActive({ activeOn: '2019-01-01', activeUntil: '2019-12-31' })).toEqual(['Panasonic', 'Huawei']);
    expect(await partnersActive({ activeOn: '2023-06-01' })).toEqual(['Panasonic', 'Sharp', 'Xiaomi']);
  });

  it('answers by known time alone: as known on 1 January 2021, Huawei-Leica has no end', async () => {
    const { data } = await app.graphql(
      `{ partnership: node(id: "partnership:huawei-leica@2021-01-01") { ... on Partnership { span { endedOn } validTimes { event on confidence } } } }`,
    );
    expect(data.partnership.span.endedOn).toBeNull();
    expect(data.partnership.validTimes).toEqual([
      { event: 'STARTED', on: '2016-02-01', confidence: 'CONFIRMED' },
      // Same day, same report: the denial's claim id sorts first.
      { event: 'ENDED', on: '2020-11-18', confidence: 'DENIED' },
      { event: 'ENDED', on: '2020-11-18', confidence: 'RUMORED' },
    ]);
  });

  it('combines them: partners in force in 2023 as known today, and as known on 1 January 2022', async () => {
    const in2023 = { activeOn: '2023-01-01', activeUntil: '2023-12-31' };
    expect(await partnersActive(in2023)).toEqual(['Panasonic', 'Sharp', 'Xiaomi']);
    // Huawei's end was reported in May 2022 and Xiaomi's partnership announced then: neither was known on 1 January.
    expect(await partnersActive({ ...in2023, asOf: '2022-01-01' })).toEqual(['Panasonic', 'Huawei', 'Sharp']);
  });

  it('gives an ended partnership its end, with the claim and sources that end it', async () => {
    const { data } = await app.graphql(ACTIVE, {});
    const huawei = data.partnerHistory.find((p: any) => p.brands.some((b: any) => b.name === 'Huawei'));
    expect(huawei.span).toEqual({
      startedOn: '2016-02-01',
      startedOnPrecision: 'MONTH',
      endedOn: '2022-03-31',
      start: { event: 'STARTED' },
      end: { event: 'ENDED', confidence: 'CONFIRMED', sources: [{ id: source }] },
    });
    // Panasonic has no valid-time claim: the record's own start (2001) stands in, and nothing ends it.
    expect(data.partnerHistory[0].span).toMatchObject({ startedOn: '2001-01-01', startedOnPrecision: 'YEAR', endedOn: null });
  });

  it('does not end a partnership on a denied end: in force on 1 December 2020', async () => {
    expect(await partnersActive({ activeOn: '2020-12-01' })).toContain('Huawei');
    expect(await partnersActive({ activeOn: '2020-12-01', asOf: '2020-12-01' })).toContain('Huawei');
  });

  it("gives a device's availability from its launch", async () => {
    const { data } = await app.graphql('{ device(name: "Xiaomi 12S") { availability { startedOn endedOn start { event } } } }');
    expect(data.device.availability).toEqual({ startedOn: '2022-07-04', endedOn: null, start: { event: 'LAUNCH_SCHEDULED' } });
  });

  it('refuses activeUntil without activeOn, or before it, as BAD_USER_INPUT', async () => {
    for (const variables of [{ activeUntil: '2020-01-01' }, { activeOn: '2020-01-02', activeUntil: '2020-01-01' }]) {
      const { errors } = await app.graphql(ACTIVE, variables);
      expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'activeUntil' });
    }
  });
});
