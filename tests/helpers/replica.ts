import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '../../src/config/config.js';
import { neo4jEnv } from './database.js';

const server = path.join(projectRoot, 'dist', 'src', 'server', 'main.js');

export interface Replica {
  baseUrl: string;
  child: ChildProcess;
  /** SIGKILL: no shutdown, no goodbye to its sockets. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

/** `npm start`'s server (built, in dist/) as its own process, on a free port, against the run's Neo4j with NEO4J_URI. */
export function startReplica(env: Record<string, string>): Promise<Replica> {
  const child = spawn(process.execPath, [server], {
    env: { ...process.env, ...neo4jEnv(), PORT: '0', SEED_ON_START: 'false', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let ending = false;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      // A replica that goes away by itself explains the test failures that follow.
      if (!ending) console.error(`replica exited unexpectedly (${code ?? signal}); its last output:\n${output.slice(-3000)}`);
      resolve();
    }),
  );
  const end = async (signal: NodeJS.Signals) => {
    ending = true;
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return new Promise((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /"url":"(http:\/\/localhost:\d+)\/graphql"/.exec(output);
      if (ready) resolve({ baseUrl: ready[1]!, child, kill: () => end('SIGKILL'), stop: () => end('SIGTERM') });
    });
    child.once('exit', (code) => reject(new Error(`replica exited (${code}) before it was ready:\n${output}`)));
  });
}
