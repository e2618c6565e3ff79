import { setTimeout as sleep } from 'node:timers/promises';
import { errorCodes, isAlive, postGraphQL, type ServerExit, type ServerProcess } from './serverProcess.js';

export interface GroupShutdownOutcome {
  inFlightAtSignal: number;
  /** Requests sent before the signal that did not get a full answer. */
  failedInFlight: string[];
  /** Requests sent after the signal: answered (on connections still open), or refused. */
  answeredAfterSignal: number;
  refusedAfterSignal: number;
  /** From the signal to the process's exit. */
  shutdownMs: number;
  exit: ServerExit;
  jvmOutlivedServer: boolean;
}

const LOAD_QUERY = '{ brands(first: 10) { edges { node { name partners { name } } } } search(query: "leica") { score } }';
const WARM_UP_REQUESTS = 3;

/**
 * Clients send reads back to back; then SIGTERM goes to the server's whole process group, as a
 * terminal's Ctrl-C or systemd does. Every request sent before the signal must get its answer,
 * and the server must exit 0 with its JVM stopped.
 */
export async function measureGroupShutdown(server: ServerProcess, options: { clients: number; beforeSignalMs: number }): Promise<GroupShutdownOutcome> {
  const jvmPid = server.jvmPid();
  // eslint-disable-next-line prefer-const -- the request closures read it before it is set, so a const would still be in its temporal dead zone
  let signalledAt: number | undefined;
  let inFlight = 0;
  const failedInFlight: string[] = [];
  let answeredAfterSignal = 0;
  let refusedAfterSignal = 0;

  const client = async () => {
    for (;;) {
      const sentBeforeSignal = signalledAt === undefined;
      inFlight += 1;
      try {
        const answer = await postGraphQL(server.baseUrl, { query: LOAD_QUERY });
        const codes = errorCodes(answer);
        if (answer.status !== 200 || codes.length > 0) {
          if (sentBeforeSignal) failedInFlight.push(`${answer.status} ${codes.join(',')}`);
        } else if (!sentBeforeSignal) {
          answeredAfterSignal += 1;
        }
      } catch (error) {
        const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
        if (sentBeforeSignal) failedInFlight.push(`network: ${cause}`);
        else refusedAfterSignal += 1;
        // The server is gone or going: this client is done.
        if (!sentBeforeSignal) return;
      } finally {
        inFlight -= 1;
      }
    }
  };
  // A Neo4j just (re)started compiles each statement once; let that happen before the clock matters.
  for (let request = 0; request < WARM_UP_REQUESTS; request += 1) await postGraphQL(server.baseUrl, { query: LOAD_QUERY });
  const clients = Array.from({ length: options.clients }, () => client());
  await sleep(options.beforeSignalMs);
  signalledAt = performance.now();
  const inFlightAtSignal = inFlight;
  server.signalGroup('SIGTERM');
  const exit = await server.exited;
  const shutdownMs = performance.now() - signalledAt;
  await Promise.all(clients);
  return {
    inFlightAtSignal,
    failedInFlight,
    answeredAfterSignal,
    refusedAfterSignal,
    shutdownMs: Math.round(shutdownMs),
    exit,
    jvmOutlivedServer: jvmPid !== undefined && isAlive(jvmPid),
  };
}
