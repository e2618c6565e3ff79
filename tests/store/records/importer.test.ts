import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/store/neo4j/database.js';
import { applyMigrations } from '../../../src/store/neo4j/migrations.js';
import { importFiles, ImportValidationError } from '../../../src/store/records/importer.js';
import { seedDir, seedGraph } from '../../../src/store/records/seed.js';
import { graphFingerprint, testDatabase } from '../../helpers/database.js';
import { EntityRepository } from '../../../src/store/reads/entityRepository.js';

let db: Database;
const dir = mkdtempSync(path.join(os.tmpdir(), 'partnergraph-import-'));

beforeAll(async () => {
  db = testDatabase();
  await applyMigrations(db);
  await seedGraph(db, [seedDir]);
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
    const summary = await seedGraph(db, [seedDir]);
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
      '0005_change_log',
      '0006_change_sequence',
      '0007_deployment_secret',
      '0008_valid_time_claim_ids',
      '0009_lookup_key_nodes',
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
    await expectRejected(
      file,
      /invalid\.jsonl:3 name: .*\n.*invalid\.jsonl:4 status: .*\n.*invalid\.jsonl:5 sources: needs at least one source\n.*invalid\.jsonl:6: not valid JSON/,
    );
    expect((await db.read('existingEntityIds', { ids: ['brand:good', 'source:test-note'] })).length).toBe(0);
  });

  it('rejects dangling references, duplicate ids, oversized strings and Cypher-looking text is stored verbatim', async () => {
    await expectRejected(
      jsonl('dangling.jsonl', [
        source,
        {
          type: 'Leak',
          id: 'leak:ghost',
          summary: 'x',
          devices: ['device:does-not-exist'],
          confidence: 'RUMORED',
          reportedOn: '2022-01-01',
          sources: ['source:test-note'],
        },
      ]),
      /dangling\.jsonl:2 devices\.0: refers to device:does-not-exist/,
    );
    await expectRejected(
      jsonl('duplicate.jsonl', [source, source]),
      /duplicate\.jsonl:2 id: duplicate id "source:test-note", first defined at .*duplicate\.jsonl:1/,
    );
    await expectRejected(jsonl('oversized.jsonl', [{ ...source, title: 'x'.repeat(5000) }]), /oversized\.jsonl:1 title: /);
    await expectRejected(jsonl('baddate.jsonl', [{ ...source, publishedOn: '2022-02-30' }]), /baddate\.jsonl:1 publishedOn: is not a calendar date/);

    const hostile = "x' }) DETACH DELETE n //";
    await importFiles(db, [jsonl('hostile.jsonl', [{ type: 'Brand', id: 'brand:hostile', name: hostile }])]);
    const stored = await new EntityRepository(db).byIds(['brand:hostile']);
    expect((stored.get('brand:hostile') as { name: string } | undefined)?.name).toBe(hostile);
    await db.driver.executeQuery("MATCH (n {id: 'brand:hostile'}) DETACH DELETE n");
  });
});

