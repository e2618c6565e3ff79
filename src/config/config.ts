import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
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
  /** 0 picks any free port. */
  boltPort: number;
  /** Listen on any free port when `boltPort` is taken (it was not chosen explicitly). */
  boltPortFallback?: boolean;
  pageCacheMb: number;
  heapMb: number;
  /** The least time between two plans of one query (Neo4j's dbms.cypher.min_replan_interval); DEFAULT_MIN_REPLAN_SECONDS if unset. */
  minReplanSeconds?: number;
}

/**
 * Neo4j's own default is 10 s. Edits into a graph of this size move its statistics enough to replan every cached
 * query at each chance, which on a 2-core host took CPU from the answers (docs/reliability.md). An import, which
 * grows the graph far more, drops the cached plans itself (src/store/records/importer.ts).
 */
export const DEFAULT_MIN_REPLAN_SECONDS = 600;

/** How the app lives with Neo4j going away, and how long it lets work take. */
export interface ReliabilityConfig {
  /** Restarts of a dead embedded Neo4j in a row that may fail before the app exits non-zero. */
  maxNeo4jRestarts: number;
  /** How long to wait at startup for a Neo4j that does not answer yet; 0 exits at once. */
  neo4jStartupWaitMs: number;
  /** How long a shutdown waits for in-flight requests before closing their connections. */
  shutdownGraceMs: number;
  /** Neo4j transaction timeout of every read. */
  readTimeoutMs: number;
  /** Deadline of a whole HTTP request, its wait for a turn included; past it the answer is TIMEOUT. */
  requestTimeoutMs: number;
  /** GraphQL requests over HTTP that run at once; the others wait in arrival order (src/server/admission.ts). 0: no limit. */
  requestConcurrency: number;
  /** Operations per minute per client IP and per API key; 0 turns the limit off. */
  readsPerMinute: number;
  writesPerMinute: number;
}

export type ApiKeyRole = 'editor' | 'admin';

/** One API key as the server keeps it: the SHA-256 digest of the key, never the key. */
export interface ApiKeyConfig {
  /** Who the audit trail names for writes with this key. */
  name: string;
  role: ApiKeyRole;
  digest: Buffer;
}

