import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import fc from 'fast-check';
import { projectRoot } from '../src/config/config.js';
import { boltPortOf, EMBEDDED_NEO4J_USER, newEmbeddedPassword, startEmbeddedNeo4j, type RunningNeo4j } from '../src/store/neo4j/embeddedNeo4j.js';
import { forgedBookmarks, isResponsive, logFlood, RESPONSIVE, webSocketBomb, type Responsiveness } from './attacks.js';
import { fuzzRequests, type FuzzRequest } from './fuzzRequests.js';
import { measureKillAndRecover } from './killAndRecover.js';
import { runMixedLoad } from './mixedLoad.js';
import { errorCodes, postGraphQL, startServerProcess, type Answer, type ServerProcess } from './serverProcess.js';
import { reliabilityReport, type Row } from './report.js';
import { measureGroupShutdown } from './shutdownUnderLoad.js';

/**
 * `npm run soak`: load, fault and fuzz runs against the built server on loopback, each bounded in
 * time, written to docs/reliability.md. The whole run stops itself after SOAK_DEADLINE_MS.
 */
const SOAK_DEADLINE_MS = 45 * 60_000;
const SCENARIOS = {
  embedded: embeddedScenarios,
  attacks: attackScenarios,
  giveUp: giveUpScenario,
  external: externalScenarios,
  startupExit: startupExitScenario,
};
type ScenarioName = keyof typeof SCENARIOS;
const USAGE = `npm run soak [-- --only <group>[,<group>...]]: load, fault, fuzz and attack runs against the built server on loopback;
writes docs/reliability.md. Groups: ${Object.keys(SCENARIOS).join(', ')}. With --only, the chosen groups run and their rows
are printed; docs/reliability.md, which holds every row, is left as it is.
Environment: SOAK_FUZZ_CASES (10000) fuzzed requests, SOAK_MIXED_SECONDS (60) of mixed load.
Exit 0 when every row passes, 1 when one fails, 2 past the ${SOAK_DEADLINE_MS / 60_000} minute deadline.`;
const { only, unknown } = parseArguments(process.argv.slice(2));
if (unknown.length > 0) {
  const help = unknown.some((arg) => arg === '--help' || arg === '-h');
  (help ? console.log : console.error)(help ? USAGE : `soak: unknown argument ${unknown[0]}\n\n${USAGE}`);
  process.exit(help ? 0 : 2);
}

function parseArguments(args: string[]): { only: ScenarioName[] | undefined; unknown: string[] } {
  const index = args.findIndex((arg) => arg === '--only' || arg.startsWith('--only='));
  if (index === -1) return { only: undefined, unknown: args };
  const value = args[index]!.includes('=') ? args[index]!.slice('--only='.length) : args[index + 1];
  const names = (value ?? '').split(',').filter(Boolean);
  const rest = args.filter((_, position) => position !== index && !(position === index + 1 && !args[index]!.includes('=')));
  const bad = names.filter((name) => !(name in SCENARIOS));
  return { only: names as ScenarioName[], unknown: [...rest, ...(names.length === 0 ? ['--only'] : bad)] };
}

const FUZZ_CASES = Number(process.env.SOAK_FUZZ_CASES ?? 10_000);
const MIXED_SECONDS = Number(process.env.SOAK_MIXED_SECONDS ?? 60);
const COMMAND = 'npm run soak';

const rows: Row[] = [];
const record = (test: string, figure: string, pass: boolean) => {
  rows.push({ test, figure, pass });
  console.error(`${pass ? 'PASS' : 'FAIL'}  ${test}: ${figure}`);
};

const deadline = setTimeout(() => {
  console.error(`soak: over ${SOAK_DEADLINE_MS / 60_000} minutes, stopping`);
  process.exit(2);
}, SOAK_DEADLINE_MS);
deadline.unref();

const started = Date.now();
// Generated before any server starts: generating blocks the event loop for seconds, and a client
// whose keep-alive timers cannot fire reuses connections the server has closed meanwhile.
const chosen = only ?? (Object.keys(SCENARIOS) as ScenarioName[]);
const fuzzCases = chosen.includes('embedded') ? fc.sample(fuzzRequests(), { numRuns: FUZZ_CASES, seed: 12 }) : [];
for (const name of chosen) {
  const scenario = SCENARIOS[name];
  await scenario().catch((error: Error) => record(scenario.name, `did not finish: ${error.message.slice(0, 300)}`, false));
}
if (only === undefined) writeReport();
process.exit(rows.every((row) => row.pass) ? 0 : 1);

