import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import neo4j, { type Driver } from 'neo4j-driver';
import { projectRoot } from '../src/config/config.js';
import { toPlain } from '../src/store/neo4j/database.js';
import type { Neo4jConnection } from '../src/store/neo4j/embeddedNeo4j.js';
import type { Params } from './operations.js';

/** Where one statement's time goes: Neo4j's figures from the result summary, and the wall time around it in Node. */
export interface StatementTiming {
  /** Until the first record was ready to stream. */
  resultAvailableAfterMs: number;
  /** From then until the last record was consumed by the client. */
  resultConsumedAfterMs: number;
  /** From sending the statement to having every record decoded, in the process that sent it. */
  driverMs: number;
}

/** One request of an operation variant; resolves when the whole answer is in, rejects on any error. */
export type Call = () => Promise<void>;

export type ContestantName = 'ours' | 'rawCypher' | 'neo4jGraphql';

/** A GraphQL server over HTTP, kept-alive connections, as a browser or gateway would talk to it. */
export class GraphQLClient {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  readonly url: URL;

  constructor(endpoint: string) {
    this.url = new URL(endpoint);
  }

  /** The parsed answer, for checking it. */
  async fetch(query: string, variables: Params): Promise<{ data?: any; errors?: Array<{ message: string }> }> {
    const { status, body } = await this.post(JSON.stringify({ query, variables }));
    if (status !== 200) throw new Error(`HTTP ${status}: ${body.slice(0, 500)}`);
    return JSON.parse(body);
  }

  /** A prepared request for the timed loop: the body is serialized once; errors are detected without parsing. */
  prepare(query: string, variables: Params): Call {
    const body = JSON.stringify({ query, variables });
    return async () => {
      const response = await this.post(body);
      if (response.status !== 200 || response.body.startsWith('{"errors"') || response.body.includes('"errors":[')) {
        throw new Error(`HTTP ${response.status}: ${response.body.slice(0, 300)}`);
      }
    };
  }

  async get(pathname: string): Promise<{ status: number; body: string }> {
    return this.request('GET', pathname);
  }

  close(): void {
    this.agent.destroy();
  }

  private post(body: string) {
    return this.request('POST', this.url.pathname, body);
  }

  private request(method: string, pathname: string, body?: string): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const request = http.request(
        {
          agent: this.agent,
          host: this.url.hostname,
          port: this.url.port,
          path: pathname,
          method,
          headers: body === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
          response.on('error', reject);
        },
      );
      request.on('error', (error: NodeJS.ErrnoException) => {
        // The server closed an idle kept-alive socket (its keep-alive timeout) just as this request reused it, as
        // can happen after a contestant's sockets sat idle while the others ran: Node's documented remedy is to
        // send the request again, on a new socket. Any other failure fails the request.
        if (request.reusedSocket && error.code === 'ECONNRESET') this.request(method, pathname, body).then(resolve, reject);
        else reject(error);
      });
      request.end(body);
    });
  }
}

/** The raw contestant: hand-written Cypher through neo4j-driver, in the bench process. */
export class RawCypher {
  readonly driver: Driver;

  constructor(connection: Neo4jConnection) {
    this.driver = neo4j.driver(connection.uri, neo4j.auth.basic(connection.username, connection.password), { disableLosslessIntegers: true });
  }

  /** Rows as plain values (ISO dates), for checking them. */
  async fetch(cypher: string, params: Params): Promise<any[]> {
    return (await this.run(cypher, cypherParams(params))).map((record) => toPlain(record.toObject()));
  }

  /** A timed call: every record is received and decoded by the driver, as an application would get them. */
  prepare(cypher: string, params: Params): Call {
    const prepared = cypherParams(params);
    return async () => {
      await this.run(cypher, prepared);
    };
  }

  /** An auto-commit read, the cheapest way to send one statement (one write, one round trip), as our API reads. */
  private async run(cypher: string, params: Params) {
    const session = this.driver.session({ defaultAccessMode: neo4j.session.READ });
    try {
      return (await session.run(cypher, params)).records;
    } finally {
      await session.close();
    }
  }

  /**
   * One statement timed as our API sends it (`asOurApi`: parameters as given, records turned into plain values
   * as src/store/neo4j/database.ts does) or as the raw contestant does: Neo4j's own split from the result summary, and
   * the wall time in this process from sending it to having its records decoded (what our API's
   * neo4j_query_duration_seconds measures).
   */
  async timed(cypher: string, params: Params, asOurApi: boolean): Promise<StatementTiming> {
    const session = this.driver.session({ defaultAccessMode: neo4j.session.READ });
    try {
      const started = performance.now();
      const { records, summary } = await session.run(cypher, asOurApi ? params : cypherParams(params));
      if (asOurApi) for (const record of records) toPlain(record.toObject());
      const driverMs = performance.now() - started;
      return { resultAvailableAfterMs: Number(summary.resultAvailableAfter), resultConsumedAfterMs: Number(summary.resultConsumedAfter), driverMs };
    } finally {
      await session.close();
    }
  }

