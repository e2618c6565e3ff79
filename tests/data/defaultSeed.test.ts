import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config/config.js';
import { startEmbeddedNeo4j, type RunningNeo4j } from '../../src/store/neo4j/embeddedNeo4j.js';
import { defaultSeed } from '../../src/store/records/seed.js';
import { startTestApp, type TestApp } from '../helpers/testApp.js';

/**
 * The README's first example questions, asked as the README writes them of what `npm start` serves: the default
 * seed (seed/, then the imaging dataset). The dataset shares ids with the article's records that other test files
 * assert, so this app seeds a Neo4j of its own, in a throwaway directory.
 */

/** The README's ```graphql block that defines `query <name>`. */
function readmeQuery(name: string): string {
  const readme = readFileSync(path.join(projectRoot, 'README.md'), 'utf8');
  const block = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1]!).find((text) => text.includes(`query ${name} `));
  if (!block) throw new Error(`README.md has no query ${name}`);
  return block;
}

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'partnergraph-default-seed-neo4j-'));
let neo4j: RunningNeo4j;
let app: TestApp;

beforeAll(async () => {
  neo4j = await startEmbeddedNeo4j({ dataDir, boltPort: 0, pageCacheMb: 32, heapMb: 384 }, () => {});
  app = await startTestApp({ NEO4J_URI: neo4j.uri, NEO4J_USERNAME: neo4j.username, NEO4J_PASSWORD: neo4j.password, SEED_PATHS: defaultSeed.join(',') });
}, 300_000);
afterAll(async () => {
  await app?.stop();
  await neo4j?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function ask(name: string) {
  const { data, errors } = await app.graphql(readmeQuery(name));
  expect(errors).toBeUndefined();
  return data;
}

describe("the README's example questions on the default seed", () => {
  it('LeicaPartnerships: Xiaomi, Sharp, Huawei (started 2015, ended 2022-03-31) and Panasonic, with their sources', async () => {
    const data = await ask('LeicaPartnerships');
    type Day = { text: string; precision?: string } | null;
    type Edge = {
      confidence: string;
      node: { kind: string; announced: Day; started: Day; ended: Day; brands: { name: string }[] };
      sources: { publisher: string | null }[];
    };
    const byPartner = new Map(
      (data.brand.partnershipsConnection.edges as Edge[]).map((edge) => [edge.node.brands.map(({ name }) => name).find((name) => name !== 'Leica'), edge]),
    );
    expect([...byPartner.keys()].sort()).toEqual(['Huawei', 'Panasonic', 'Sharp', 'Xiaomi']);
    const publishers = (partner: string) => [...new Set(byPartner.get(partner)!.sources.map(({ publisher }) => publisher))].sort();
    expect(byPartner.get('Xiaomi')).toMatchObject({ confidence: 'CONFIRMED', node: { announced: { text: '2022-05-23', precision: 'DAY' } } });
    expect(publishers('Xiaomi')).toEqual(['Gadgets 360', 'LatestLY (ANI)', 'Neowin', 'South China Morning Post']);
    expect(byPartner.get('Sharp')).toMatchObject({ confidence: 'REPORTED', node: { announced: { text: '2021-05-17' } } });
    expect(publishers('Sharp')).toEqual(['Android Police']);
    expect(byPartner.get('Huawei')).toMatchObject({ confidence: 'CONFIRMED', node: { announced: { text: '2016-02-25' }, started: { text: '2015' }, ended: { text: '2022-03-31' } } });
    expect(publishers('Huawei')).toEqual(['Phandroid', 'PhoneWorld', 'TechSpot', 'Technophile PH']);
    expect(byPartner.get('Panasonic')).toMatchObject({
      confidence: 'REPORTED',
      node: { kind: 'CAMERA_SYSTEM', announced: { text: '2006-06', precision: 'MONTH' } },
    });
    expect(publishers('Panasonic')).toEqual(['elvisripley.com (blog)']);
  });

  it('TwelveSChip: the Xiaomi 12S on the Snapdragon 8 Gen 1+ (SM8475) by Qualcomm; the leak\'s codename "diting" speculated', async () => {
    const { device } = await ask('TwelveSChip');
    expect(device).toMatchObject({
      name: 'Xiaomi 12S',
      modelNumber: '2206123SC',
      chip: { name: 'Snapdragon 8 Gen 1+', partNumber: 'SM8475', vendor: { name: 'Qualcomm' } },
    });
    const spec = (key: string) => device.specs.filter((claim: { key: string }) => claim.key === key).map(({ value, confidence }: any) => ({ value, confidence }));
    expect(spec('identity.codename')).toEqual([{ value: 'diting', confidence: 'SPECULATED' }]);
    expect(spec('display.refreshRateHz')).toEqual([{ value: '120', confidence: 'RUMORED' }]);
    expect(spec('camera.main.megapixels')).toEqual([{ value: '50', confidence: 'SPECULATED' }]);
  });

  it('UnicornLeaks: the Xiaomi 12S Pro, spotted in the IMEI database (April 2022, reported)', async () => {
    const { device } = await ask('UnicornLeaks');
    expect(device.name).toBe('Xiaomi 12S Pro');
    expect(device.leaksConnection.edges).toEqual([
      expect.objectContaining({
        confidence: 'REPORTED',
        node: expect.objectContaining({ platform: 'IMEI database', reported: { text: '2022-04', precision: 'MONTH' } }),
      }),
    ]);
  });
});
