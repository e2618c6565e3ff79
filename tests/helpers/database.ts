import neo4j, { type Config, type Driver } from 'neo4j-driver';
import { inject } from 'vitest';
import { Database } from '../../src/store/neo4j/database.js';

/** Where the run's embedded Neo4j listens, and the credentials it asks for. */
export function neo4jConnection(): { uri: string; username: string; password: string } {
  return { uri: inject('neo4jUri'), username: inject('neo4jUsername'), password: inject('neo4jPassword') };
}

/** The settings that point the app (or a child process of it) at the run's Neo4j. */
export function neo4jEnv(): { NEO4J_URI: string; NEO4J_USERNAME: string; NEO4J_PASSWORD: string } {
  const { uri, username, password } = neo4jConnection();
  return { NEO4J_URI: uri, NEO4J_USERNAME: username, NEO4J_PASSWORD: password };
}

/** A plain driver on the run's Neo4j, for tests that look under the app. */
export function testDriver(config?: Config): Driver {
  const { uri, username, password } = neo4jConnection();
  return neo4j.driver(uri, neo4j.auth.basic(username, password), config);
}

/** A Database on the run's embedded Neo4j, for tests that drive the importer directly. */
export function testDatabase(): Database {
  return new Database(neo4jConnection());
}

/** Counts of every node label and relationship type: a fingerprint of the whole graph. */
export async function graphFingerprint(db: Database): Promise<string> {
  const nodes = await db.driver.executeQuery('MATCH (n) RETURN labels(n) AS labels, count(*) AS count ORDER BY labels');
  const relationships = await db.driver.executeQuery('MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS count ORDER BY type');
  const properties = await db.driver.executeQuery('MATCH (n:Entity) RETURN n.id AS id, properties(n) AS props ORDER BY id');
  return JSON.stringify([nodes.records.map((r) => r.toObject()), relationships.records.map((r) => r.toObject()), properties.records.map((r) => r.toObject())]);
}
