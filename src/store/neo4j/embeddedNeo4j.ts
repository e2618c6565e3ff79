import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, statSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import { DEFAULT_MIN_REPLAN_SECONDS, projectRoot, type EmbeddedNeo4jConfig } from '../../config/config.js';

const launcherDir = path.join(projectRoot, 'neo4j-launcher');
const launcherJar = path.join(launcherDir, 'target', 'neo4j-launcher-1.0.0.jar');
const launcherLibDir = path.join(launcherDir, 'target', 'lib');
const READY_PREFIX = 'PARTNERGRAPH_NEO4J_READY ';
const READY_TIMEOUT_MS = 180_000;
const STOP_GRACE_MS = 30_000;

export const JAVA_MISSING_HELP = [
  'Partnergraph starts an embedded Neo4j 5, which needs Java 17 (a JDK) and Maven on the PATH.',
  'Install them (Debian/Ubuntu: `apt-get install openjdk-17-jdk-headless maven`), or point the app',
  'at a Neo4j you already run: `NEO4J_URI=bolt://host:7687 NEO4J_USERNAME=neo4j NEO4J_PASSWORD=... npm start`',
  '(neo4j:// and neo4j+s:// URIs work for clusters and Aura), or run `docker compose up` to get',
  'Neo4j and the API together.',
].join('\n');

export class EmbeddedNeo4jError extends Error {}

export interface JvmExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** The Bolt user the launcher sets a password for (neo4j-launcher's EmbeddedNeo4j.USER). */
export const EMBEDDED_NEO4J_USER = 'neo4j';

/** A fresh random password for one embedded Neo4j: 32 random bytes, hex. */
export function newEmbeddedPassword(): string {
  return randomBytes(32).toString('hex');
}

/** Where a Neo4j listens and whom it lets in. */
export interface Neo4jConnection {
  uri: string;
  username: string;
  /** Never logged: for the embedded Neo4j it lives in this object and on the JVM's stdin only. */
  password: string;
}

export interface RunningNeo4j extends Neo4jConnection {
  pid: number;
  /** Settles when the JVM is gone, whether stopped or not. */
  exited: Promise<JvmExit>;
  stop(): Promise<void>;
}

type Progress = (line: string) => void;

/**
 * Builds the Java launcher with Maven when its jar is missing or older than its sources.
 * The first build downloads Neo4j and its dependencies (over 100 MB) from Maven Central.
 */
export async function ensureLauncherBuilt(progress: Progress): Promise<void> {
  requireTool('java', ['-version']);
  if (launcherIsCurrent()) return;
  requireTool('mvn', ['-v']);
  progress('Building the embedded Neo4j launcher with Maven (the first build downloads over 100 MB)...');
  await runMavenPackage(progress);
  progress('Embedded Neo4j launcher built.');
}

function launcherIsCurrent(): boolean {
  if (!existsSync(launcherJar) || !existsSync(launcherLibDir)) return false;
  const builtAt = statSync(launcherJar).mtimeMs;
  const sources = [path.join(launcherDir, 'pom.xml'), ...listFiles(path.join(launcherDir, 'src'))];
  return sources.every((file) => statSync(file).mtimeMs <= builtAt);
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(full) : [full];
  });
}

function requireTool(command: string, args: string[]): void {
  const result = spawnSync(command, args, { stdio: 'ignore' });
  if (result.error) {
    throw new EmbeddedNeo4jError(`\`${command}\` was not found.\n\n${JAVA_MISSING_HELP}`);
  }
}