async function embeddedScenarios(): Promise<void> {
  const server = await startServerProcess();
  try {
    const mixed = await runMixedLoad(server, { clients: 50, seconds: MIXED_SECONDS, writeShare: 0.1 });
    record(
      `Mixed load: ${mixed.clients} clients x ${mixed.seconds} s, 10% writes`,
      `${mixed.requests} requests (${mixed.writes} writes), ${mixed.perSecond} req/s, p50 ${mixed.p50Ms} ms, p99 ${mixed.p99Ms} ms ` +
        `(writes p50 ${mixed.writeP50Ms} ms, p99 ${mixed.writeP99Ms} ms), ` +
        `${mixed.errors.length} errors${summarize(mixed.errors)}, ${mixed.writesNotReadBack} acknowledged writes not read back`,
      mixed.errors.length === 0 && mixed.writesNotReadBack === 0,
    );

    const fuzz = await runFuzz(server, fuzzCases);
    record(
      `Fuzz: ${fuzz.cases} requests generated from the schema`,
      `${fuzz.fiveHundreds} answers >= 500, ${fuzz.internal} INTERNAL_SERVER_ERROR, ${fuzz.networkFailures} without an answer; statuses ${JSON.stringify(fuzz.statuses)}`,
      fuzz.fiveHundreds === 0 && fuzz.internal === 0 && fuzz.networkFailures === 0,
    );

    await storeLockScenario(server);

    const kill = await measureKillAndRecover(server, { writers: 10, beforeKillMs: 5_000, afterRecoveryMs: 5_000 });
    record(
      'JVM kill -9 under write load (10 writers retrying until acknowledged)',
      `first SERVICE_UNAVAILABLE ${kill.firstUnavailableMs} ms after the kill, recovered (/ready 200) after ${(kill.recoveredMs / 1000).toFixed(1)} s, ` +
        `${kill.hungRequests} hung requests, ${kill.acknowledgedWrites} writes acknowledged, ${kill.lostWrites.length} lost, ${kill.duplicates} duplicates, ` +
        `retryable answers ${JSON.stringify(kill.retryableAnswers)}, ${kill.unexpectedErrors.length} other errors${summarize(kill.unexpectedErrors)}`,
      kill.firstUnavailableMs < 6_000 && kill.hungRequests === 0 && kill.lostWrites.length === 0 && kill.duplicates === 0 && kill.unexpectedErrors.length === 0,
    );

    const shutdown = await measureGroupShutdown(server, { clients: 32, beforeSignalMs: 3_000 });
    record(
      'Group SIGTERM under load (32 clients)',
      `${shutdown.inFlightAtSignal} requests in flight at the signal, ${shutdown.failedInFlight.length} of them failed${summarize(shutdown.failedInFlight)}; ` +
        `${shutdown.answeredAfterSignal} answered and ${shutdown.refusedAfterSignal} refused after it; exit ${JSON.stringify(shutdown.exit)} after ${shutdown.shutdownMs} ms; ` +
        `JVM outlived the server: ${shutdown.jvmOutlivedServer}`,
      shutdown.failedInFlight.length === 0 && shutdown.exit.code === 0 && !shutdown.jvmOutlivedServer,
    );
  } finally {
    await server.stop();
  }
}

/**
 * Attacks an anonymous client could make, each bounded to seconds, on a server of their own; each row also shows the
 * server answering its normal clients meanwhile.
 */
async function attackScenarios(): Promise<void> {
  const server = await startServerProcess();
  const responsive = (seen: Responsiveness) =>
    `; meanwhile ${seen.probes} probes, slowest /health ${Math.round(seen.slowestHealthMs)} ms (bar ${RESPONSIVE.healthMs}), slowest read ${Math.round(seen.slowestReadMs)} ms (bar ${RESPONSIVE.readMs})`;
  try {
    const bookmarks = await forgedBookmarks(server);
    record(
      'Forged Neo4j-Bookmarks header (30 reads at once: unsigned, re-signed, mangled)',
      `${bookmarks.refused} of ${bookmarks.requests} refused 400 BAD_USER_INPUT, slowest answer ${Math.round(bookmarks.slowestAnswerMs)} ms${responsive(bookmarks.seen)}`,
      bookmarks.refused === bookmarks.requests && isResponsive(bookmarks.seen),
    );

    const bomb = await webSocketBomb(server);
    record(
      'WebSocket fragment bomb (26 fragments each spreading the previous twice, 10 sockets x 5)',
      `${bomb.sent} sent, answered ${JSON.stringify(bomb.codes)}${responsive(bomb.seen)}`,
      bomb.codes.LIMIT_EXCEEDED === bomb.sent && isResponsive(bomb.seen),
    );

    const flood = await logFlood(server);
    record(
      'Log flood (5 requests with a 200 kB operation name)',
      `statuses ${JSON.stringify(flood.statuses)}, log grew ${(flood.logGrowthBytes / 1024).toFixed(1)} kB (bar 100 kB)${responsive(flood.seen)}`,
      flood.logGrowthBytes < 100 * 1024 && isResponsive(flood.seen),
    );
  } finally {
    await server.stop();
  }
}

