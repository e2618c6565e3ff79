import { closeSync, mkdtempSync, openSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_LIMITS } from '../../../src/config/limits.js';
import type { Database } from '../../../src/store/neo4j/database.js';
import { applyMigrations } from '../../../src/store/neo4j/migrations.js';
import { importFiles, ImportValidationError, listImportFiles } from '../../../src/store/records/importer.js';
import { graphFingerprint, testDatabase } from '../../helpers/database.js';

/** Files an operator was handed: the importer reads them as untrusted input, line by line. */

let db: Database;
const dir = mkdtempSync(path.join(os.tmpdir(), 'partnergraph-untrusted-import-'));

beforeAll(async () => {
  db = testDatabase();
  await applyMigrations(db);
});
afterAll(() => db?.close());

async function rejection(files: string[]): Promise<string> {
  const before = await graphFingerprint(db);
  const error = await importFiles(db, files).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ImportValidationError);
  expect(await graphFingerprint(db)).toBe(before);
  return (error as Error).message;
}

describe('files the importer refuses', () => {
  it('refuses a symbolic link, named on its own or inside a directory, and shows nothing of what it points to', async () => {
    const secret = path.join(dir, 'secret.txt');
    writeFileSync(secret, 'root:x:0:0:root:/root:/bin/bash\n');
    const linkDir = mkdtempSync(path.join(dir, 'links-'));
    const link = path.join(linkDir, 'passwd.jsonl');
    symlinkSync(secret, link);

    for (const files of [[link], listImportFiles(link), listImportFiles(linkDir)]) {
      const message = await rejection(files);
      expect(message).toMatch(/passwd\.jsonl: is a symbolic link/);
      expect(message).not.toContain('root:x');
    }
  });

  it('never echoes the content of a line that is not JSON', async () => {
    const file = path.join(dir, 'notjson.jsonl');
    writeFileSync(file, 'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon\n');
    const message = await rejection([file]);
    expect(message).toMatch(/notjson\.jsonl:1: not valid JSON/);
    expect(message).toMatch(/notjson\.jsonl:2: not valid JSON/);
    expect(message).not.toMatch(/root|daemon/);
  });

  it('refuses bytes that are not UTF-8 with file:line, instead of storing replacement characters', async () => {
    const file = path.join(dir, 'latin1.jsonl');
    const good = JSON.stringify({ type: 'Source', id: 'source:utf8-ok', title: 'fine' });
    const latin1 = Buffer.from(JSON.stringify({ type: 'Brand', id: 'brand:caf-latin1', name: 'Caf\u00e9' }), 'latin1');
    writeFileSync(file, Buffer.concat([Buffer.from(`${good}\n`), latin1, Buffer.from('\n')]));
    const message = await rejection([file]);
    expect(message).toMatch(/latin1\.jsonl:2: not valid UTF-8/);
    expect(message.split('\n')).toHaveLength(2);
  });

  it(`refuses a line over ${IMPORT_LIMITS.lineBytes} bytes without reading it into one string, even in a file over 512 MB`, async () => {
    // Sparse: 600 MB of NUL bytes on no disk. Read whole as UTF-8 it was one string too long for V8 (ERR_STRING_TOO_LONG).
    const file = path.join(dir, 'huge.jsonl');
    const fd = openSync(file, 'w');
    writeSync(fd, Buffer.from('\n'), 0, 1, 600 * 1024 * 1024);
    closeSync(fd);
    const message = await rejection([file]);
    expect(message).toMatch(/huge\.jsonl:1: longer than \d+ bytes/);
  }, 120_000);
});

describe('lines read in chunks', () => {
  it('imports records whose lines and multi-byte characters straddle the read chunks', async () => {
    const file = path.join(dir, 'chunked.jsonl');
    // Titles of just under 2,000 characters of 2- and 3-byte characters put chunk edges inside lines and characters.
    const records = Array.from({ length: 120 }, (_, i) => ({
      type: 'Source',
      id: `source:chunked-${i}`,
      title: `${i} ${'é€'.repeat(900 + (i % 50))}`,
    }));
    writeFileSync(file, records.map((record) => JSON.stringify(record)).join('\r\n') + '\n');
    const summary = await importFiles(db, [file]);
    expect(summary.records).toBe(120);
    const stored = await db.driver.executeQuery("MATCH (s:Source) WHERE s.id STARTS WITH 'source:chunked-' RETURN s.id AS id, s.title AS title ORDER BY id");
    const byId = new Map(stored.records.map((record) => [record.get('id') as string, record.get('title') as string]));
    expect(byId.size).toBe(120);
    for (const record of records) expect(byId.get(record.id)).toBe(record.title);
    await db.driver.executeQuery("MATCH (s:Source) WHERE s.id STARTS WITH 'source:chunked-' DETACH DELETE s");
  });
});
