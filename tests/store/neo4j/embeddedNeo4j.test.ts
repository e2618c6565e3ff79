import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { expect, it } from 'vitest';
import { isAlive } from '../../../soak/serverProcess.js';
import { projectRoot } from '../../../src/config/config.js';

it('leaves no JVM behind when the Node parent is killed with SIGKILL', async () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'partnergraph-orphan-'));
  // The parent is the built module (npm test builds first), so no cleanup code of ours can run in it.
  const parent = spawn(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `const { startEmbeddedNeo4j } = await import(${JSON.stringify(path.join(projectRoot, 'dist/src/store/neo4j/embeddedNeo4j.js'))});
       const neo4j = await startEmbeddedNeo4j({ dataDir: ${JSON.stringify(dataDir)}, boltPort: 0, pageCacheMb: 32, heapMb: 256 }, () => {});
       console.log('JVM ' + neo4j.pid);
       setInterval(() => {}, 1000);`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const jvmPid = await new Promise<number>((resolve, reject) => {
    readline.createInterface({ input: parent.stdout }).on('line', (line) => {
      if (line.startsWith('JVM ')) resolve(Number(line.slice(4)));
    });
    parent.once('exit', (code) => reject(new Error(`parent exited early with ${code}`)));
  });
  expect(isAlive(jvmPid)).toBe(true);

  parent.kill('SIGKILL');
  const deadline = Date.now() + 60_000;
  while (isAlive(jvmPid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
  expect(isAlive(jvmPid)).toBe(false);
  rmSync(dataDir, { recursive: true, force: true });
}, 120_000);