/** Sends fuzzed requests, four at a time, and counts what came back. */
async function runFuzz(server: ServerProcess, requests: FuzzRequest[]) {
  const statuses: Record<string, number> = {};
  let fiveHundreds = 0;
  let internal = 0;
  let networkFailures = 0;
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const request = requests[next++]!;
      const answer = await postGraphQL(server.baseUrl, request.body, { key: request.key }).catch((error: Error) => {
        const cause = (error as { cause?: { code?: string } }).cause?.code ?? error.name;
        return { status: `network ${cause}`, body: undefined, ms: 0 };
      });
      statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
      if (typeof answer.status === 'string') networkFailures += 1;
      if (typeof answer.status === 'number') {
        if (answer.status >= 500) fiveHundreds += 1;
        if (errorCodes(answer as Answer).includes('INTERNAL_SERVER_ERROR')) internal += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: 4 }, () => worker()));
  return { cases: requests.length, statuses, fiveHundreds, internal, networkFailures };
}

/** A second server on the store of a running one must say so in one paragraph and exit non-zero. */
async function storeLockScenario(running: ServerProcess): Promise<void> {
  const storeDir = running.output.map((line) => /"dataDir":"([^"]+)"/.exec(line)?.[1]).find(Boolean)!;
  const second = await startServerProcess({ dataDir: path.dirname(storeDir), readyTimeoutMs: 180_000 }).then(
    async (server) => {
      await server.stop();
      return undefined;
    },
    (error: Error) => error.message,
  );
  const explained = second?.includes('Another process holds the lock on the Neo4j store') ?? false;
  record('Second server on the same store', explained ? 'refused with the store-lock paragraph, exit 1' : `not explained: ${second?.slice(0, 300)}`, explained);
}

/** Restarts that keep failing (its Bolt port taken meanwhile) end the server with exit 1 and a clear message. */
async function giveUpScenario(): Promise<void> {
  const server = await startServerProcess({ env: { NEO4J_MAX_RESTARTS: '2' } });
  let squatter: Server | undefined;
  try {
    const port = boltPortOf(JSON.parse(server.output.find((line) => line.includes('"embedded Neo4j ready"'))!).uri as string);
    const killedAt = performance.now();
    process.kill(server.jvmPid()!, 'SIGKILL');
    squatter = await squat(port);
    const exit = await Promise.race([server.exited, sleep(120_000).then(() => undefined)]);
    const seconds = ((performance.now() - killedAt) / 1000).toFixed(1);
    const message = server.output.find((line) => line.includes('restarts in a row failed')) !== undefined;
    record(
      'Embedded Neo4j that cannot be restarted (NEO4J_MAX_RESTARTS=2, Bolt port taken)',
      exit ? `exit ${exit.code} ${seconds} s after the kill, ${message ? 'with' : 'without'} the give-up message` : 'did not exit within 120 s',
      exit?.code === 1 && message,
    );
  } finally {
    squatter?.close();
    await server.stop();
  }
}

/** Takes the port as soon as the killed JVM's socket is gone, before the first restart (1 s later) can. */
async function squat(port: number): Promise<Server> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await new Promise<Server>((resolve, reject) => {
        const squatter = createServer();
        squatter.once('error', reject);
        squatter.listen(port, '127.0.0.1', () => resolve(squatter));
      });
    } catch (error) {
      if (attempt >= 15) throw error;
      await sleep(50);
    }
  }
}

