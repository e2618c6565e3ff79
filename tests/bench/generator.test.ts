import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDataSet } from '../../bench/generator.js';
import type { Database } from '../../src/store/neo4j/database.js';
import { importFiles } from '../../src/store/records/importer.js';
import { testDatabase } from '../helpers/database.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'partnergraph-bench-generator-'));
let db: Database | undefined;
afterAll(async () => {
  await db?.close();
  rmSync(dir, { recursive: true, force: true });
});

const read = (files: string[]) => files.map((file) => readFileSync(file, 'utf8')).join('');

describe('bench data generator', () => {
  it('writes the same data set for the same seed, and another for another seed', () => {
    const first = generateDataSet({ scale: 0.002, seed: 7, dir: path.join(dir, 'a') });
    const again = generateDataSet({ scale: 0.002, seed: 7, dir: path.join(dir, 'b') });
    const other = generateDataSet({ scale: 0.002, seed: 8, dir: path.join(dir, 'c') });
    expect(read(again.files)).toBe(read(first.files));
    expect(read(other.files)).not.toBe(read(first.files));
    expect(first.byType).toMatchObject({ Brand: 20, Chip: 10, Device: 100, Partnership: 20, Leak: 200, Source: 300 });
  });

  it('passes the importer validation: schemas, unique ids, every reference defined', async () => {
    const dataSet = generateDataSet({ scale: 0.002, seed: 42, dir: path.join(dir, 'valid') });
    db = testDatabase();
    const summary = await importFiles(db, dataSet.files, { dryRun: true });
    expect(summary).toMatchObject({ records: dataSet.records, byType: dataSet.byType, dryRun: true });
  });

  it('skews devices and leaks towards a few brands', () => {
    const dataSet = generateDataSet({ scale: 0.02, seed: 42, dir: path.join(dir, 'skew') });
    const makers = readFileSync(
      dataSet.files.find((file) => file.endsWith('relationships.jsonl'))!,
      'utf8',
    )
      .split('\n')
      .filter((line) => line.includes('"relation":"MADE_BY","from":"device:'))
      .map((line) => JSON.parse(line) as { from: string; to: string });
    const devicesPerBrand = new Map<string, Set<string>>();
    for (const { from, to } of makers) devicesPerBrand.set(to, (devicesPerBrand.get(to) ?? new Set()).add(from));
    const counts = [...devicesPerBrand.values()].map((devices) => devices.size).sort((a, b) => b - a);
    const topFifth = counts.slice(0, Math.ceil(dataSet.sizes.brands / 5)).reduce((sum, count) => sum + count, 0);
    expect(topFifth / dataSet.sizes.devices).toBeGreaterThan(0.5);
  });
});
