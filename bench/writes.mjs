// Mutation latency beside a read, measured in one run against a fresh embedded Neo4j (throwaway data directory),
// after running the README's editing examples. Usage: npm run bench:writes (builds first), or node bench/writes.mjs after npm run build
// (N=200 rounds by default; each round times one read, one new brand, one brand update and one link, in turn).
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'src');
const { loadConfig } = await import(`file://${root}/config/config.js`);
const { startApp } = await import(`file://${root}/server/app.js`);
const { createLogger } = await import(`file://${root}/server/logger.js`);
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'partnergraph-bench-writes-'));
const KEY = 'bench-editor-key-000000001-7e3a9c5f1b';
const config = loadConfig({ PORT: '0', NEO4J_BOLT_PORT: '0', NEO4J_DATA_DIR: dataDir, LOG_LEVEL: 'silent', API_KEYS: `editor:${KEY}` });
const app = await startApp(config, createLogger('silent'));
const base = new URL(app.url).origin;
const gql = async (query, variables, key) =>
  (
    await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body: JSON.stringify({ query, variables }),
    })
  ).json();
try {
  const examples = [
    'mutation { upsertBrand(input: { name: "Zeiss", roles: [OPTICS_PARTNER], country: "DE" }) { id name } }',
    `mutation { denyClaim(input: { relation: USES_CHIP, from: "device:xiaomi-12s", to: "chip:sm8475", reportedOn: "2022-06-01",
      newSource: { title: "Xiaomi denies the 12S chip rumour", publisher: "Weibo", publishedOn: "2022-06-01" } }) { id confidence sources { id title } } }`,
    `mutation { recordLeak(input: { summary: "Xiaomi 12 Ultra spotted with a Leica-branded camera module", platform: "Weibo",
      devices: ["device:xiaomi-12-ultra"], confidence: RUMORED, reportedOn: "2022-06",
      source: { title: "Leaked Xiaomi 12 Ultra photos", publisher: "Weibo" },
      claims: [{ relation: CAMERA_BY, from: "device:xiaomi-12-ultra", to: "brand:leica" }],
      specs: [{ device: "device:xiaomi-12-ultra", key: "camera.main.megapixels", value: "50", unit: "MP" }] }) { id sources { id } } }`,
    '{ changes(entityId: "device:xiaomi-12s", since: "2024-01-01T00:00:00Z", first: 20) { totalCount edges { node { at actor role operation entityId } } pageInfo { endCursor hasNextPage } } }',
  ];
  for (const query of examples) console.log(JSON.stringify(await gql(query, {}, KEY)));

  const N = Number(process.env.N ?? 200);
  const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const time = async (fn) => {
    const t = performance.now();
    await fn();
    return performance.now() - t;
  };
  const read = [],
    upsertNew = [],
    upsertUpdate = [],
    link = [];
  for (let i = 0; i < 20; i++) await gql('{ brand(name: "Leica") { id name } }');
  for (let i = 0; i < N; i++) {
    read.push(await time(() => gql('{ brand(name: "Leica") { id name } }')));
    upsertNew.push(await time(() => gql('mutation($n: String!) { upsertBrand(input: { name: $n }) { id } }', { n: `Bench Brand ${i}` }, KEY)));
    upsertUpdate.push(
      await time(() =>
        gql('mutation($n: String!) { upsertBrand(input: { id: "brand:zeiss", name: "Zeiss", aliases: [$n] }) { id } }', { n: `alias ${i}` }, KEY),
      ),
    );
    link.push(
      await time(() =>
        gql(
          'mutation($d: String!) { link(input: { relation: CAMERA_BY, from: "device:xiaomi-12s", to: "brand:zeiss", confidence: RUMORED, reportedOn: $d, sources: ["source:partnergraph-editors"] }) { id } }',
          { d: `20${10 + (i % 15)}` },
          KEY,
        ),
      ),
    );
  }
  const r = median(read);
  for (const [name, xs] of [
    ['brand read (query)', read],
    ['upsertBrand, new', upsertNew],
    ['upsertBrand, update', upsertUpdate],
    ['link', link],
  ]) {
    console.log(`${name.padEnd(22)} median ${median(xs).toFixed(1)} ms  (x${(median(xs) / r).toFixed(1)} of the read)`);
  }
} finally {
  await app.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
