import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fuzzRequests } from '../../soak/fuzzRequests.js';
import { measureGroupShutdown } from '../../soak/shutdownUnderLoad.js';
import { measureKillAndRecover } from '../../soak/killAndRecover.js';
import { errorCodes, postGraphQL, startServerProcess, type ServerProcess } from '../../soak/serverProcess.js';

/**
 * The built server as `npm start` runs it, with its own embedded Neo4j in a temporary store (the
 * run's shared JVM is never touched), in its own process group. The tests run in order on it:
 * fuzzing, then a JVM kill, then a group SIGTERM, which ends it.
 */
let server: ServerProcess;

beforeAll(async () => {
  // No warm-up: these tests are about failures, not first-request latency, and it would add seconds to the start.
  server = await startServerProcess({ env: { NEO4J_MAX_RESTARTS: '3', SHUTDOWN_GRACE_S: '20', WARM_UP: 'false' } });
});

afterAll(async () => {
  await server?.stop();
});

it('answers fuzzed requests generated from the schema without a 5xx or an INTERNAL_SERVER_ERROR', async () => {
  let sent = 0;
  await fc.assert(
    fc.asyncProperty(fuzzRequests(), async (request) => {
      const answer = await postGraphQL(server.baseUrl, request.body, { key: request.key });
      sent += 1;
      expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(500);
      expect(errorCodes(answer)).not.toContain('INTERNAL_SERVER_ERROR');
    }),
    { numRuns: 300 },
  );
  expect(sent).toBeGreaterThanOrEqual(300);
}, 120_000);

it('restarts the embedded Neo4j after kill -9, answering SERVICE_UNAVAILABLE meanwhile and losing no acknowledged write', async () => {
  const outcome = await measureKillAndRecover(server, { writers: 4, beforeKillMs: 1_500, afterRecoveryMs: 1_000 });
  expect(outcome.acknowledgedWrites).toBeGreaterThan(0);
  expect(outcome.firstUnavailableMs).toBeLessThan(6_000);
  expect(outcome.hungRequests).toBe(0);
  expect(outcome.retryableAnswers.SERVICE_UNAVAILABLE).toBeGreaterThan(0);
  expect(outcome.recoveredMs).toBeLessThan(120_000);
  expect(outcome.lostWrites).toEqual([]);
  expect(outcome.duplicates).toBe(0);
  expect(outcome.unexpectedErrors).toEqual([]);
  expect(server.output.some((line) => line.includes('"level":50') && line.includes('exited unexpectedly'))).toBe(true);
}, 180_000);

it('finishes every request in flight on a group SIGTERM under load, stops Neo4j and exits 0', async () => {
  const outcome = await measureGroupShutdown(server, { clients: 12, beforeSignalMs: 1_500 });
  expect(outcome.inFlightAtSignal).toBeGreaterThan(0);
  expect(outcome.failedInFlight).toEqual([]);
  expect(outcome.exit).toEqual({ code: 0, signal: null });
  expect(outcome.jvmOutlivedServer).toBe(false);
}, 120_000);
