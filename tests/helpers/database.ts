import { inject } from 'vitest';
import { Database } from '../../src/db/database.js';

/** A Database on the run's embedded Neo4j, for tests that drive the importer directly. */
export function testDatabase(): Database {
  return new Database({ uri: inject('neo4jUri') });
}

/** Counts of every node label and relationship type: a fingerprint of the whole graph. */
export async function graphFingerprint(db: Database): Promise<string> {
  const nodes = await db.driver.executeQuery('MATCH (n) RETURN labels(n) AS labels, count(*) AS count ORDER BY labels');
  const relationships = await db.driver.executeQuery('MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS count ORDER BY type');
  const properties = await db.driver.executeQuery('MATCH (n:Entity) RETURN n.id AS id, properties(n) AS props ORDER BY id');
  return JSON.stringify([
    nodes.records.map((r) => r.toObject()),
    relationships.records.map((r) => r.toObject()),
    properties.records.map((r) => r.toObject()),
  ]);
}
