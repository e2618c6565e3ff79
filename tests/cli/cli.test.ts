import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HELP } from '../../src/cli/commandLine.js';
import { projectRoot } from '../../src/config/config.js';
import type { Database } from '../../src/store/neo4j/database.js';
import { applyMigrations } from '../../src/store/neo4j/migrations.js';
import { exportGraph } from '../../src/store/records/exporter.js';
import { importFiles } from '../../src/store/records/importer.js';
import { seedDir, seedGraph } from '../../src/store/records/seed.js';
import { graphFingerprint, neo4jEnv, testDatabase } from '../helpers/database.js';
import { graphContent } from '../helpers/graphContent.js';

// The built CLI (npm test builds first), on the run's Neo4j through NEO4J_URI.
const cli = path.join(projectRoot, 'dist', 'src', 'cli', 'main.js');
const dir = mkdtempSync(path.join(os.tmpdir(), 'partnergraph-cli-'));
let db: Database;

beforeAll(async () => {
  db = testDatabase();
  await applyMigrations(db);
  await seedGraph(db, [seedDir]);
});
afterAll(() => db?.close());

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function partnergraph(args: string[], whileRunning?: (child: ReturnType<typeof spawn>, stderr: () => string) => void): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], {
      cwd: dir,
      env: { ...process.env, ...neo4jEnv() },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    whileRunning?.(child, () => stderr);
  });
}

describe('partnergraph command line', () => {
  it('prints the help on --help and exits 0', async () => {
    const run = await partnergraph(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe(HELP.trim());
  });

  it('exits 2 with the help on an unknown command or option', async () => {
    for (const args of [['frobnicate'], ['import', 'x.jsonl', '--force'], ['export']]) {
      const run = await partnergraph(args);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('Usage: npx partnergraph <command> [options]');
      expect(run.stdout).toBe('');
    }
  });

  it('reports each invalid record as file:line field and exits 1, writing nothing; --dry-run accepts a valid file', async () => {
    writeFileSync(
      path.join(dir, 'bad.jsonl'),
      [
        '{"type":"Source","id":"source:cli-ok","title":"ok"}',
        '{"type":"Brand","id":"brand:cli","name":7}',
        '{"type":"Chip","id":"chip:x","name":"X","speed":"fast"}',
      ].join('\n'),
    );
    const before = await graphFingerprint(db);
    const run = await partnergraph(['import', 'bad.jsonl']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('2 problem(s) in 2 record(s); nothing was written');
    expect(run.stderr).toContain('bad.jsonl:2 name: Invalid input: expected string, received number');
    expect(run.stderr).toContain('bad.jsonl:3: Unrecognized key: "speed"');
    expect(await graphFingerprint(db)).toBe(before);

    const dryRun = await partnergraph(['import', path.join(projectRoot, 'seed'), '--dry-run']);
    expect(dryRun.code).toBe(0);
    expect(dryRun.stdout).toContain('valid: 54 records in 1 file(s)');
    expect(await graphFingerprint(db)).toBe(before);
  });

  it('exports the same file as the exporter, and reports progress on stderr', async () => {
    const run = await partnergraph(['export', 'graph.jsonl']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^exported \d+ records \(Source \d+, Brand \d+/);
    expect(run.stderr).toMatch(/export: \d+\/\d+ records \(100%\), \d+ records\/s, done\n$/);
    await exportGraph(db, path.join(dir, 'direct.jsonl'));
    expect(readFileSync(path.join(dir, 'graph.jsonl'), 'utf8')).toBe(readFileSync(path.join(dir, 'direct.jsonl'), 'utf8'));
  });

  it('stops on Ctrl-C after a committed batch, exits 130, and resumes there on the next run', async () => {
    const file = path.join(dir, 'many-sources.jsonl');
    const count = 600;
    writeFileSync(
      file,
      Array.from({ length: count }, (_, i) => JSON.stringify({ type: 'Source', id: `source:cli-interrupt-${i}`, title: `Interrupted import ${i}` })).join('\n'),
    );
    const removeThem = () => db.driver.executeQuery("MATCH (s:Source) WHERE s.id STARTS WITH 'source:cli-interrupt-' DETACH DELETE s");
    const checkpoint = async () => {
      const result = await db.driver.executeQuery('MATCH (run:ImportRun) RETURN run.recordsDone AS done');
      return result.records.map((record) => Number(record.get('done')));
    };

    try {
      const interrupted = await partnergraph(['import', file, '--batch-size', '1'], (child) => {
        // One Ctrl-C once the first batches have committed with their checkpoint (a second one quits at once).
        let sent = false;
        const poll = setInterval(() => {
          void checkpoint().then((done) => {
            if (!sent && done.length > 0 && done[0]! >= 5) {
              sent = true;
              clearInterval(poll);
              child.kill('SIGINT');
            }
          });
        }, 100);
        child.on('close', () => clearInterval(poll));
      });
      expect(interrupted.code).toBe(130);
      const stoppedAt = Number(/import interrupted after record (\d+) of 600; run the same import again to resume there/.exec(interrupted.stderr)?.[1]);
      expect(stoppedAt).toBeGreaterThanOrEqual(5);
      expect(stoppedAt).toBeLessThan(count);
      expect(await checkpoint()).toEqual([stoppedAt]);

      const resumed = await partnergraph(['import', file, '--batch-size', '100']);
      expect(resumed.code).toBe(0);
      expect(resumed.stderr).toContain(`resuming at record ${stoppedAt} of 600`);
      expect(resumed.stdout).toMatch(/^imported 600 records \(Source 600\)/);
      expect(await checkpoint()).toEqual([]);
      const afterResume = await graphContent(db);
      await removeThem();
      await importFiles(db, [file]);
      expect(await graphContent(db)).toBe(afterResume);
    } finally {
      await removeThem();
      await db.driver.executeQuery('MATCH (run:ImportRun) DELETE run');
    }
  });
});
