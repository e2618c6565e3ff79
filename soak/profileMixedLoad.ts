import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { startEmbeddedNeo4j } from '../src/store/neo4j/embeddedNeo4j.js';
import { runMixedLoad } from './mixedLoad.js';
import { startServerProcess } from './serverProcess.js';

/**
 * `npm run soak:profile`: the soak's mixed load (50 clients, 10% writes) against one fresh built server, with where
 * the time went: CPU of the API and of the Neo4j JVM per request, the JVM's CPU by thread kind (Bolt workers,
 * JIT compilers, GC), and Neo4j's transactions sampled twice a second (SHOW TRANSACTIONS): how many were blocked
 * on a lock, and which statements were running. Environment variables reach the server (REQUEST_CONCURRENCY,
 * NEO4J_MIN_REPLAN_S, ...), so two runs compare a setting; PROFILE_SECONDS sets the length (40).
 */
const seconds = Number(process.env.PROFILE_SECONDS ?? 40);
// The Neo4j is started here, not by the server, because only its starter holds the password that SHOW TRANSACTIONS needs.
const neo4jDir = mkdtempSync(path.join(os.tmpdir(), 'partnergraph-profile-neo4j-'));
const neo4jProcess = await startEmbeddedNeo4j({ dataDir: neo4jDir, boltPort: 0, pageCacheMb: 128, heapMb: 512 }, () => {});
const server = await startServerProcess({
  env: {
    REQUEST_TIMEOUT_MS: '120000',
    NEO4J_READ_TIMEOUT_MS: '120000',
    NEO4J_URI: neo4jProcess.uri,
    NEO4J_USERNAME: neo4jProcess.username,
    NEO4J_PASSWORD: neo4jProcess.password,
  },
});
const jvmPid = neo4jProcess.pid;
const driver = neo4j.driver(neo4jProcess.uri, neo4j.auth.basic(neo4jProcess.username, neo4jProcess.password));

/** CPU seconds of a process so far, from /proc/<pid>/stat (utime + stime, in clock ticks of 10 ms). */
function cpuSeconds(pid: number, task = ''): number {
  const stat = readFileSync(`/proc/${pid}${task}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** CPU seconds of the JVM's threads by kind: thread names without their trailing numbers. */
function jvmThreads(): Map<string, number> {
  const kinds = new Map<string, number>();
  for (const task of readdirSync(`/proc/${jvmPid}/task`)) {
    try {
      const name = readFileSync(`/proc/${jvmPid}/task/${task}/comm`, 'utf8')
        .trim()
        .replace(/[#-]?\d+$/, '');
      kinds.set(name, (kinds.get(name) ?? 0) + cpuSeconds(jvmPid, `/task/${task}`));
    } catch {
      // The thread ended between the listing and the read.
    }
  }
  return kinds;
}

const statuses = new Map<string, number>();
let samples = 0;
let blocked = 0;
let sampling = true;
const sampler = (async () => {
  while (sampling) {
    const session = driver.session();
    try {
      const result = await session.run("SHOW TRANSACTIONS YIELD currentQuery, status WHERE NOT currentQuery STARTS WITH 'SHOW' RETURN currentQuery, status");
      samples += 1;
      for (const record of result.records) {
        const status = String(record.get('status'));
        if (status.startsWith('Blocked')) blocked += 1;
        const query = String(record.get('currentQuery')).replace(/\s+/g, ' ').slice(0, 60) || '(between statements or committing)';
        const key = `${status.startsWith('Blocked') ? 'Blocked' : status}: ${query}`;
        statuses.set(key, (statuses.get(key) ?? 0) + 1);
      }
    } finally {
      await session.close();
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
})();

const before = { api: cpuSeconds(server.child.pid!), jvm: cpuSeconds(jvmPid), threads: jvmThreads() };
const outcome = await runMixedLoad(server, { clients: 50, seconds, writeShare: 0.1 });
const after = { api: cpuSeconds(server.child.pid!), jvm: cpuSeconds(jvmPid), threads: jvmThreads() };
sampling = false;
await sampler;
await driver.close();
await server.stop();
await neo4jProcess.stop();
rmSync(neo4jDir, { recursive: true, force: true });

const perRequest = (seconds: number) => `${((seconds * 1000) / outcome.requests).toFixed(1)} ms`;
console.log(
  `${outcome.requests} requests (${outcome.writes} writes) in ${outcome.seconds} s: ${outcome.perSecond} req/s, p50 ${outcome.p50Ms} ms, ` +
    `p99 ${outcome.p99Ms} ms; writes p50 ${outcome.writeP50Ms} ms, p99 ${outcome.writeP99Ms} ms; ${outcome.errors.length} errors`,
);
console.log(`CPU per request: API ${perRequest(after.api - before.api)}, Neo4j JVM ${perRequest(after.jvm - before.jvm)}`);
const threadCpu = [...after.threads].map(([kind, total]) => [kind, total - (before.threads.get(kind) ?? 0)] as const).filter(([, used]) => used >= 0.1);
console.log(
  `JVM CPU seconds by thread: ${threadCpu
    .sort((a, b) => b[1] - a[1])
    .map(([kind, used]) => `${kind} ${used.toFixed(1)}`)
    .join(', ')}`,
);
console.log(`Neo4j transactions, ${samples} samples: ${(blocked / samples).toFixed(1)} blocked on a lock at a time on average; most seen:`);
for (const [key, count] of [...statuses].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`  ${count}\t${key}`);
