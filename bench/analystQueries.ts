/**
 * The analyst queries on the seed data: round trips and latency of ours (GraphQL over HTTP) beside
 * raw Cypher, measured in one run. "Raw" replays, straight through neo4j-driver, the very statements
 * and parameters our server sent for the same request, one after another, as auto-commit reads like
 * ours: the database's own time
 * for the same work, so ours/raw is what HTTP, GraphQL, DataLoader and mapping add.
 *
 *   npm run build && node dist/bench/analystQueries.js [--seconds 2]
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config/config.js';
import { Database, type Row } from '../src/store/neo4j/database.js';
import { startEmbeddedNeo4j } from '../src/store/neo4j/embeddedNeo4j.js';
import { startApp } from '../src/server/app.js';
import { createLogger } from '../src/server/logger.js';
import { percentile } from './measure.js';

const QUERIES: Array<[string, string]> = [
  ['partnerHistory', '{ partnerHistory(brand: "Leica") { id kind confidence startedOn announcedOn brands { name } devices { name } sources { title } } }'],
  ['partnerHistory asOf', '{ partnerHistory(brand: "Leica", asOf: "2022-05-20") { id kind confidence startedOn announcedOn } }'],
  ['graph depth 2', '{ graph(id: "brand:xiaomi", depth: 2) { nodes { id type label } edges { id type source target confidence } truncated } }'],
  ['paths', '{ paths(from: "brand:xiaomi", to: "brand:huawei") { length nodes { id label } edges { type confidence } } }'],
  ['search', '{ search(query: "Laica") { score node { id } } }'],
  ['partnershipStats', '{ partnershipStats(groupBy: PARTNER) { key label count } }'],
  ['brands by partner count', '{ brands(orderBy: PARTNER_COUNT_DESC) { edges { node { name partnerCount } } } }'],
  ['devices by leak count', '{ devices(orderBy: LEAK_COUNT_DESC, cameraBrandId: "brand:leica") { edges { node { name leakCount brand { name } } } } }'],
];

interface Statement {
  text: string;
  params: Row;
}

/** Records what the server sends: every read, named or generated, goes through Database.readText. */
const recorded: Statement[] = [];
// eslint-disable-next-line @typescript-eslint/unbound-method -- kept unbound on purpose: the wrapper below calls it with .call(this)
const readText = Database.prototype.readText;
Database.prototype.readText = function (this: Database, label: string, text: string, params: Row) {
  recorded.push({ text, params });
  return readText.call(this, label, text, params);
};

async function main() {
  const { values } = parseArgs({ options: { seconds: { type: 'string', default: '2' } } });
  const seconds = Number(values.seconds);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'partnergraph-bench-analyst-'));
  console.error('starting an embedded Neo4j with the seed data...');
  const neo4j = await startEmbeddedNeo4j({ dataDir, boltPort: 0, pageCacheMb: 64, heapMb: 512 }, () => {});
  const app = await startApp(
    loadConfig({ NEO4J_URI: neo4j.uri, NEO4J_USERNAME: neo4j.username, NEO4J_PASSWORD: neo4j.password, PORT: '0', LOG_LEVEL: 'silent' }),
    createLogger('silent'),
  );
  const url = app.url;
  const ours = async (query: string) => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    const body = (await response.json()) as { errors?: unknown };
    if (body.errors) throw new Error(`${query}: ${JSON.stringify(body.errors)}`);
  };
  try {
    const rows = [];
    for (const [name, query] of QUERIES) {
      recorded.length = 0;
      await ours(query);
      const statements = [...recorded];
      const raw = async () => {
        // Auto-commit reads, one session per statement, as Database.readText sends them.
        for (const { text, params } of statements) {
          const session = app.db.driver.session({ defaultAccessMode: 'READ' });
          try {
            await session.run(text, params);
          } finally {
            await session.close();
          }
        }
      };
      const timings = await interleaved({ ours: () => ours(query), raw }, seconds);
      const [oursSorted, rawSorted] = [timings.ours, timings.raw].map((values) => [...values].sort((a, b) => a - b)) as [number[], number[]];
      rows.push({
        query: name,
        roundTrips: statements.length,
        oursP50Ms: percentile(oursSorted, 0.5),
        oursP95Ms: percentile(oursSorted, 0.95),
        rawP50Ms: percentile(rawSorted, 0.5),
        rawP95Ms: percentile(rawSorted, 0.95),
        'ours/raw p50': percentile(oursSorted, 0.5) / percentile(rawSorted, 0.5),
        runs: timings.ours.length,
      });
    }
    console.table(
      rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'number' && !Number.isInteger(v) ? Number(v.toFixed(2)) : v]))),
    );
  } finally {
    await app.stop();
    await neo4j.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Alternates rounds of each contestant until each has run for `seconds`, so drift hits both alike. */
async function interleaved(contestants: Record<'ours' | 'raw', () => Promise<void>>, seconds: number) {
  const timings = { ours: [] as number[], raw: [] as number[] };
  for (const run of Object.values(contestants)) for (let i = 0; i < 20; i++) await run(); // warm-up
  const spent = { ours: 0, raw: 0 };
  while (spent.ours < seconds * 1000 || spent.raw < seconds * 1000) {
    for (const name of ['ours', 'raw'] as const) {
      for (let i = 0; i < 25; i++) {
        const started = performance.now();
        await contestants[name]();
        const ms = performance.now() - started;
        timings[name].push(ms);
        spent[name] += ms;
      }
    }
  }
  return timings;
}

await main();
