import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root, found from this file's location so it works from src/ (tests) and dist/src/ (runtime). */
export const projectRoot = findProjectRoot(path.dirname(fileURLToPath(import.meta.url)));

function findProjectRoot(start: string): string {
  const marker = `${path.sep}src${path.sep}config`;
  const index = start.lastIndexOf(marker);
  const root = index === -1 ? start : start.slice(0, index);
  return root.endsWith(`${path.sep}dist`) ? path.dirname(root) : root;
}

export interface ExternalNeo4jConfig {
  uri: string;
  username: string | undefined;
  password: string | undefined;
  database: string | undefined;
}

export interface EmbeddedNeo4jConfig {
  dataDir: string;
  boltPort: number;
  pageCacheMb: number;
  heapMb: number;
}

export interface AppConfig {
  port: number;
  production: boolean;
  logLevel: string;
  /** Set when NEO4J_URI is given: nothing embedded starts. */
  externalNeo4j: ExternalNeo4jConfig | undefined;
  embeddedNeo4j: EmbeddedNeo4jConfig;
  /** Seed the graph at startup (idempotent). */
  seedOnStart: boolean;
  /** Schema introspection; off in production unless INTROSPECTION=true. */
  introspection: boolean;
  /** "Did you mean ...?" suggestions in validation errors; off in production unless FIELD_SUGGESTIONS=true. */
  fieldSuggestions: boolean;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  return {
    port: integer(env, 'PORT', 4000),
    production: env.NODE_ENV === 'production',
    logLevel: env.LOG_LEVEL ?? 'info',
    externalNeo4j: env.NEO4J_URI
      ? {
          uri: env.NEO4J_URI,
          username: env.NEO4J_USERNAME,
          password: env.NEO4J_PASSWORD,
          database: env.NEO4J_DATABASE,
        }
      : undefined,
    embeddedNeo4j: {
      dataDir: path.resolve(env.NEO4J_DATA_DIR ?? path.join(projectRoot, 'data', 'neo4j')),
      boltPort: integer(env, 'NEO4J_BOLT_PORT', 7687),
      pageCacheMb: integer(env, 'NEO4J_PAGE_CACHE_MB', 128),
      heapMb: integer(env, 'NEO4J_HEAP_MB', 512),
    },
    seedOnStart: env.SEED_ON_START !== 'false',
    introspection: flag(env, 'INTROSPECTION', env.NODE_ENV !== 'production'),
    fieldSuggestions: flag(env, 'FIELD_SUGGESTIONS', env.NODE_ENV !== 'production'),
  };
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new ConfigError(`${name} must be a non-negative integer, got "${raw}"`);
  }
  return value;
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'true' || raw === 'false') return raw === 'true';
  throw new ConfigError(`${name} must be "true" or "false", got "${raw}"`);
}
