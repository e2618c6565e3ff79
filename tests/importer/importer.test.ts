import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { applyMigrations } from '../../src/db/migrations.js';
import { importFiles, ImportValidationError } from '../../src/importer/importer.js';
import { seedGraph } from '../../src/importer/seed.js';
import { graphFingerprint, testDatabase } from '../helpers/database.js';

let db: Database;
const dir = mkdtempSync(path.join(os.tmpdir(), 'partnergraph-import-'));

beforeAll(async () => {
  db = testDatabase();
  await applyMigrations(db);
  await seedGraph(db);
});
afterAll(() => db?.close());

function jsonl(name: string, records: unknown[]): string {
  const file = path.join(dir, name);
  writeFileSync(file, records.map((record) => (typeof record === 'string' ? record : JSON.stringify(record))).join('\n'));
  return file;
}

async function expectRejected(file: string, pattern: RegExp) {
  const before = await graphFingerprint(db);
  const error = await importFiles(db, [file]).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ImportValidationError);
  expect((error as Error).message).toMatch(pattern);
  expect(await graphFingerprint(db)).toBe(before);
}

const source = { type: 'Source', id: 'source:test-note', title: 'A test note' };

describe('seed import', () => {
  it('changes nothing when loaded a second time', async () => {
    const before = await graphFingerprint(db);
    const summary = await seedGraph(db);
    expect(summary.records).toBe(54);
    expect(await graphFingerprint(db)).toBe(before);
  });

  it('records the applied migrations in the graph and applies none twice', async () => {
    expect(await applyMigrations(db)).toEqual([]);
    const result = await db.driver.executeQuery('MATCH (m:SchemaMigration) RETURN m.name AS name ORDER BY name');
    expect(result.records.map((r) => r.get('name'))).toEqual([
      '0001_entity_id_constraints',
      '0002_claim_id_constraints',
      '0003_lookup_indexes',
      '0004_fulltext_search',
    ]);
  });
});

describe('invalid input writes nothing', () => {
  it('reports file, line and field for wrong types, unknown enums and missing provenance', async () => {
    const file = jsonl('invalid.jsonl', [
      source,
      { type: 'Brand', id: 'brand:good', name: 'Good' },
      { type: 'Brand', id: 'brand:bad', name: 42 },
      { type: 'Device', id: 'device:x', name: 'X', status: 'LAUNCHED' },
      { type: 'Relationship', relation: 'MADE_BY', from: 'device:xiaomi-12s', to: 'brand:good', confidence: 'REPORTED', reportedOn: '2022-05-25', sources: [] },
      '{not json',
    ]);
    await expectRejected(file, /invalid\.jsonl:3 name: .*\n.*invalid\.jsonl:4 status: .*\n.*invalid\.jsonl:5 sources: needs at least one source\n.*invalid\.jsonl:6: not valid JSON/);
    expect((await db.read('existingEntityIds', { ids: ['brand:good', 'source:test-note'] })).length).toBe(0);
  });

  it('rejects dangling references, duplicate ids, oversized strings and Cypher-looking text is stored verbatim', async () => {
    await expectRejected(
      jsonl('dangling.jsonl', [source, { type: 'Leak', id: 'leak:ghost', summary: 'x', devices: ['device:does-not-exist'], confidence: 'RUMORED', reportedOn: '2022-01-01', sources: ['source:test-note'] }]),
      /dangling\.jsonl:2 devices\.0: refers to device:does-not-exist/,
    );
    await expectRejected(jsonl('duplicate.jsonl', [source, source]), /duplicate\.jsonl:2 id: duplicate id "source:test-note", first defined at .*duplicate\.jsonl:1/);
    await expectRejected(jsonl('oversized.jsonl', [{ ...source, title: 'x'.repeat(5000) }]), /oversized\.jsonl:1 title: /);
    await expectRejected(jsonl('baddate.jsonl', [{ ...source, publishedOn: '2022-02-30' }]), /baddate\.jsonl:1 publishedOn: is not a calendar date/);

    const hostile = "x' }) DETACH DELETE n //";
    await importFiles(db, [jsonl('hostile.jsonl', [{ type: 'Brand', id: 'brand:hostile', name: hostile }])]);
    const stored = await db.read('entitiesByIds', { ids: ['brand:hostile'] });
    expect((stored[0]!.node as { name: string }).name).toBe(hostile);
    await db.driver.executeQuery("MATCH (n {id: 'brand:hostile'}) DETACH DELETE n");
  });
});
