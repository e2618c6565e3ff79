import { toPlain, type Database } from '../../src/store/neo4j/database.js';
import { testDriver } from './database.js';

/**
 * Every entity and spec node with its labels and properties, and every relationship between them with its
 * type, endpoints and properties, as canonical JSON: two graphs with the same content give the same string,
 * whatever order they were written in. Finer than graphFingerprint, which counts relationships.
 */
export async function graphContent(db: Database): Promise<string> {
  const nodes = await db.driver.executeQuery('MATCH (n) WHERE n:Entity OR n:Spec RETURN labels(n) AS labels, properties(n) AS properties ORDER BY n.id');
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
 * copies every node but the migration records, and every relationship between them, with their labels,
 * types and properties as the driver returns them (dates and integers keep their Neo4j types), so
 * restore() puts back exactly what earlier test files left, however they wrote it. Deliberately not
 * export and import: a broken exporter must not be able to hide itself by breaking the restore.
 */
export async function saveGraphForRestore(): Promise<{ restore(): Promise<void> }> {
  const driver = testDriver();
  const nodes = await driver.executeQuery('MATCH (n) WHERE NOT n:SchemaMigration RETURN elementId(n) AS key, labels(n) AS labels, properties(n) AS properties');
  const relationships = await driver.executeQuery(
    `MATCH (a)-[r]->(b) WHERE NOT a:SchemaMigration AND NOT b:SchemaMigration
     RETURN elementId(a) AS from, elementId(b) AS to, type(r) AS type, properties(r) AS properties`,
  );
  const rows = (result: typeof nodes) => result.records.map((record) => record.toObject());
  return {
    async restore() {
      try {
        const session = driver.session();
        try {
          // Labels and types come from the same database a moment ago, never from outside input.
          await session.executeWrite(async (tx) => {
            await tx.run('MATCH (n) WHERE NOT n:SchemaMigration DETACH DELETE n');
            await tx.run('UNWIND $nodes AS row CREATE (n) SET n = row.properties, n:$(row.labels), n.restoreKey = row.key', {
              nodes: rows(nodes),
            });
            await tx.run(
              `UNWIND $relationships AS row
               MATCH (a {restoreKey: row.from}), (b {restoreKey: row.to})
               CREATE (a)-[r:$(row.type)]->(b) SET r = row.properties`,
              { relationships: rows(relationships) },
            );
            await tx.run('MATCH (n) WHERE n.restoreKey IS NOT NULL REMOVE n.restoreKey');
          });
        } finally {
          await session.close();
        }
      } finally {
        await driver.close();
      }
    },
  };
}
