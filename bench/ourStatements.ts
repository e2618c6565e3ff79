import { execute, parse } from 'graphql';
import { Database, type Row } from '../src/store/neo4j/database.js';
import type { Neo4jConnection } from '../src/store/neo4j/embeddedNeo4j.js';
import { ChangeSequencer } from '../src/store/changes/changeSequencer.js';
import { createContextFactory } from '../src/api/context.js';
import { createSchema } from '../src/api/schema.js';

export interface SentStatement {
  label: string;
  text: string;
  params: Row;
}

/** A Database that keeps every read statement it sends, with its parameters. */
class RecordingDatabase extends Database {
  readonly sent: SentStatement[] = [];

  override readText(label: string, text: string, params: Row): Promise<Row[]> {
    this.sent.push({ label, text, params });
    return super.readText(label, text, params);
  }
}

/**
 * The statements our API sends for one operation: the operation runs in this process, through the
 * same schema, context and repositories as the server, against the bench's Neo4j. The bench PROFILEs
 * them beside the raw statement.
 */
export async function ourStatements(connection: Neo4jConnection, query: string, variables: Record<string, unknown>): Promise<SentStatement[]> {
  const db = new RecordingDatabase({ ...connection });
  try {
    const schema = await createSchema();
    const contextValue = await createContextFactory(db, new ChangeSequencer(db, { warn: () => {} }))();
    const result = await execute({ schema, document: parse(query), variableValues: variables, contextValue });
    if (result.errors?.length) throw new Error(`our operation failed: ${result.errors[0]!.message}`);
    return db.sent;
  } finally {
    await db.close();
  }
}
