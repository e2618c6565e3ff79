import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { projectRoot } from '../src/config/config.js';

export const EDITOR_KEY = 'soak-editor-key-0123456789-a7c3e9f5b1';
export const ADMIN_KEY = 'soak-admin-key-0123456789-d2f8b4c6e0';

export interface ServerExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** The built server (`dist/src/server/main.js`) as `npm start` runs it, in a process group of its own. */
export interface ServerProcess {
  baseUrl: string;
  child: ChildProcess;
  /** Everything it printed, one entry a line (its log is JSON lines). */
  output: string[];
  exited: Promise<ServerExit>;
  /** The pid of its embedded Neo4j JVM, as its log last named it. */
  jvmPid(): number | undefined;
  /** Resolves with the first line (from now or already printed after `fromLine`) matching `pattern`. */
  waitForLine(pattern: RegExp, timeoutMs: number, fromLine?: number): Promise<string>;
  /** Sends `signal` to the whole process group, as a terminal's Ctrl-C or systemd's default kill mode does. */
  signalGroup(signal: NodeJS.Signals): void;
  /** Stops it (SIGTERM to the group, SIGKILL after 30 s) and removes its store unless it was given one. */
  stop(): Promise<ServerExit>;
}

export interface ServerOptions {
  env?: Record<string, string>;
  /** A store to reuse; by default a fresh temporary one, removed on stop. */
  dataDir?: string;
  /** How long to wait for "Partnergraph is ready". */
  readyTimeoutMs?: number;
}

export async function startServerProcess(options: ServerOptions = {}): Promise<ServerProcess> {
  const ownStore = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'partnergraph-soak-'));
  const child = spawn(process.execPath, [path.join(projectRoot, 'dist/src/server/main.js')], {
    cwd: projectRoot,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: '0',
      LOG_LEVEL: 'info',
      NEO4J_URI: '',
      NEO4J_DATA_DIR: path.join(dataDir, 'neo4j'),
      NEO4J_BOLT_PORT: '0',
      API_KEYS: `editor:${EDITOR_KEY},admin:root:${ADMIN_KEY}`,
      ...options.env,
    },
  });
  const output: string[] = [];
  const waiters = new Set<{ pattern: RegExp; resolve: (line: string) => void }>();
  const onLine = (line: string) => {
    output.push(line);
    for (const waiter of waiters) {
      if (waiter.pattern.test(line)) {
        waiters.delete(waiter);
        waiter.resolve(line);
      }
    }
  };
  readline.createInterface({ input: child.stdout }).on('line', onLine);
  readline.createInterface({ input: child.stderr }).on('line', onLine);
  const exited = new Promise<ServerExit>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

  const waitForLine = (pattern: RegExp, timeoutMs: number, fromLine = output.length): Promise<string> => {
    const earlier = output.slice(fromLine).find((line) => pattern.test(line));
    if (earlier) return Promise.resolve(earlier);
    return new Promise((resolve, reject) => {
      const waiter = { pattern, resolve: (line: string) => (clearTimeout(timer), resolve(line)) };
      const timer = setTimeout(() => {
        waiters.delete(waiter);
        reject(new Error(`no line matching ${pattern} within ${timeoutMs} ms; last lines:\n${output.slice(-15).join('\n')}`));
      }, timeoutMs);
      waiters.add(waiter);
      void exited.then((exit) => {
        if (waiters.delete(waiter)) {
          clearTimeout(timer);
          const how = `code ${exit.code}, signal ${exit.signal}`;
          reject(new Error(`the server exited (${how}) before printing ${pattern}; last lines:\n${output.slice(-15).join('\n')}`));
        }
      });
    });
  };
  const signalGroup = (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, signal);
  };
  const stop = async () => {
    signalGroup('SIGTERM');
    const killTimer = setTimeout(() => signalGroup('SIGKILL'), 30_000);
    const exit = await exited;
    clearTimeout(killTimer);
    if (ownStore) rmSync(dataDir, { recursive: true, force: true });
    return exit;
  };

  try {
    const ready = await waitForLine(/"msg":"Partnergraph is ready/, options.readyTimeoutMs ?? 240_000, 0);
    const url = (JSON.parse(ready) as { url: string }).url;
    return {
      baseUrl: new URL(url).origin,
      child,
      output,
      exited,
      jvmPid: () => {
        const line = output.findLast((entry) => /"msg":"(embedded Neo4j ready|the embedded Neo4j is back)"/.test(entry));
        return line ? (JSON.parse(line) as { pid: number }).pid : undefined;
      },
      waitForLine,
      signalGroup,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

export interface Answer {
  status: number;
  body: { data?: unknown; errors?: Array<{ message: string; extensions?: { code?: string } }> } | undefined;
  ms: number;
}

/** Posts one GraphQL operation; a network failure rejects. */
export async function postGraphQL(
  baseUrl: string,
  body: unknown,
  options: { key?: string; timeoutMs?: number; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const started = performance.now();
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(options.key ? { authorization: `Bearer ${options.key}` } : {}), ...options.headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
  });
  const text = await response.text();
  let parsed: Answer['body'];
  try {
    parsed = JSON.parse(text) as Answer['body'];
  } catch {
    parsed = undefined;
  }
  return { status: response.status, body: parsed, ms: performance.now() - started };
}

/** Whether a process of this id runs (or has not been reaped). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The error codes of an answer, `[]` when it has none. */
export function errorCodes(answer: Answer): string[] {
  return (answer.body?.errors ?? []).map((error) => error.extensions?.code ?? 'NO_CODE');
}
