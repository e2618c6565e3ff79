import { copyFileSync, mkdtempSync, appendFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/store/neo4j/database.js';
import { applyMigrations } from '../../../src/store/neo4j/migrations.js';
import { importFiles, ImportInterruptedError, type ImportOptions } from '../../../src/store/records/importer.js';
import { seedDir, seedGraph } from '../../../src/store/records/seed.js';
import { testDatabase } from '../../helpers/database.js';
import { emptyDatabase, graphContent, saveGraphForRestore } from '../../helpers/graphContent.js';

let db: Database;
let saved: { restore(): Promise<void> };
let cleanImport: string;
const dir = mkdtempSync(path.join(os.tmpdir(), 'partnergraph-resume-'));
const seedFile = path.join(seedDir, '001-xiaomi-12s-leica-leak.jsonl');
// Batches are per type: 2 sources, 5+1 brands, 1 chip, 3 devices, 4 partnerships, 3 leaks, 5+5+2 relationships, 5×4+3 specs.
const batchSize = 5;

beforeAll(async () => {
  db = testDatabase();
  await applyMigrations(db);
  await seedGraph(db, [seedDir]);
  saved = await saveGraphForRestore();
  await emptyDatabase(db);
  await importFiles(db, [seedFile], { batchSize });
  cleanImport = await graphContent(db);
});

afterAll(async () => {
  await saved.restore();
  await db.close();
});

/** Runs the import with an abort signal raised once `stopAt` records are committed. */
async function importStoppingAt(file: string, stopAt: number, options: ImportOptions = {}) {
  const controller = new AbortController();
  const error = await importFiles(db, [file], {
    batchSize,
    signal: controller.signal,
    onProgress: (written) => {
      if (written >= stopAt) controller.abort();
    },
    ...options,
  }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ImportInterruptedError);
  return error as ImportInterruptedError;
}

async function countOf(label: string): Promise<number> {
  const result = await db.driver.executeQuery(`MATCH (n:${label}) RETURN count(n) AS count`);
  return Number(result.records[0]!.get('count'));
}

async function checkpoint(): Promise<number | null> {
  const result = await db.driver.executeQuery('MATCH (run:ImportRun) RETURN run.recordsDone AS done');
  expect(result.records.length).toBeLessThanOrEqual(1);
  return result.records.length === 0 ? null : Number(result.records[0]!.get('done'));
}

describe('an interrupted import', () => {
  it('keeps its committed batches and checkpoint, then resumes after them and ends equal to a clean import', async () => {
    await emptyDatabase(db);
    const stopped = await importStoppingAt(seedFile, 10);
    // Sources, brands and the chip (9 records) and the 3 devices committed; nothing after them.
    expect([stopped.recordsDone, stopped.total]).toEqual([12, 54]);
    expect(stopped.message).toBe('import interrupted after record 12 of 54; run the same import again to resume there');
    expect(await checkpoint()).toBe(12);
    expect([await countOf('Source'), await countOf('Brand'), await countOf('Chip'), await countOf('Device')]).toEqual([2, 6, 1, 3]);
    expect([await countOf('Partnership'), await countOf('Leak'), await countOf('Spec')]).toEqual([0, 0, 0]);

    const dryRun = await importFiles(db, [seedFile], { dryRun: true });
    expect(dryRun.resumedAt).toBe(12);

    const resumes: Array<[number, number]> = [];
    const progress: number[] = [];
    const summary = await importFiles(db, [seedFile], {
      batchSize,
      onResume: (done, total) => resumes.push([done, total]),
      onProgress: (written) => progress.push(written),
    });
    expect(resumes).toEqual([[12, 54]]);
    expect(summary.resumedAt).toBe(12);
    // Only the batches after the checkpoint were written: partnerships, leaks, relationships, specs.
    expect(progress).toEqual([12, 16, 19, 24, 29, 31, 36, 41, 46, 51, 54]);
    expect(await checkpoint()).toBeNull();
    expect(await graphContent(db)).toBe(cleanImport);
  });

  it('resumes after a crash between batches, twice, and after a stop in the device refresh', async () => {
    await emptyDatabase(db);
    const crash = await importFiles(db, [seedFile], {
      batchSize,
      onProgress: (written) => {
        if (written >= 20) throw new Error('simulated crash');
      },
    }).catch((e: unknown) => e);
    expect((crash as Error).message).toBe('simulated crash');
    expect(await checkpoint()).toBe(24);

    const second = await importStoppingAt(seedFile, 40, { onResume: (done) => expect(done).toBe(24) });
    expect(second.recordsDone).toBe(41);
    expect(await checkpoint()).toBe(41);

    // Every record is in, but the devices' derived fields (model numbers, codenames) are not refreshed yet.
    const inRefresh = await importStoppingAt(seedFile, 54);
    expect(inRefresh.recordsDone).toBe(54);
    const unrefreshed = await db.driver.executeQuery("MATCH (d:Device {id: 'device:xiaomi-12s'}) RETURN d.modelNumber AS modelNumber");
    expect(unrefreshed.records[0]!.get('modelNumber')).toBeNull();
    expect(await checkpoint()).toBe(54);

    const resumes: number[] = [];
    const summary = await importFiles(db, [seedFile], { batchSize, onResume: (done) => resumes.push(done) });
    expect(resumes).toEqual([54]);
    expect(summary.resumedAt).toBe(54);
    expect(await checkpoint()).toBeNull();
    expect(await graphContent(db)).toBe(cleanImport);
  });

  it('is not resumed by an import of different contents, which starts from the first record', async () => {
    await emptyDatabase(db);
    await importStoppingAt(seedFile, 10);
    const changed = path.join(dir, 'changed.jsonl');
    copyFileSync(seedFile, changed);
    appendFileSync(changed, '{"type":"Brand","id":"brand:extra","name":"Extra"}\n');
    const progress: number[] = [];
    const summary = await importFiles(db, [changed], { batchSize, onProgress: (written) => progress.push(written) });
    expect(summary.resumedAt).toBe(0);
    expect(progress[0]).toBe(0);
    expect(summary.records).toBe(55);
    // The stale checkpoint of the interrupted run stays until that import is run again.
    expect(await checkpoint()).toBe(12);
    await importFiles(db, [seedFile], { batchSize });
    expect(await checkpoint()).toBeNull();
  });
});
