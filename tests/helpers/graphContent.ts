import path from 'node:path';
import { toPlain, type Database } from '../../src/db/database.js';
import { exportGraph } from '../../src/importer/exporter.js';
import { importFiles } from '../../src/importer/importer.js';

/**
 * Every entity and spec node with its labels and properties, and every relationship between them with its
 * type, endpoints and properties, as canonical JSON: two graphs with the same content give the same string,
 * whatever order they were written in. Finer than graphFingerprint, which counts relationships.
 */
export async function graphContent(db: Database): Promise<string> {
  const nodes = await db.driver.executeQuery(
    'MATCH (n) WHERE n:Entity OR n:Spec RETURN labels(n) AS labels, properties(n) AS properties ORDER BY n.id',
  );
  const relationships = await db.driver.executeQuery(
    `MATCH (a)-[r]->(b) WHERE (a:Entity OR a:Spec) AND (b:Entity OR b:Spec)
     RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS properties
     ORDER BY from, type, to, r.id`,
  );
  return canonicalJson({
    nodes: nodes.records.map((r) => ({ labels: [...(r.get('labels') as string[])].sort(), properties: toPlain(r.get('properties')) })),
    relationships: relationships.records.map((r) => toPlain(r.toObject())),
  });
}

/** The number of nodes that are not schema-migration bookkeeping: 0 for an empty database. */
export async function dataNodeCount(db: Database): Promise<number> {
  const result = await db.driver.executeQuery('MATCH (n) WHERE NOT n:SchemaMigration RETURN count(n) AS count');
  return Number(result.records[0]!.get('count'));
}

/** Deletes every node but the schema-migration records, leaving constraints and indexes: an empty database. */
export async function emptyDatabase(db: Database): Promise<void> {
  await db.driver.executeQuery('MATCH (n) WHERE NOT n:SchemaMigration DETACH DELETE n');
}

function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, entry: unknown) =>
    entry && typeof entry === 'object' && !Array.isArray(entry)
      ? Object.fromEntries(Object.entries(entry).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : entry,
  );
}

/**
 * For tests that need an empty database on the run's shared Neo4j (Community has one user database):
 * exports the graph to `dir` so restore() can put exactly this content back for the test files after.
 */
export async function saveGraphForRestore(db: Database, dir: string): Promise<{ restore(): Promise<void> }> {
  const saved = path.join(dir, 'saved-graph.jsonl');
  const content = await graphContent(db);
  await exportGraph(db, saved);
  return {
    async restore() {
      if ((await graphContent(db)) !== content) {
        await emptyDatabase(db);
        await importFiles(db, [saved]);
      }
      if ((await graphContent(db)) !== content) throw new Error('the graph could not be restored after an emptying test');
    },
  };
}