export interface AppConfig {
  port: number;
  logLevel: string;
  /** Set when NEO4J_URI is given: nothing embedded starts. */
  externalNeo4j: ExternalNeo4jConfig | undefined;
  embeddedNeo4j: EmbeddedNeo4jConfig;
  /** Seed the graph at startup (idempotent). */
  seedOnStart: boolean;
  /** SEED_PATHS, comma-separated files or directories loaded in order; unset means the default seed (store/records/seed.ts). */
  seedPaths: string[] | undefined;
  /** Root fields fetch the relationships they select in their own statement (PLANNED_READS=false: the field resolvers' batched loader does). */
  plannedReads: boolean;
  /** Run the most common page shapes once before serving, so Neo4j has planned them (WARM_UP=false skips it). */
  warmUp: boolean;
  /** Schema introspection; off in production unless INTROSPECTION=true. */
  introspection: boolean;
  /** "Did you mean ...?" suggestions in validation errors; off in production unless FIELD_SUGGESTIONS=true. */
  fieldSuggestions: boolean;
  /** Stack traces and internal messages in error answers; off in production unless STACK_TRACES=true. */
  stackTraces: boolean;
  /** Keys allowed to write, from API_KEYS and API_KEYS_FILE; none means the API is read-only. */
  apiKeys: ApiKeyConfig[];
  reliability: ReliabilityConfig;
  /** Origins other than our own whose pages may call the API, from CORS_ORIGINS; `*` lets any page read. */
  corsOrigins: string[];
  /** Where /metrics is served: on a port of its own (METRICS_PORT; 0 picks a free one) or the API port, behind a bearer token (METRICS_TOKEN) or open. */
  metrics: { port: number | undefined; token: string | undefined };
  /**
   * express's `trust proxy` (TRUST_PROXY): which hops' X-Forwarded-For to believe, so rate limits and per-address
   * caps count clients rather than the load balancer. false: none; true: all; a number: that many hops; else addresses or subnets.
   */
  trustProxy: boolean | number | string[];
  /** BOOKMARK_SECRET: the key bookmarks are signed with; unset, one is generated once and kept in Neo4j for all replicas. */
  bookmarkSecret: string | undefined;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  return {
    port: integer(env, 'PORT', 4000),
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
      boltPortFallback: env.NEO4J_BOLT_PORT === undefined || env.NEO4J_BOLT_PORT === '',
      pageCacheMb: integer(env, 'NEO4J_PAGE_CACHE_MB', 128),
      heapMb: integer(env, 'NEO4J_HEAP_MB', 512),
      minReplanSeconds: integer(env, 'NEO4J_MIN_REPLAN_S', DEFAULT_MIN_REPLAN_SECONDS),
    },
    seedOnStart: env.SEED_ON_START !== 'false',
    seedPaths: env.SEED_PATHS ? env.SEED_PATHS.split(',').map((seedPath) => path.resolve(seedPath.trim())) : undefined,
    warmUp: flag(env, 'WARM_UP', true),
    plannedReads: flag(env, 'PLANNED_READS', true),
    introspection: flag(env, 'INTROSPECTION', env.NODE_ENV !== 'production'),
    fieldSuggestions: flag(env, 'FIELD_SUGGESTIONS', env.NODE_ENV !== 'production'),
    stackTraces: flag(env, 'STACK_TRACES', env.NODE_ENV !== 'production'),
    apiKeys: apiKeys(env),
    reliability: {
      maxNeo4jRestarts: integer(env, 'NEO4J_MAX_RESTARTS', 5),
      neo4jStartupWaitMs: integer(env, 'NEO4J_STARTUP_WAIT_S', 60) * 1000,
      shutdownGraceMs: integer(env, 'SHUTDOWN_GRACE_S', 15) * 1000,
      readTimeoutMs: integer(env, 'NEO4J_READ_TIMEOUT_MS', 10_000),
      requestTimeoutMs: integer(env, 'REQUEST_TIMEOUT_MS', 20_000),
      requestConcurrency: integer(env, 'REQUEST_CONCURRENCY', 16) || Number.POSITIVE_INFINITY,
      readsPerMinute: integer(env, 'RATE_LIMIT_READS_PER_MINUTE', 0),
      writesPerMinute: integer(env, 'RATE_LIMIT_WRITES_PER_MINUTE', 0),
    },
    corsOrigins: corsOrigins(env),
    metrics: {
      port: env.METRICS_PORT === undefined || env.METRICS_PORT === '' ? undefined : integer(env, 'METRICS_PORT', 0),
      token: env.METRICS_TOKEN || undefined,
    },
    trustProxy: trustProxy(env.TRUST_PROXY),
    bookmarkSecret: bookmarkSecret(env),
  };
}

function trustProxy(raw: string | undefined): AppConfig['trustProxy'] {
  if (raw === undefined || raw === '' || raw === 'false') return false;
  if (raw === 'true') return true;
  if (/^\d+$/.test(raw)) return Number(raw);
  return raw
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}

/** 32 characters of a random hex string hold 128 bits; fewer distinct characters than this means a pattern, not chance. */
const MIN_KEY_LENGTH = 32;
const MIN_KEY_DISTINCT_CHARACTERS = 10;
const HOW_TO_MAKE_A_KEY =
  'Make each key with a random generator, for example `openssl rand -hex 24` (48 characters), and keep it in ' +
  'API_KEYS_FILE or a secret store rather than in a shell history.';

const MIN_BOOKMARK_SECRET_LENGTH = 32;

