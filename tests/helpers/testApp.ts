import { inject } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { startApp, type RunningApp } from '../../src/server/app.js';
import { createLogger } from '../../src/server/logger.js';

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

/** The real app over HTTP on a free port, against the run's embedded Neo4j, migrated and seeded. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const config = loadConfig({ NEO4J_URI: inject('neo4jUri'), PORT: '0', LOG_LEVEL: 'silent', ...env });
  const app = await startApp(config, createLogger(config.logLevel));
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
