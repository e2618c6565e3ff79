import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedNeo4j } from '../src/store/neo4j/embeddedNeo4j.js';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
    /** The credentials of the run's embedded Neo4j, which refuses anyone without them. */
    neo4jUsername: string;
    neo4jPassword: string;
  }
}

/** One real embedded Neo4j for the whole run, in a throwaway directory. */
export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'partnergraph-test-neo4j-'));
  const started = performance.now();
  const neo4j = await startEmbeddedNeo4j({ dataDir, boltPort: 0, pageCacheMb: 64, heapMb: 512 }, (line) => console.error(line));
  console.error(`embedded Neo4j for tests ready at ${neo4j.uri} in ${Math.round(performance.now() - started)} ms`);
  project.provide('neo4jUri', neo4j.uri);
  project.provide('neo4jUsername', neo4j.username);
  project.provide('neo4jPassword', neo4j.password);
  return async () => {
    await neo4j.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