describe('bad input: each problem named by file:line field, and nothing written', () => {
  const claim = { confidence: 'RUMORED', reportedOn: '2022-05', sources: ['source:test-note'] };
  const many = (count: number, make: (i: number) => string) => Array.from({ length: count }, (_, i) => make(i));

  it.each([
    ['a wrong type', { type: 'Brand', id: 'brand:typed', name: 'T', aliases: 'T Corp' }, 'aliases: Invalid input: expected array, received string'],
    [
      'a number for a date',
      { type: 'Device', id: 'device:typed', name: 'T', status: 'RUMORED', announcedOn: 2022 },
      'announcedOn: Invalid input: expected string, received number',
    ],
    [
      'a missing confidence',
      { type: 'Relationship', relation: 'MADE_BY', from: 'device:xiaomi-12s', to: 'brand:xiaomi', reportedOn: '2022', sources: ['source:test-note'] },
      'confidence: is required',
    ],
    [
      'a missing reportedOn',
      { type: 'Spec', device: 'device:xiaomi-12s', key: 'display.sizeInches', value: '6.28', confidence: 'RUMORED', sources: ['source:test-note'] },
      'reportedOn: is required',
    ],
    [
      'missing sources',
      { type: 'Leak', id: 'leak:unsourced', summary: 'x', devices: ['device:xiaomi-12s'], confidence: 'RUMORED', reportedOn: '2022' },
      'sources: is required',
    ],
    [
      'an unknown confidence',
      { type: 'Partnership', id: 'partnership:maybe', kind: 'LICENSING', brands: ['brand:leica', 'brand:sharp'], ...claim, confidence: 'MAYBE' },
      'confidence: Invalid option: expected one of "CONFIRMED"|"REPORTED"|"RUMORED"|"SPECULATED"|"DENIED"',
    ],
    [
      'an unknown relation',
      { type: 'Relationship', relation: 'OWNS', from: 'device:xiaomi-12s', to: 'brand:xiaomi', ...claim },
      'relation: Invalid option: expected one of "MADE_BY"|"USES_CHIP"|"CAMERA_BY"|"COVERS"',
    ],
    ['an unknown role', { type: 'Brand', id: 'brand:roles', name: 'R', roles: ['PHONE_MAKER', 'TOASTER_MAKER'] }, 'roles.1: Invalid option: expected one of'],
    ['an unknown record type', { type: 'Gadget', id: 'gadget:x' }, "type: Invalid discriminator value. Expected 'Source' | 'Brand'"],
    ['an unknown field', { type: 'Chip', id: 'chip:extra', name: 'E', clockGhz: 3 }, ': Unrecognized key: "clockGhz"'],
    ['an oversized string', { type: 'Brand', id: 'brand:long', name: 'x'.repeat(2_001) }, 'name: Too big: expected string to have <=2000 characters'],
    ['an oversized id', { type: 'Brand', id: `brand:${'a'.repeat(200)}`, name: 'Long id' }, 'id: Too big: expected string to have <=200 characters'],
    [
      'an oversized list',
      { type: 'Brand', id: 'brand:aliased', name: 'A', aliases: many(101, (i) => `alias ${i}`) },
      'aliases: Too big: expected array to have <=100 items',
    ],
    [
      'too many sources',
      { type: 'Spec', device: 'device:xiaomi-12s', key: 'display.sizeInches', value: '6.28', ...claim, sources: many(101, (i) => `source:s${i}`) },
      'sources: Too big: expected array to have <=100 items',
    ],
    [
      'a claim between the wrong types',
      { type: 'Relationship', relation: 'USES_CHIP', from: 'device:xiaomi-12s', to: 'brand:xiaomi', ...claim },
      'to: USES_CHIP ends at a chip',
    ],
    [
      'a claim about a device that does not exist',
      { type: 'Relationship', relation: 'USES_CHIP', from: 'device:ghost', to: 'chip:sm8475', ...claim },
      'from: refers to device:ghost, which is neither in this import nor in the graph',
    ],
    [
      'a spec of a device that does not exist',
      { type: 'Spec', device: 'device:ghost', key: 'display.sizeInches', value: '6.28', ...claim },
      'device: refers to device:ghost, which is neither in this import nor in the graph',
    ],
    [
      'a source that does not exist',
      { type: 'Leak', id: 'leak:unknown-source', summary: 'x', devices: ['device:xiaomi-12s'], ...claim, sources: ['source:test-note', 'source:nowhere'] },
      'sources.1: refers to source:nowhere, which is neither in this import nor in the graph',
    ],
  ])('rejects %s', async (_name, record, expected) => {
    const file = jsonl('bad-input.jsonl', [source, record]);
    const before = await graphFingerprint(db);
    const error = await importFiles(db, [file]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportValidationError);
    const problems = (error as ImportValidationError).problems.map((p) => `${p.file.replace(/.*\//, '')}:${p.line} ${p.field ?? ''}: ${p.message}`);
    expect(problems.some((problem) => problem.startsWith(`bad-input.jsonl:2 ${expected}`))).toBe(true);
    expect(problems.every((problem) => problem.startsWith('bad-input.jsonl:2 '))).toBe(true);
    expect(await graphFingerprint(db)).toBe(before);
    expect(await db.read('existingEntityIds', { ids: ['source:test-note'] })).toEqual([]);
  });

  it('rejects a duplicate id, and a duplicate claim, within one import', async () => {
    const claimRecord = { type: 'Relationship', relation: 'MADE_BY', from: 'device:xiaomi-12s', to: 'brand:xiaomi', ...claim };
    const brand = { type: 'Brand', id: 'brand:twice', name: 'Twice' };
    const file = jsonl('duplicates.jsonl', [source, brand, claimRecord, { ...brand, name: 'Twice again' }, { ...claimRecord, confidence: 'CONFIRMED' }]);
    const before = await graphFingerprint(db);
    const error = (await importFiles(db, [file]).catch((e: unknown) => e)) as ImportValidationError;
    expect(error.problems.map((p) => `${p.line} ${p.field}: ${p.message.replace(/at .*duplicates/, 'at duplicates')}`)).toEqual([
      '4 id: duplicate id "brand:twice", first defined at duplicates.jsonl:2',
      '5 undefined: duplicate claim "MADE_BY:device:xiaomi-12s->brand:xiaomi@source:test-note", first defined at duplicates.jsonl:3',
    ]);
    expect(error.message).toMatch(/^2 problem\(s\) in 2 record\(s\); nothing was written:\n/);
    expect(await graphFingerprint(db)).toBe(before);
  });

  it('lists at most 50 problems in the message, and counts the rest', async () => {
    const file = jsonl(
      'many-bad.jsonl',
      many(60, (i) => JSON.stringify({ type: 'Brand', id: `brand:b${i}`, name: '' })),
    );
    const error = (await importFiles(db, [file]).catch((e: unknown) => e)) as ImportValidationError;
    expect(error.problems).toHaveLength(60);
    expect(error.message.split('\n')).toHaveLength(52);
    expect(error.message).toMatch(/60 problem\(s\) in 60 record\(s\); nothing was written:\n[\s\S]*\n {2}\.\.\. and 10 more$/);
  });
});

describe('dry run', () => {
  it('reports the same problems as an import, and writes nothing for a valid file', async () => {
    const bad = jsonl('dry-bad.jsonl', [
      source,
      { type: 'Spec', device: 'device:ghost', key: 'display.sizeInches', value: '6', confidence: 'RUMORED', reportedOn: '2022', sources: ['source:test-note'] },
    ]);
    const error = (await importFiles(db, [bad], { dryRun: true }).catch((e: unknown) => e)) as ImportValidationError;
    expect(error.message).toMatch(/dry-bad\.jsonl:2 device: refers to device:ghost/);

    const good = jsonl('dry-good.jsonl', [source, { type: 'Brand', id: 'brand:dry', name: 'Dry' }]);
    const before = await graphFingerprint(db);
    const progress: number[] = [];
    const summary = await importFiles(db, [good], { dryRun: true, onProgress: (written) => progress.push(written) });
    expect(summary).toEqual({ records: 2, byType: { Source: 1, Brand: 1 }, dryRun: true, resumedAt: 0, changed: null });
    expect(progress).toEqual([]);
    expect(await graphFingerprint(db)).toBe(before);
  });
});
