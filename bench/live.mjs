// Live updates: commit-to-subscriber latency on the writing replica and on another one, and how many subscriptions
// one API process holds, with its memory. Usage: npm run bench:live (builds first). Starts a throwaway embedded
// Neo4j and two API processes on it (A, seeded, and B), both on loopback; bounded by N writes and SUBSCRIPTIONS.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'src');
const { startEmbeddedNeo4j } = await import(`file://${root}/db/embeddedNeo4j.js`);
const N = Number(process.env.N ?? 200);
const SUBSCRIPTIONS = Number(process.env.SUBSCRIPTIONS ?? 5000);
const PER_CONNECTION = 20;
const PER_ADDRESS = 50;
const KEY = 'bench-editor-key-000000001-7e3a9c5f1b';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'partnergraph-bench-live-'));
const neo4j = await startEmbeddedNeo4j({ dataDir, boltPort: 0, pageCacheMb: 128, heapMb: 512 }, () => {});
const replicas = [];
let stopping = false;
function startReplica(name, env) {
  const child = spawn(process.execPath, [path.join(root, 'server', 'main.js')], {
    env: {
      ...process.env,
      NEO4J_URI: neo4j.uri,
      NEO4J_USERNAME: neo4j.username,
      NEO4J_PASSWORD: neo4j.password,
      PORT: '0',
      LOG_LEVEL: 'info',
      API_KEYS: `editor:${KEY}`,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  replicas.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const ready = /"url":"(http:\/\/localhost:\d+)\/graphql"/.exec(out);
      if (ready) resolve({ name, base: ready[1], pid: child.pid });
    });
    child.once('exit', (code, signal) => {
      if (!stopping) console.error(`replica ${name} exited (${code ?? signal}); its last output:\n${out.slice(-2000)}`);
      reject(new Error(`${name} exited ${code ?? signal}`));
    });
  });
}

const percentile = (values, p) => {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const summary = (values) => ({
  n: values.length,
  p50: +percentile(values, 50).toFixed(1),
  p99: +percentile(values, 99).toFixed(1),
  max: +Math.max(...values).toFixed(1),
});
const write = (base, name) =>
  fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
    body: JSON.stringify({ query: 'mutation($n: String!) { upsertBrand(input: { name: $n }) { id } }', variables: { n: name } }),
  }).then((response) => response.json());
async function memory(base) {
  const text = await (await fetch(`${base}/metrics`)).text();
  const metric = (name) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN) / 2 ** 20;
  return { rssMb: +metric('process_resident_memory_bytes').toFixed(1), heapUsedMb: +metric('nodejs_heap_size_used_bytes').toFixed(1) };
}

/** One graphql-ws client bound to a loopback address (the server caps connections per address). */
function connect(base, localAddress) {
  const Bound = class extends WebSocket {
    constructor(url, protocols) {
      super(url, protocols, { localAddress });
    }
  };
  return createClient({ url: `${base.replace(/^http/, 'ws')}/graphql`, webSocketImpl: Bound, retryAttempts: 0, lazy: false, onNonLazyError: () => {} });
}

/** Arrival times by entity id, for one subscription. */
function subscribe(client, onEvent) {
  return new Promise((resolve, reject) => {
    client.subscribe(
      { query: 'subscription { graphChanged(types: [BRAND]) { entityId cursor } }' },
      { next: ({ data }) => onEvent(data.graphChanged.entityId, performance.now()), error: reject, complete: () => {} },
    );
    setTimeout(resolve, 0);
  });
}

try {
  const a = await startReplica('A', {});
  const b = await startReplica('B', { SEED_ON_START: 'false' });
  console.log(`Neo4j ${neo4j.uri}; replica A ${a.base} (pid ${a.pid}), replica B ${b.base} (pid ${b.pid}); ${os.cpus().length} cores`);

  // 1. Latency: sequential writes on A, one subscriber on A and one on B.
  const arrivals = { A: new Map(), B: new Map() };
  const clientA = connect(a.base, '127.0.0.1');
  const clientB = connect(b.base, '127.0.0.1');
  await subscribe(clientA, (id, at) => arrivals.A.set(id, at));
  await subscribe(clientB, (id, at) => arrivals.B.set(id, at));
  await new Promise((resolve) => setTimeout(resolve, 500));
  const sent = new Map();
  const answered = new Map();
  const responded = [];
  for (let index = 0; index < N; index += 1) {
    const id = `brand:bench-live-${index}`;
    const started = performance.now();
    sent.set(id, started);
    await write(a.base, `Bench Live ${index}`);
    answered.set(id, performance.now());
    responded.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 60));
  }
  await new Promise((resolve) => setTimeout(resolve, 1000));
  // The commit happens between the mutation's send and its response: the latency lies between these two figures.
  const latency = (name, from) => [...from].filter(([id]) => arrivals[name].has(id)).map(([id, at]) => arrivals[name].get(id) - at);
  const missing = (name) => [...sent.keys()].filter((id) => !arrivals[name].has(id)).length;
  console.log(JSON.stringify({ mutationRoundTripMs: summary(responded) }));
  for (const [name, label] of [
    ['A', 'sameReplica'],
    ['B', 'otherReplica'],
  ]) {
    console.log(
      JSON.stringify({ [label]: { fromSendMs: summary(latency(name, sent)), fromResponseMs: summary(latency(name, answered)), missing: missing(name) } }),
    );
  }
  clientA.dispose();
  clientB.dispose();

  // 2. Capacity: SUBSCRIPTIONS subscriptions on B, PER_CONNECTION per socket, PER_ADDRESS sockets per loopback address.
  const idle = await memory(b.base);
  const connections = Math.ceil(SUBSCRIPTIONS / PER_CONNECTION);
  const counts = new Map();
  const clients = [];
  const openedAt = performance.now();
  for (let index = 0; index < connections; index += 1) {
    const client = connect(b.base, `127.0.0.${2 + Math.floor(index / PER_ADDRESS)}`);
    clients.push(client);
    for (let sub = 0; sub < PER_CONNECTION && index * PER_CONNECTION + sub < SUBSCRIPTIONS; sub += 1) {
      await subscribe(client, (id, at) => {
        const seen = counts.get(id) ?? [];
        seen.push(at);
        counts.set(id, seen);
      });
    }
  }
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const held = await memory(b.base);
  console.log(
    JSON.stringify({
      subscriptions: SUBSCRIPTIONS,
      connections,
      openSeconds: +((performance.now() - openedAt) / 1000).toFixed(1),
      idle,
      held,
      perSubscriptionKb: +(((held.rssMb - idle.rssMb) * 1024) / SUBSCRIPTIONS).toFixed(1),
    }),
  );
  const fanout = [];
  for (let index = 0; index < 10; index += 1) {
    const id = `brand:bench-fanout-${index}`;
    const started = performance.now();
    await write(a.base, `Bench Fanout ${index}`);
    while ((counts.get(id)?.length ?? 0) < SUBSCRIPTIONS && performance.now() - started < 10_000) await new Promise((resolve) => setTimeout(resolve, 5));
    const times = counts.get(id) ?? [];
    fanout.push({ delivered: times.length, firstMs: +(Math.min(...times) - started).toFixed(1), lastMs: +(Math.max(...times) - started).toFixed(1) });
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  console.log(JSON.stringify({ fanoutToAllSubscribersOfB: fanout }));
  for (const client of clients) client.dispose();
} finally {
  stopping = true;
  for (const child of replicas) child.kill('SIGTERM');
  await Promise.all(replicas.map((child) => new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)))));
  await neo4j.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