function runMavenPackage(progress: Progress): Promise<void> {
  return new Promise((resolve, reject) => {
    const maven = spawn('mvn', ['-B', 'package', '-DskipTests'], { cwd: launcherDir, stdio: ['ignore', 'pipe', 'pipe'] });
    const tail: string[] = [];
    let downloaded = 0;
    let downloadedKb = 0;
    const lines = readline.createInterface({ input: maven.stdout });
    lines.on('line', (line) => {
      tail.push(line);
      if (tail.length > 40) tail.shift();
      const download = /^Downloaded from \S+: \S+ \(([\d.]+) (kB|MB|B)/.exec(line);
      if (download) {
        downloaded += 1;
        downloadedKb += Number(download[1]) * (download[2] === 'MB' ? 1024 : download[2] === 'kB' ? 1 : 1 / 1024);
        if (downloaded % 20 === 0) {
          progress(`  Maven: ${downloaded} files downloaded (${(downloadedKb / 1024).toFixed(1)} MB)`);
        }
      } else if (/^\[INFO\] (Building|BUILD|Copying)/.test(line) && !line.startsWith('[INFO] Copying ')) {
        progress(`  Maven: ${line.replace(/^\[INFO\] /, '')}`);
      }
    });
    maven.stderr.on('data', (chunk: Buffer) => tail.push(chunk.toString()));
    maven.on('error', reject);
    maven.on('exit', (code) => {
      if (code === 0) resolve();
      else reject(new EmbeddedNeo4jError(`Maven failed to build the Neo4j launcher (exit ${code}):\n${tail.join('\n')}`));
    });
  });
}

/**
 * Starts Neo4j embedded in a child JVM and resolves once its Bolt connector accepts connections.
 * The JVM runs in a process group of its own, so a terminal's Ctrl-C or a group SIGTERM reaches
 * only this process, which stops it last. It still exits when our end of its stdin pipe closes,
 * so it dies with this process however this process ends. Bolt asks for `password` (a new random
 * one unless given), so only whoever holds the returned object can connect.
 */
export async function startEmbeddedNeo4j(config: EmbeddedNeo4jConfig, progress: Progress, password: string = newEmbeddedPassword()): Promise<RunningNeo4j> {
  await ensureLauncherBuilt(progress);
  mkdirSync(config.dataDir, { recursive: true });
  const port = await chooseBoltPort(config, progress);
  const jvm = spawn(
    'java',
    [
      `-Xms${config.heapMb}m`,
      `-Xmx${config.heapMb}m`,
      '-XX:+ExitOnOutOfMemoryError',
      '-Dfile.encoding=UTF-8',
      '--add-opens=java.base/java.nio=ALL-UNNAMED',
      '--add-opens=java.base/java.io=ALL-UNNAMED',
      '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
      '-cp',
      [launcherJar, path.join(launcherLibDir, '*')].join(path.delimiter),
      'dev.partnergraph.launcher.EmbeddedNeo4j',
      '--data-dir',
      config.dataDir,
      '--port',
      String(port),
      '--page-cache-mb',
      String(config.pageCacheMb),
      '--min-replan-seconds',
      String(config.minReplanSeconds ?? DEFAULT_MIN_REPLAN_SECONDS),
    ],
    { stdio: ['pipe', 'pipe', 'pipe'], detached: true },
  );
  // On stdin, not in argv or the environment, which other users of the host can read through /proc.
  jvm.stdin.write(`${password}\n`);
  const exited = new Promise<JvmExit>((resolve) => jvm.once('exit', (code, signal) => resolve({ code, signal })));
  const uri = await waitForReady(jvm, config, port);
  return {
    uri,
    username: EMBEDDED_NEO4J_USER,
    password,
    pid: jvm.pid ?? -1,
    exited,
    stop: () => stopJvm(jvm, exited),
  };
}

/** The port of a `bolt://host:port` URI. */
export function boltPortOf(uri: string): number {
  return Number(new URL(uri).port);
}

/**
 * The configured Bolt port, or 0 (any free port) when the default one is taken and the
 * configuration allows falling back; an explicitly chosen port that is taken is an error.
 */
export async function chooseBoltPort(config: EmbeddedNeo4jConfig, progress: Progress): Promise<number> {
  if (config.boltPort === 0 || (await portIsFree(config.boltPort))) return config.boltPort;
  if (config.boltPortFallback) {
    progress(`Bolt port ${config.boltPort} is taken; the embedded Neo4j listens on a free port instead.`);
    return 0;
  }
  throw new EmbeddedNeo4jError(portTakenHelp(config.boltPort));
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

function portTakenHelp(port: number): string {
  return (
    `Port ${port} on 127.0.0.1 is already in use, so the embedded Neo4j cannot listen for Bolt there. ` +
    'Another Partnergraph or a Neo4j of your own probably runs; stop it, or set NEO4J_BOLT_PORT to another ' +
    'port (0 picks any free one), or point the app at that Neo4j with NEO4J_URI.'
  );
}

function storeLockedHelp(dataDir: string): string {
  return (
    `Another process holds the lock on the Neo4j store in ${dataDir}: most likely another Partnergraph ` +
    '(or a Neo4j) is using that directory. Stop it, or set NEO4J_DATA_DIR to a directory of its own.'
  );
}

/** A one-paragraph explanation for the startup failures people cause themselves, instead of a JVM stack trace. */
function explainStartupFailure(output: string[], config: EmbeddedNeo4jConfig, port: number): string | undefined {
  const text = output.join('\n');
  if (/FileLockException|store_lock|Lock file has been locked/i.test(text)) return storeLockedHelp(config.dataDir);
  if (/Address already in use|BindException|PortBindException/i.test(text)) return portTakenHelp(port);
  return undefined;
}

function waitForReady(jvm: ChildProcess, config: EmbeddedNeo4jConfig, port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const output: string[] = [];
    const timer = setTimeout(() => {
      jvm.kill('SIGKILL');
      reject(new EmbeddedNeo4jError(`Embedded Neo4j did not become ready within ${READY_TIMEOUT_MS / 1000}s:\n${output.join('\n')}`));
    }, READY_TIMEOUT_MS);
    const collect = (line: string) => {
      output.push(line);
      if (output.length > 200) output.shift();
    };
    readline.createInterface({ input: jvm.stdout! }).on('line', (line) => {
      if (line.startsWith(READY_PREFIX)) {
        clearTimeout(timer);
        resolve(line.slice(READY_PREFIX.length).trim());
      } else {
        collect(line);
      }
    });
    readline.createInterface({ input: jvm.stderr! }).on('line', collect);
    jvm.once('error', (error) => {
      clearTimeout(timer);
      reject(new EmbeddedNeo4jError(`Could not start java: ${error.message}\n\n${JAVA_MISSING_HELP}`));
    });
    jvm.once('exit', (code, signal) => {
      clearTimeout(timer);
      const explained = explainStartupFailure(output, config, port);
      reject(new EmbeddedNeo4jError(explained ?? `Embedded Neo4j exited before it was ready (code ${code}, signal ${signal}):\n${output.join('\n')}`));
    });
  });
}

async function stopJvm(jvm: ChildProcess, exited: Promise<JvmExit>): Promise<void> {
  if (jvm.exitCode !== null || jvm.signalCode !== null) return;
  jvm.kill('SIGTERM');
  const killTimer = setTimeout(() => jvm.kill('SIGKILL'), STOP_GRACE_MS);
  await exited;
  clearTimeout(killTimer);
}