/** Neo4j run by hand (the launcher), the API pointed at it with NEO4J_URI. */
async function externalScenarios(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'partnergraph-soak-external-'));
  const port = await freePort();
  // Chosen before either starts: the API is told it before the Neo4j it waits for exists, and the restart keeps it.
  const password = newEmbeddedPassword();
  const startNeo4j = () => startEmbeddedNeo4j({ dataDir, boltPort: port, pageCacheMb: 48, heapMb: 384 }, () => {}, password);
  let neo4j: RunningNeo4j | undefined;
  let server: ServerProcess | undefined;
  try {
    // Down at API start: the API waits (NEO4J_STARTUP_WAIT_S) and serves nothing until Neo4j answers.
    const serverStarting = startServerProcess({
      env: { NEO4J_URI: `bolt://127.0.0.1:${port}`, NEO4J_USERNAME: EMBEDDED_NEO4J_USER, NEO4J_PASSWORD: password, NEO4J_STARTUP_WAIT_S: '300' },
    });
    await sleep(5_000);
    const neo4jStartedAt = performance.now();
    neo4j = await startNeo4j();
    server = await serverStarting;
    const waited = server.output.filter((line) => line.includes('Neo4j does not answer yet')).length;
    record(
      'Neo4j down at API start (NEO4J_STARTUP_WAIT_S=300)',
      `no HTTP listener while waiting (${waited} retries logged); served ${((performance.now() - neo4jStartedAt) / 1000).toFixed(1)} s after Neo4j was started`,
      waited > 0,
    );

    const outage = await externalOutage(server, async () => {
      await neo4j!.stop();
      await sleep(5_000);
      neo4j = await startNeo4j();
    });
    record(
      'External Neo4j stopped for 5 s and restarted under load (4 clients)',
      `${outage.unavailable} SERVICE_UNAVAILABLE during the outage, ${outage.hung} hung, ${outage.other.length} other errors${summarize(outage.other)}; ` +
        `first success ${(outage.recoveredMs / 1000).toFixed(1)} s after Neo4j was back, API pid unchanged: ${outage.samePid}`,
      outage.hung === 0 && outage.other.length === 0 && outage.samePid && outage.recoveredMs < 30_000,
    );
  } finally {
    await server?.stop();
    await neo4j?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function externalOutage(server: ServerProcess, outage: () => Promise<void>) {
  const pid = server.child.pid;
  let unavailable = 0;
  let hung = 0;
  const other: string[] = [];
  // eslint-disable-next-line prefer-const -- the request closures read it before it is set, so a const would still be in its temporal dead zone
  let backAt: number | undefined;
  let firstSuccessAfterBack: number | undefined;
  let done = false;
  const client = async () => {
    while (!done) {
      try {
        const answer = await postGraphQL(server.baseUrl, { query: '{ brand(name: "Leica") { name partners { name } } }' }, { timeoutMs: 30_000 });
        const codes = errorCodes(answer);
        if (codes.length === 0 && answer.status === 200) {
          if (backAt !== undefined) firstSuccessAfterBack ??= performance.now() - backAt;
        } else if (codes.every((code) => code === 'SERVICE_UNAVAILABLE')) {
          unavailable += 1;
          await sleep(100);
        } else {
          other.push(`${answer.status} ${codes.join(',')}`);
        }
      } catch (error) {
        if ((error as Error).name === 'TimeoutError') hung += 1;
        else other.push(`network: ${(error as Error).message}`);
      }
    }
  };
  const clients = Array.from({ length: 4 }, () => client());
  await sleep(3_000);
  await outage();
  backAt = performance.now();
  while (firstSuccessAfterBack === undefined && performance.now() - backAt < 60_000) await sleep(100);
  await sleep(2_000);
  done = true;
  await Promise.all(clients);
  return {
    unavailable,
    hung,
    other,
    recoveredMs: firstSuccessAfterBack ?? Number.POSITIVE_INFINITY,
    samePid: server.child.pid === pid && server.child.exitCode === null,
  };
}

/** NEO4J_STARTUP_WAIT_S=2 and nothing listening: the API exits 1 with a message that says what to check. */
async function startupExitScenario(): Promise<void> {
  const port = await freePort();
  const startedAt = performance.now();
  const outcome = await startServerProcess({ env: { NEO4J_URI: `bolt://127.0.0.1:${port}`, NEO4J_STARTUP_WAIT_S: '2' }, readyTimeoutMs: 60_000 }).then(
    async (server) => `served: ${JSON.stringify(await server.stop())}`,
    (error: Error) => error.message,
  );
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  const explained = outcome.includes('did not answer within 2 s, so Partnergraph does not start');
  record(
    'Neo4j down at API start (NEO4J_STARTUP_WAIT_S=2)',
    explained ? `exit 1 after ${seconds} s with the unreachable-Neo4j paragraph` : outcome.slice(0, 300),
    explained,
  );
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

function summarize(items: string[]): string {
  if (items.length === 0) return '';
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return ` (${[...counts]
    .slice(0, 4)
    .map(([item, count]) => `${count}x ${item}`)
    .join('; ')})`;
}

function audit(): string {
  try {
    return execFileSync('npm', ['audit', '--omit=dev'], { cwd: projectRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    return `${stdout ?? ''}${stderr ?? ''}`.trim();
  }
}

function writeReport(): void {
  const file = path.join(projectRoot, 'docs', 'reliability.md');
  const text = reliabilityReport({
    command: COMMAND,
    rows,
    written: new Date(),
    minutes: (Date.now() - started) / 60_000,
    cores: os.cpus().length,
    loadAverage: os.loadavg(),
    audit: audit(),
    previous: existsSync(file) ? readFileSync(file, 'utf8') : '',
  });
  writeFileSync(file, text);
  console.error(`wrote docs/reliability.md`);
}
