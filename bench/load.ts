import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { projectRoot } from '../src/config/config.js';
import { Relation } from '../src/model/enums.js';
import { CypherLibrary } from '../src/store/neo4j/cypherLibrary.js';
import { Database } from '../src/store/neo4j/database.js';
import { startEmbeddedNeo4j, type Neo4jConnection, type RunningNeo4j } from '../src/store/neo4j/embeddedNeo4j.js';
import { applyMigrations } from '../src/store/neo4j/migrations.js';
import { importFiles } from '../src/store/records/importer.js';
import { WRITE_ORDER, idOf, type ImportRecord, type RecordType } from '../src/model/records.js';

export const benchDir = path.join(projectRoot, 'bench');
export const benchCypher = new CypherLibrary<string>(path.join(benchDir, 'cypher'));

export interface Neo4jMemory {
  heapMb: number;
  pageCacheMb: number;
}

export interface BenchNeo4j extends RunningNeo4j {
  db: Database;
  dataDir: string;
  /** Stops the JVM and deletes its data directory. */
  discard(): Promise<void>;
}

/** A fresh embedded Neo4j of its own (never `npm start`'s), migrated, on a free Bolt port. */
export async function startFreshNeo4j(dataDir: string, memory: Neo4jMemory, progress: (line: string) => void): Promise<BenchNeo4j> {
  rmSync(dataDir, { recursive: true, force: true });
  const started = performance.now();
  const neo4jProcess = await startEmbeddedNeo4j({ dataDir, boltPort: 0, ...memory }, progress);
  const db = new Database({ uri: neo4jProcess.uri, username: neo4jProcess.username, password: neo4jProcess.password });
  await applyMigrations(db);
  progress(`Neo4j ready at ${neo4jProcess.uri} (${dataDir}) in ${seconds(performance.now() - started)}`);
  return {
    ...neo4jProcess,
    db,
    dataDir,
    async discard() {
      await db.close();
      await neo4jProcess.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface LoadResult {
  records: number;
  seconds: number;
  recordsPerSecond: number;
}

/** Our bulk import: validation, reference checks, batched upserts and derived device fields. */
export async function loadWithImporter(db: Database, files: string[], progress: (line: string) => void): Promise<LoadResult> {
  const started = performance.now();
  let lastShown = 0;
  const summary = await importFiles(db, files, {
    onProgress: (written, total) => {
      const now = performance.now();
      if (now - lastShown > 5_000 || written === total) {
        lastShown = now;
        progress(`  importer: ${written}/${total} records written (${seconds(now - started)})`);
      }
    },
  });
  return rate(summary.records, performance.now() - started);
}

const PLAIN_QUERY: Record<RecordType, string> = {
  Source: 'plainCreateSources',
  Brand: 'plainCreateBrands',
  Chip: 'plainCreateChips',
  Device: 'plainCreateDevices',
  Partnership: 'plainCreatePartnerships',
  Leak: 'plainCreateLeaks',
  Relationship: 'plainCreateRelationships',
  Spec: 'plainCreateSpecs',
  ValidTime: 'plainCreateValidTimes',
};
const RELATIONS = new Set<string>(Object.values(Relation));

/**
 * The floor for bulk loading: what a hand-written script would do into an empty graph with the same
 * constraints and indexes. JSON.parse, then CREATE in UNWIND batches of the importer's size, in the
 * same dependency order; no validation, no upserts, no derived fields.
 */
export async function loadWithPlainUnwind(
  connection: Neo4jConnection,
  files: string[],
  progress: (line: string) => void,
  batchSize = 1_000,
): Promise<LoadResult> {
  const started = performance.now();
  const driver = neo4j.driver(connection.uri, neo4j.auth.basic(connection.username, connection.password));
  const byType = new Map<RecordType, Array<Record<string, unknown>>>();
  let records = 0;
  try {
    for (const file of files) {
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        if (line.trim() === '') continue;
        const record = JSON.parse(line) as ImportRecord;
        if (record.type === 'Relationship' && !RELATIONS.has(record.relation)) continue;
        const row: Record<string, unknown> = record.type === 'Relationship' || record.type === 'Spec' ? { ...record, claimId: idOf(record) } : record;
        let rows = byType.get(record.type);
        if (!rows) byType.set(record.type, (rows = []));
        rows.push(row);
        records += 1;
      }
    }
    let written = 0;
    let lastShown = 0;
    for (const type of WRITE_ORDER) {
      const rows = byType.get(type) ?? [];
      for (let start = 0; start < rows.length; start += batchSize) {
        const batch = rows.slice(start, start + batchSize);
        await driver.executeQuery(benchCypher.get(PLAIN_QUERY[type]), { rows: batch }, { routing: neo4j.routing.WRITE });
        written += batch.length;
        const now = performance.now();
        if (now - lastShown > 5_000 || written === records) {
          lastShown = now;
          progress(`  plain UNWIND: ${written}/${records} records written (${seconds(now - started)})`);
        }
      }
    }
  } finally {
    await driver.close();
  }
  return rate(records, performance.now() - started);
}

function rate(records: number, ms: number): LoadResult {
  return { records, seconds: round(ms / 1000, 1), recordsPerSecond: Math.round(records / (ms / 1000)) };
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
