import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config/config.js';

const out = mkdtempSync(path.join(os.tmpdir(), 'partnergraph-bench-smoke-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** The built bench (npm test builds first), at a tiny scale, two short rounds per operation and contestant. */
function runBench(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(projectRoot, 'dist', 'bench', 'main.js'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

const OPERATIONS = ['devicePage', 'brandPage', 'partnerHistory', 'graphSlice', 'search', 'deviceListPage', 'filteredDeviceList'];

describe('npm run bench (smoke, tiny scale, no timing assertions)', () => {
  it('generates, loads, checks that every contestant gives the same answers, and writes the results', async () => {
    const { code, output } = await runBench([
      '--scale',
      '0.002',
      '--seconds',
      '0.2',
      '--warmup',
      '0',
      '--concurrency',
      '1',
      '--rounds',
      '2',
      '--split-samples',
      '2',
      '--skip-plain',
      '--heap-mb',
      '512',
      '--page-cache-mb',
      '64',
      '--out',
      path.join(out, 'results'),
      '--data-dir',
      path.join(out, 'data'),
    ]);
    expect(code, output).toBe(0);
    for (const operation of OPERATIONS) expect(output).toContain(`answers agree: ${operation}`);

    const report = JSON.parse(readFileSync(path.join(out, 'results', 'latest.json'), 'utf8'));
    expect(readdirSync(path.join(out, 'results')).filter((file) => file.endsWith('.json'))).toHaveLength(2);
    expect(report.machine).toMatch(/cores/);
    expect(report.scale).toMatchObject({ scale: 0.002, sizes: { brands: 20, devices: 100 } });
    expect(report.scale.relationships).toBeGreaterThan(1000);
    expect(report.load.importer.recordsPerSecond).toBeGreaterThan(0);
    expect(report.peakRssMb).toBeGreaterThan(0);
    expect(report.operations.map((operation: { name: string }) => operation.name)).toEqual(OPERATIONS);
    for (const operation of report.operations) {
      expect(operation).toMatchObject({ concurrency: 1, roundTrips: expect.any(Number) });
      expect(operation.roundTrips).toBeGreaterThanOrEqual(1);
      for (const contestant of ['ours', 'rawCypher']) {
        expect(operation.contestants[contestant]).toMatchObject({
          p50Ms: expect.any(Number),
          p95Ms: expect.any(Number),
          p99Ms: expect.any(Number),
          rps: expect.any(Number),
          errors: 0,
        });
      }
      const peerCannot = operation.name === 'graphSlice' || operation.name === 'search';
      if (peerCannot) {
        expect(operation.contestants.neo4jGraphql).toBeNull();
        expect(operation.neo4jGraphqlUnsupported).toEqual(expect.any(String));
      } else {
        expect(operation.contestants.neo4jGraphql).toMatchObject({ p50Ms: expect.any(Number), errors: 0 });
        expect(operation.ratios.oursToPeerRps).toEqual(expect.any(Number));
        expect(operation.contestants.neo4jGraphql.rounds).toHaveLength(2);
        expect(operation.contestants.neo4jGraphql.cpu.apiMsPerRequest).toEqual(expect.any(Number));
      }
      expect(operation.ratios.oursToRawP50).toEqual(expect.any(Number));
      expect(operation.ratioSpreads.oursToRawP50).toEqual({ min: expect.any(Number), max: expect.any(Number) });
      expect(operation.ratioSpreads.oursToRawP50.min).toBeLessThanOrEqual(operation.ratioSpreads.oursToRawP50.max);
      expect(operation.contestants.ours.rounds).toHaveLength(2);
      expect(operation.contestants.rawCypher.rounds).toHaveLength(2);
      expect(operation.contestants.ours.cpu).toEqual({
        jvmMsPerRequest: expect.any(Number),
        apiMsPerRequest: expect.any(Number),
        loadGeneratorMsPerRequest: expect.any(Number),
      });
      expect(operation.contestants.rawCypher.cpu).toMatchObject({ jvmMsPerRequest: expect.any(Number), apiMsPerRequest: null });
      for (const split of [operation.profile.oursSplit, operation.profile.rawSplit]) {
        expect(split).toEqual({
          samples: 2,
          resultAvailableAfterMs: expect.any(Number),
          resultConsumedAfterMs: expect.any(Number),
          driverMs: expect.any(Number),
        });
        expect(split.driverMs).toBeGreaterThan(0);
      }
    }
    expect(report.settings).toMatchObject({ rounds: 2, splitSamples: 2 });
    expect(output).toContain('CPU per request');
  }, 300_000);
});
