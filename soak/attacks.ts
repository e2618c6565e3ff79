import { setTimeout as sleep } from 'node:timers/promises';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { EDITOR_KEY, errorCodes, postGraphQL, type ServerProcess } from './serverProcess.js';

/** How the server answered its normal clients while an attack ran. */
export interface Responsiveness {
  slowestHealthMs: number;
  slowestReadMs: number;
  probes: number;
}

/** The bars every attack row must meet: /health under 1 s and a normal read under 5 s. */
export const RESPONSIVE = { healthMs: 1_000, readMs: 5_000 } as const;

export const isResponsive = (seen: Responsiveness) => seen.probes > 0 && seen.slowestHealthMs < RESPONSIVE.healthMs && seen.slowestReadMs < RESPONSIVE.readMs;

/** Probes /health and a normal read one after the other, every 100 ms, until `attack` settles; its probes time out at 10 s. */
async function whileUnder<T>(server: ServerProcess, attack: () => Promise<T>): Promise<{ outcome: T; seen: Responsiveness }> {
  const seen: Responsiveness = { slowestHealthMs: 0, slowestReadMs: 0, probes: 0 };
  // One probe before the attack, not counted: the first answers of a fresh server pay for its cold start, not the attack.
  await fetch(`${server.baseUrl}/health`);
  await postGraphQL(server.baseUrl, { query: '{ brand(name: "Leica") { name partners { name } } }' });
  let done = false;
  const probing = (async () => {
    while (!done) {
      const started = performance.now();
      const health = await fetch(`${server.baseUrl}/health`, { signal: AbortSignal.timeout(10_000) }).catch(() => undefined);
      seen.slowestHealthMs = Math.max(seen.slowestHealthMs, health?.ok ? performance.now() - started : Number.POSITIVE_INFINITY);
      const read = await postGraphQL(server.baseUrl, { query: '{ brand(name: "Leica") { name partners { name } } }' }, { timeoutMs: 10_000 }).catch(
        () => undefined,
      );
      seen.slowestReadMs = Math.max(seen.slowestReadMs, read?.status === 200 && errorCodes(read).length === 0 ? read.ms : Number.POSITIVE_INFINITY);
      seen.probes += 1;
      await sleep(100);
    }
  })();
  try {
    return { outcome: await attack(), seen };
  } finally {
    done = true;
    await probing;
  }
}

/** 30 reads at once, each with a forged Neo4j-Bookmarks header: a real bookmark unsigned, re-signed, or mangled. */
export async function forgedBookmarks(server: ServerProcess) {
  const written = await postGraphQL(server.baseUrl, { query: 'mutation { upsertBrand(input: { name: "Soak Bookmark" }) { id } }' }, { key: EDITOR_KEY });
  const token = ((written.body as { extensions?: { bookmarks?: string[] } }).extensions?.bookmarks ?? [])[0] ?? '';
  const bookmark = token.slice(token.indexOf('.') + 1);
  const forgeries = [bookmark, `${'A'.repeat(43)}.${bookmark}`, `${token.slice(0, 43)}.${bookmark.slice(0, -3)}zz=`];
  const { outcome, seen } = await whileUnder(server, () =>
    Promise.all(
      Array.from({ length: 30 }, (_, index) =>
        postGraphQL(
          server.baseUrl,
          { query: '{ brands(first: 1) { totalCount } }' },
          { headers: { 'neo4j-bookmarks': forgeries[index % forgeries.length]! }, timeoutMs: 30_000 },
        ),
      ),
    ),
  );
  const refused = outcome.filter((answer) => answer.status === 400 && errorCodes(answer).includes('BAD_USER_INPUT')).length;
  return { requests: outcome.length, refused, slowestAnswerMs: Math.max(...outcome.map((answer) => answer.ms)), seen };
}

/** 26 fragments, each spreading the previous one twice: about 2 kB that would expand to 2^26 selections. */
function fragmentBomb(): string {
  const fragments = ['fragment F0 on LeakRecorded { leakId }'];
  for (let index = 1; index <= 25; index += 1) fragments.push(`fragment F${index} on LeakRecorded { ...F${index - 1} ...F${index - 1} }`);
  return `subscription { leakRecorded { ...F25 } }\n${fragments.join('\n')}`;
}

/** The bomb sent as a subscription on each of 10 WebSockets, 5 times each. */
export async function webSocketBomb(server: ServerProcess) {
  const query = fragmentBomb();
  const codes: string[] = [];
  const { seen } = await whileUnder(server, async () => {
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        const client = createClient({ url: `${server.baseUrl.replace(/^http/, 'ws')}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0, lazy: true });
        try {
          for (let attempt = 0; attempt < 5; attempt += 1) {
            await new Promise<void>((resolve) => {
              const timer = setTimeout(() => (codes.push('NO_ANSWER_IN_10_S'), resolve()), 10_000);
              client.subscribe(
                { query },
                {
                  next: () => {},
                  error: (error) => {
                    clearTimeout(timer);
                    const errors = Array.isArray(error) ? (error as Array<{ extensions?: { code?: string } }>) : [];
                    codes.push(errors[0]?.extensions?.code ?? 'NO_CODE');
                    resolve();
                  },
                  complete: () => (clearTimeout(timer), codes.push('COMPLETED'), resolve()),
                },
              );
            });
          }
        } finally {
          await client.dispose();
        }
      }),
    );
  });
  const counts: Record<string, number> = {};
  for (const code of codes) counts[code] = (counts[code] ?? 0) + 1;
  return { sent: codes.length, codes: counts, seen };
}

/** 5 requests whose operation name is 200 kB; what they add to the server's log. */
export async function logFlood(server: ServerProcess) {
  const logBytes = () => server.output.reduce((sum, line) => sum + Buffer.byteLength(line) + 1, 0);
  const before = logBytes();
  const name = `Flood${'x'.repeat(200_000)}`;
  const { outcome, seen } = await whileUnder(server, () =>
    Promise.all(
      Array.from({ length: 5 }, () => postGraphQL(server.baseUrl, { query: `query ${name} { brands(first: 1) { totalCount } }`, operationName: name })),
    ),
  );
  // The server logs each answer after sending it.
  await sleep(500);
  const statuses: Record<string, number> = {};
  for (const answer of outcome) statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
  return { requests: outcome.length, statuses, logGrowthBytes: logBytes() - before, seen };
}
