import { loadConfig } from '../../src/config/config.js';
import { startApp, type RunningApp } from '../../src/server/app.js';
import { createLogger, type Logger } from '../../src/server/logger.js';
import { seedDir } from '../../src/store/records/seed.js';
import { neo4jEnv } from './database.js';

export interface GraphQLResponse<TData = any> {
  data?: TData;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
}

export interface TestApp extends RunningApp {
  baseUrl: string;
  /** Posts an operation; `key` is sent as `Authorization: Bearer <key>`. */
  graphql<TData = any>(query: string, variables?: Record<string, unknown>, key?: string): Promise<GraphQLResponse<TData>>;
  /** Cypher statements sent to Neo4j so far, from neo4j_queries_total. */
  queryCount(): Promise<number>;
}

/** The real app over HTTP on a free port, against the run's embedded Neo4j, migrated and seeded; `log` replaces the silent logger. */
export async function startTestApp(env: Record<string, string> = {}, log?: Logger): Promise<TestApp> {
  // Warm-up plans the common shapes before serving; the tests that cover it turn it on. The read timeout
  // and the request deadline are the production ones times six: a loaded CI machine must not turn a slow
  // answer into a TIMEOUT in tests about something else (tests/store/neo4j/timeouts.test.ts sets its own).
  const config = loadConfig({
    ...neo4jEnv(),
    PORT: '0',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    WARM_UP: 'false',
    NEO4J_READ_TIMEOUT_MS: '60000',
    REQUEST_TIMEOUT_MS: '120000',
    // The tests assert the article's records, not the larger default seed.
    SEED_PATHS: seedDir,
    ...env,
  });
  const app = await startApp(config, log ?? createLogger(config.logLevel));
  const baseUrl = new URL(app.url).origin;
  return {
    ...app,
    baseUrl,
    async graphql(query, variables, key) {
      const response = await fetch(`${baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLResponse;
    },
    async queryCount() {
      const metric = await app.metrics.neo4jQueries.get();
      return metric.values.reduce((sum, value) => sum + value.value, 0);
    },
  };
}