function bookmarkSecret(env: NodeJS.ProcessEnv): string | undefined {
  const secret = env.BOOKMARK_SECRET;
  if (secret === undefined || secret === '') return undefined;
  if (secret.length < MIN_BOOKMARK_SECRET_LENGTH) {
    throw new ConfigError(
      `BOOKMARK_SECRET is ${secret.length} characters long; it needs at least ${MIN_BOOKMARK_SECRET_LENGTH}, the same on every replica. ` +
        'Make one with `openssl rand -hex 24`, or leave it unset and the replicas share one kept in Neo4j.',
    );
  }
  return secret;
}

/**
 * Entries `role:key` or `role:name:key` (role `editor` or `admin`), separated by commas in API_KEYS
 * and by commas or lines in the API_KEYS_FILE (where `#` starts a comment). Error messages name the
 * entry by position, never by its key.
 */
function apiKeys(env: NodeJS.ProcessEnv): ApiKeyConfig[] {
  const entries: Array<{ text: string; origin: string }> = [];
  const collect = (text: string, origin: string) =>
    text
      .split(/[,\n]/)
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '' && !entry.startsWith('#'))
      .forEach((entry, index) => entries.push({ text: entry, origin: `${origin} entry ${index + 1}` }));
  if (env.API_KEYS) collect(env.API_KEYS, 'API_KEYS');
  if (env.API_KEYS_FILE) {
    let text: string;
    try {
      text = readFileSync(env.API_KEYS_FILE, 'utf8');
    } catch (error) {
      throw new ConfigError(`API_KEYS_FILE ${env.API_KEYS_FILE} cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
    collect(text, `API_KEYS_FILE ${env.API_KEYS_FILE}`);
  }

  const countByRole = new Map<string, number>();
  const keys: ApiKeyConfig[] = [];
  for (const { text, origin } of entries) {
    const parts = text.split(':');
    const [role, name, key] = parts.length === 2 ? [parts[0], undefined, parts[1]] : parts;
    if ((role !== 'editor' && role !== 'admin') || parts.length > 3 || key === undefined) {
      throw new ConfigError(`${origin} must be "editor:<key>", "admin:<key>" or "<role>:<name>:<key>"`);
    }
    if (name !== undefined && !/^[\w.@-]{1,64}$/.test(name)) {
      throw new ConfigError(`${origin}: a key name has 1 to 64 letters, digits, ".", "@", "_" or "-"`);
    }
    if (key.length < MIN_KEY_LENGTH || /\s/.test(key)) {
      throw new ConfigError(`${origin}: a key needs at least ${MIN_KEY_LENGTH} characters and no spaces. ${HOW_TO_MAKE_A_KEY}`);
    }
    if (new Set(key).size < MIN_KEY_DISTINCT_CHARACTERS) {
      throw new ConfigError(
        `${origin}: a key needs at least ${MIN_KEY_DISTINCT_CHARACTERS} distinct characters; a repeated pattern is guessed first. ${HOW_TO_MAKE_A_KEY}`,
      );
    }
    const position = (countByRole.get(role) ?? 0) + 1;
    countByRole.set(role, position);
    const digest = createHash('sha256').update(key).digest();
    if (keys.some((other) => other.digest.equals(digest))) throw new ConfigError(`${origin} repeats an earlier key`);
    keys.push({ name: name ?? `${role}-${position}`, role, digest });
  }
  const names = keys.map((key) => key.name);
  const repeated = names.find((name, index) => names.indexOf(name) !== index);
  if (repeated) throw new ConfigError(`Two API keys are named "${repeated}"; names must tell editors apart`);
  return keys;
}

/** CORS_ORIGINS: a comma list of origins (scheme, host and port, as a browser sends them), or `*`. */
function corsOrigins(env: NodeJS.ProcessEnv): string[] {
  const origins = (env.CORS_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '');
  for (const origin of origins) {
    if (origin !== '*' && !/^https?:\/\/[^/\s]+$/.test(origin)) {
      throw new ConfigError(`CORS_ORIGINS entries are origins such as "http://localhost:5173" or "*", got "${origin}"`);
    }
  }
  return origins;
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
