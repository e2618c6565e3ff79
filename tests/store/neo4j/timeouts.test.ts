import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { Database } from '../../../src/store/neo4j/database.js';
import { EmbeddedNeo4jError, chooseBoltPort, startEmbeddedNeo4j } from '../../../src/store/neo4j/embeddedNeo4j.js';
import { neo4jConnection } from '../../helpers/database.js';
import { startTestApp } from '../../helpers/testApp.js';

it('stops a read past the Neo4j transaction timeout with TIMEOUT', async () => {
  const db = new Database({ ...neo4jConnection(), readTimeoutMs: 300 });
  try {
    const started = performance.now();
    const slowCount = 'UNWIND range(1, 10000000000) AS n WITH n WHERE n < 0 RETURN count(n) AS found';
    await expect(db.readText('slowCount', slowCount, {})).rejects.toMatchObject({ extensions: { code: 'TIMEOUT' } });
    expect(performance.now() - started).toBeLessThan(10_000);
  } finally {
    await db.close();
  }
});

it('answers a request past its deadline with 503 TIMEOUT instead of hanging', async () => {
  const app = await startTestApp({ SEED_ON_START: 'false', REQUEST_TIMEOUT_MS: '1' });
  try {
    const response = await fetch(`${app.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ brands { edges { node { name partners { name } } } } }' }),
    });
    expect(response.status).toBe(503);
    expect((await response.json()).errors[0].extensions.code).toBe('TIMEOUT');
  } finally {
    await app.stop();
  }
});

it('explains in one paragraph that an explicitly chosen Bolt port is taken', async () => {
  const squatter = createServer();
  await new Promise<void>((resolve) => squatter.listen(0, '127.0.0.1', resolve));
  const { port } = squatter.address() as { port: number };
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'partnergraph-port-'));
  try {
    const start = startEmbeddedNeo4j({ dataDir, boltPort: port, boltPortFallback: false, pageCacheMb: 32, heapMb: 256 }, () => {});
    await expect(start).rejects.toBeInstanceOf(EmbeddedNeo4jError);
    await expect(start).rejects.toThrow(new RegExp(`^Port ${port} on 127.0.0.1 is already in use.*NEO4J_BOLT_PORT`));
  } finally {
    squatter.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

it('listens on a free port instead when the default Bolt port is taken and NEO4J_BOLT_PORT was not set', async () => {
  const squatter = createServer();
  await new Promise<void>((resolve) => squatter.listen(0, '127.0.0.1', resolve));
  const { port } = squatter.address() as { port: number };
  const said: string[] = [];
  try {
    const config = { dataDir: os.tmpdir(), boltPort: port, pageCacheMb: 32, heapMb: 256 };
    expect(await chooseBoltPort({ ...config, boltPortFallback: true }, (message) => said.push(message))).toBe(0);
    expect(said).toEqual([`Bolt port ${port} is taken; the embedded Neo4j listens on a free port instead.`]);
    await expect(chooseBoltPort({ ...config, boltPortFallback: false }, () => {})).rejects.toBeInstanceOf(EmbeddedNeo4jError);
  } finally {
    await new Promise((resolve) => squatter.close(resolve));
  }
  // Free again: the configured port itself.
  expect(await chooseBoltPort({ dataDir: os.tmpdir(), boltPort: port, boltPortFallback: true, pageCacheMb: 32, heapMb: 256 }, () => {})).toBe(port);
});
