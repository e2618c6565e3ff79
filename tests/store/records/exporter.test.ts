import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/store/neo4j/database.js';
import { applyMigrations } from '../../../src/store/neo4j/migrations.js';
import { exportGraph } from '../../../src/store/records/exporter.js';
import { importFiles } from '../../../src/store/records/importer.js';
import { ImportRecord, WRITE_ORDER, idOf } from '../../../src/model/records.js';
import { seedDir, seedGraph } from '../../../src/store/records/seed.js';
import { graphFingerprint, testDatabase } from '../../helpers/database.js';
import { dataNodeCount, emptyDatabase, graphContent, saveGraphForRestore } from '../../helpers/graphContent.js';

let db: Database;
let saved: { restore(): Promise<void> };
let before: { content: string; counts: unknown };
const dir = mkdtempSync(path.join(os.tmpdir(), 'partnergraph-export-'));

beforeAll(async () => {
  db = testDatabase();
  await applyMigrations(db);
  await seedGraph(db, [seedDir]);
  before = { content: await graphContent(db), counts: await labelAndTypeCounts() };
  saved = await saveGraphForRestore();
});

afterAll(async () => {
  await saved.restore();
  expect({ content: await graphContent(db), counts: await labelAndTypeCounts() }).toEqual(before);
  await db.close();
});

/** graphFingerprint's node and relationship counts; its property part depends on property order, which a restore may change. */
const labelAndTypeCounts = async () => (JSON.parse(await graphFingerprint(db)) as unknown[]).slice(0, 2);
const lines = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '');
const seedLines = () => lines(path.join(seedDir, '001-xiaomi-12s-leica-leak.jsonl'));

describe('export', () => {
  it('writes the seeded graph back as the seed records, line for line, types in write order and ids sorted', async () => {
    await emptyDatabase(db);
    await seedGraph(db, [seedDir]);
    const file = path.join(dir, 'seeded.jsonl');
    const progress: Array<[number, number]> = [];
    const summary = await exportGraph(db, file, { pageSize: 4, onProgress: (done, total) => progress.push([done, total]) });

    const exported = lines(file);
    expect([...exported].sort()).toEqual([...seedLines()].sort());
    expect(summary).toEqual({ records: 54, byType: { Source: 2, Brand: 6, Chip: 1, Device: 3, Partnership: 4, Leak: 3, Relationship: 12, Spec: 23 } });

    const keys = exported.map((line) => {
      const record = ImportRecord.parse(JSON.parse(line));
      return [WRITE_ORDER.indexOf(record.type), idOf(record)] as const;
    });
    const sorted = [...keys].sort(([typeA, idA], [typeB, idB]) => typeA - typeB || (idA < idB ? -1 : idA > idB ? 1 : 0));
    expect(keys).toEqual(sorted);
    expect(progress.at(-1)).toEqual([54, 54]);
    expect(progress.length).toBeGreaterThan(54 / 4);
    expect(existsSync(`${file}.partial`)).toBe(false);
  });

  it('round trip: export, import into an empty database, export again gives the same file and the same graph', async () => {
    await emptyDatabase(db);
    await seedGraph(db, [seedDir]);
    const seededContent = await graphContent(db);
    const seededFingerprint = await graphFingerprint(db);
    const first = path.join(dir, 'first.jsonl');
    await exportGraph(db, first, { pageSize: 5 });

    await emptyDatabase(db);
    expect(await dataNodeCount(db)).toBe(0);
    // Without audit entries, as the seed it is compared with loaded: the fingerprint counts every label.
    await importFiles(db, [first], { batchSize: 7, audit: false });
    const second = path.join(dir, 'second.jsonl');
    await exportGraph(db, second);

    expect(readFileSync(second, 'utf8')).toBe(readFileSync(first, 'utf8'));
    expect(await graphFingerprint(db)).toBe(seededFingerprint);
    expect(await graphContent(db)).toBe(seededContent);
  });

  it('exports an empty graph as an empty file', async () => {
    await emptyDatabase(db);
    const file = path.join(dir, 'empty.jsonl');
    expect(await exportGraph(db, file)).toEqual({ records: 0, byType: {} });
    expect(readFileSync(file, 'utf8')).toBe('');
  });
});