  /**
   * Database hits of the statement, from PROFILE, and the size of its result as JSON (what the API unpacks: its Node
   * CPU follows it).
   */
  async profile(cypher: string, params: Params): Promise<StatementProfile> {
    const session = this.driver.session({ defaultAccessMode: neo4j.session.READ });
    try {
      const { summary, records } = await session.run(`PROFILE ${cypher}`, cypherParams(params));
      const hits = (plan: { dbHits: number; children: unknown[] }): number =>
        plan.dbHits + plan.children.reduce<number>((sum, child) => sum + hits(child as typeof plan), 0);
      return {
        dbHits: summary.profile ? hits(summary.profile) : Number.NaN,
        resultBytes: Buffer.byteLength(JSON.stringify(records.map((record) => record.toObject()))),
      };
    } finally {
      await session.close();
    }
  }

  close(): Promise<void> {
    return this.driver.close();
  }
}

export interface StatementProfile {
  dbHits: number;
  resultBytes: number;
}

/** Whole numbers go to Cypher as integers (LIMIT rejects floats). */
function cypherParams(params: Params): Params {
  return Object.fromEntries(Object.entries(params).map(([key, value]) => [key, Number.isInteger(value) ? neo4j.int(value as number) : value]));
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A server contestant in a child process of its own: its own core of the event loop, and an RSS we can read. */
export interface ServerProcess {
  name: string;
  pid: number;
  endpoint: string;
  /** Peak resident set size so far (VmHWM), in MB. */
  peakRssMb(): number;
  stop(): Promise<void>;
}

const children = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

/** Node flags of the API processes: with a directory, each writes a V8 CPU profile there when it stops (`--cpu-prof`). */
export interface ServerOptions {
  cpuProfileDir?: string | undefined;
}

async function startServerProcess(
  name: string,
  script: string,
  env: Record<string, string>,
  ready: (client: GraphQLClient) => Promise<boolean>,
  endpoint: string,
  { cpuProfileDir }: ServerOptions,
): Promise<ServerProcess> {
  const nodeFlags = cpuProfileDir ? ['--cpu-prof', '--cpu-prof-dir', cpuProfileDir, '--cpu-prof-name', `${name}.${Date.now()}.cpuprofile`] : [];
  const child = spawn(process.execPath, [...nodeFlags, path.join(projectRoot, 'dist', script)], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  const output: string[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    readline.createInterface({ input: stream }).on('line', (line) => {
      output.push(line);
      if (output.length > 40) output.shift();
    });
  }
  let stopping = false;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      // A server that dies during the run fails its requests with "socket hang up": say why, with its last lines.
      if (!stopping) console.error(`${name} exited during the run (code ${code}, signal ${signal}):\n${output.join('\n')}`);
      resolve();
    }),
  );
  const client = new GraphQLClient(endpoint);
  const deadline = Date.now() + 120_000;
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${name} exited (code ${child.exitCode}):\n${output.join('\n')}`);
      if (Date.now() > deadline) throw new Error(`${name} was not ready within 120 s:\n${output.join('\n')}`);
      if (await ready(client).catch(() => false)) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  } finally {
    client.close();
  }
  return {
    name,
    pid: child.pid!,
    endpoint,
    peakRssMb: () => {
      const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      return match ? Math.round(Number(match[1]) / 1024) : Number.NaN;
    },
    async stop() {
      stopping = true;
      if (child.exitCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
      children.delete(child);
    },
  };
}

/** The settings that point a server process at the bench's Neo4j. */
function neo4jEnv(connection: Neo4jConnection): Record<string, string> {
  return { NEO4J_URI: connection.uri, NEO4J_USERNAME: connection.username, NEO4J_PASSWORD: connection.password };
}

/** Our API as `npm start` runs it (dist/src/server/main.js), production mode, against the bench's Neo4j. */
export async function startOurApi(connection: Neo4jConnection, options: ServerOptions = {}): Promise<ServerProcess> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  return startServerProcess(
    'ours',
    'src/server/main.js',
    // Request logging off: the peer logs nothing per request either.
    { ...neo4jEnv(connection), PORT: String(port), SEED_ON_START: 'false', NODE_ENV: 'production', LOG_LEVEL: 'warn' },
    async (client) => (await client.get('/ready')).status === 200,
    `${base}/graphql`,
    options,
  );
}

export async function startPeerApi(connection: Neo4jConnection, options: ServerOptions = {}): Promise<ServerProcess> {
  const port = await freePort();
  return startServerProcess(
    'neo4jGraphql',
    'bench/peerServer.js',
    { ...neo4jEnv(connection), PORT: String(port), NODE_ENV: 'production' },
    async (client) => !!(await client.fetch('{ __typename }', {})).data,
    `http://127.0.0.1:${port}/`,
    options,
  );
}

/** Our API's Cypher so far, from its /metrics: statements sent (neo4j_queries_total) and seconds spent waiting for them. */
export async function ourCypherTotals(client: GraphQLClient): Promise<{ statements: number; seconds: number }> {
  const { body } = await client.get('/metrics');
  const total = (prefix: string) =>
    body
      .split('\n')
      .filter((line) => line.startsWith(prefix))
      .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
  return { statements: total('neo4j_queries_total{'), seconds: total('neo4j_query_duration_seconds_sum{') };
}
