import { setTimeout as sleep } from 'node:timers/promises';
import { EDITOR_KEY, errorCodes, postGraphQL, type ServerProcess } from './serverProcess.js';

export interface KillAndRecoverOutcome {
  acknowledgedWrites: number;
  /** From the kill to the first SERVICE_UNAVAILABLE answer. */
  firstUnavailableMs: number;
  /** From the kill to /ready answering 200 again. */
  recoveredMs: number;
  /** Requests that got no answer even past the server's own deadline (HANG_MS). */
  hungRequests: number;
  /** Answers a client retries: SERVICE_UNAVAILABLE, or TIMEOUT from a restarted, still cold Neo4j. */
  retryableAnswers: Record<string, number>;
  /** Names of acknowledged writes that are not there after recovery. */
  lostWrites: string[];
  /** Brands written more than once, after clients retried writes that failed. */
  duplicates: number;
  /** Answers other than data or a retryable error, and network failures. */
  unexpectedErrors: string[];
  retriedWrites: number;
}

/** The server answers within its deadline (20 s by default); no answer 10 s past it is a hang. */
const HANG_MS = 30_000;
const RETRYABLE = new Set(['SERVICE_UNAVAILABLE', 'TIMEOUT']);

/**
 * Writers upsert brands of unique names, retrying each write until it is acknowledged, as a client
 * should after SERVICE_UNAVAILABLE; the embedded JVM is killed with SIGKILL meanwhile. Afterwards
 * every acknowledged brand must be there, exactly once.
 */
export async function measureKillAndRecover(
  server: ServerProcess,
  options: { writers: number; beforeKillMs: number; afterRecoveryMs: number },
): Promise<KillAndRecoverOutcome> {
  const run = `Soak ${Date.now().toString(36)}`;
  const acknowledged: string[] = [];
  const unexpectedErrors: string[] = [];
  let hungRequests = 0;
  let retriedWrites = 0;
  const retryableAnswers: Record<string, number> = {};
  // eslint-disable-next-line prefer-const -- the request closures read it before it is set, so a const would still be in its temporal dead zone
  let killedAt: number | undefined;
  let firstUnavailableMs: number | undefined;
  let stopping = false;

  const sinceKill = (started: number) => (killedAt === undefined ? 'before the kill' : `sent ${Math.round(started - killedAt)} ms after the kill`);
  const upsert = async (name: string): Promise<boolean> => {
    const started = performance.now();
    try {
      const answer = await postGraphQL(
        server.baseUrl,
        { query: 'mutation ($name: String!) { upsertBrand(input: { name: $name, roles: [PHONE_MAKER] }) { id name } }', variables: { name } },
        { key: EDITOR_KEY, timeoutMs: HANG_MS },
      );
      const codes = errorCodes(answer);
      if (codes.includes('SERVICE_UNAVAILABLE') && killedAt !== undefined) firstUnavailableMs ??= performance.now() - killedAt;
      if (codes.length > 0 && codes.every((code) => RETRYABLE.has(code))) {
        for (const code of codes) retryableAnswers[code] = (retryableAnswers[code] ?? 0) + 1;
        return false;
      }
      if (codes.length > 0 || answer.status !== 200) {
        unexpectedErrors.push(`${answer.status} ${codes.join(',')}, ${sinceKill(started)}`);
        return false;
      }
      return true;
    } catch (error) {
      if ((error as Error).name === 'TimeoutError') {
        hungRequests += 1;
        unexpectedErrors.push(`no answer within ${HANG_MS} ms, ${sinceKill(started)}`);
      } else {
        unexpectedErrors.push(`network: ${(error as Error).message}, ${sinceKill(started)}`);
      }
      return false;
    }
  };

  const writer = async (index: number) => {
    for (let sequence = 0; !stopping; sequence += 1) {
      const name = `${run} w${index} n${sequence}`;
      while (!(await upsert(name))) {
        retriedWrites += 1;
        await sleep(100);
      }
      acknowledged.push(name);
    }
  };
  const writers = Array.from({ length: options.writers }, (_, index) => writer(index));

  await sleep(options.beforeKillMs);
  const pid = server.jvmPid();
  if (pid === undefined) throw new Error('the server log names no JVM pid');
  killedAt = performance.now();
  process.kill(pid, 'SIGKILL');
  let recoveredMs: number | undefined;
  while (recoveredMs === undefined) {
    const ready = await fetch(`${server.baseUrl}/ready`, { signal: AbortSignal.timeout(HANG_MS) }).catch(() => undefined);
    if (ready?.status === 503) firstUnavailableMs ??= performance.now() - killedAt;
    if (ready?.status === 200 && firstUnavailableMs !== undefined) recoveredMs = performance.now() - killedAt;
    else await sleep(200);
  }
  await sleep(options.afterRecoveryMs);
  stopping = true;
  await Promise.all(writers);

  const lostWrites: string[] = [];
  for (const name of acknowledged) {
    const answer = await postGraphQL(server.baseUrl, { query: 'query ($name: String!) { brand(name: $name) { name } }', variables: { name } });
    if ((answer.body?.data as { brand: { name: string } | null } | undefined)?.brand?.name !== name) lostWrites.push(name);
  }
  const stored = await brandNamesStartingWith(server, run);
  const duplicates = stored.length - new Set(stored).size;
  return {
    acknowledgedWrites: acknowledged.length,
    firstUnavailableMs: Math.round(firstUnavailableMs ?? Number.NaN),
    recoveredMs: Math.round(recoveredMs),
    hungRequests,
    retryableAnswers,
    lostWrites,
    duplicates,
    unexpectedErrors,
    retriedWrites,
  };
}

async function brandNamesStartingWith(server: ServerProcess, prefix: string): Promise<string[]> {
  const names: string[] = [];
  let after: string | null = null;
  for (;;) {
    const answer = await postGraphQL(server.baseUrl, {
      query: 'query ($after: String) { brands(first: 100, after: $after) { edges { node { name } } pageInfo { hasNextPage endCursor } } }',
      variables: { after },
    });
    const page = (answer.body?.data as { brands: { edges: Array<{ node: { name: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string } } }).brands;
    names.push(...page.edges.map((edge) => edge.node.name).filter((name) => name.startsWith(prefix)));
    if (!page.pageInfo.hasNextPage) return names;
    after = page.pageInfo.endCursor;
  }
}
