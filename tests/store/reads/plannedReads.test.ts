import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/testApp.js';

/**
 * The plan must not change an answer. Every read query the test suite sends as a literal, plus the
 * variable-taking ones below, is asked of two apps on the same graph: one planning root fields' reads
 * into one statement, one sending a batched statement per level (PLANNED_READS=false).
 */
const testsDir = path.resolve(import.meta.dirname, '../..');

/** Every read document the tests write as a literal, inline or in a constant; variables are left unset (null). */
function queryLiterals(): string[] {
  const queries = new Set<string>();
  for (const file of readdirSync(testsDir, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.test.ts')) continue;
    const source = readFileSync(path.join(testsDir, file), 'utf8');
    for (const [, literal] of [...source.matchAll(/`([^`]*)`/g), ...source.matchAll(/'(\{[^']*\})'/g)]) {
      const query = literal!.trim();
      if (/^(\{|query\b)[^]*\}$/.test(query) && !query.includes('${') && !/\bmutation\b/.test(query)) queries.add(query);
    }
  }
  return [...queries];
}

const WITH_VARIABLES: Array<[string, Record<string, unknown>]> = [
  [
    'query($asOf: Date) { brand(name: "Leica", asOf: $asOf) { partners { name } partnerCount partnersConnection { totalCount edges { node { name } sources { title } } } } }',
    { asOf: '2022-05-20' },
  ],
  [
    'query($asOf: Date) { device(name: "Xiaomi 12S", asOf: $asOf) { modelNumber codename chip { name } leaks { platform sources { title } } specs { key value } } }',
    { asOf: '2022-05-20' },
  ],
  [
    'query($asOf: Date) { partnerHistory(brand: "Leica", asOf: $asOf) { id brands { name devices { name } } devices { name chip { name } } sources { title } } }',
    { asOf: '2022-05-22' },
  ],
  // Snapshot ids at every depth of a past view, planned or batched.
  [
    'query($asOf: Date) { brand(name: "Leica", asOf: $asOf) { id partners { id } partnerships { id brands { id } sources { id } } partnersConnection { edges { node { id } sources { id } } } } }',
    { asOf: '2022-05-20' },
  ],
  [
    'query($first: Int, $skipChip: Boolean!) { devices(first: $first) { edges { node { ...D chip @skip(if: $skipChip) { name } } } } } fragment D on Device { name brand { name devicesConnection(first: 2) { totalCount edges { node { name } } } } }',
    { first: 5, skipChip: true },
  ],
  // One edge per node, every claim about it in edge.claims, its sources and the reads below its node (issue 21, item 3).
  [
    'query($asOf: Date) { brand(name: "Leica", asOf: $asOf) { partnersConnection(first: 3) { totalCount edges { cursor confidence sources { id } node { id partnersConnection(first: 2) { edges { node { id } } } } claims(first: 1) { totalCount edges { cursor confidence sources { id } node { id name } } pageInfo { hasNextPage endCursor } } } } devicesConnection(last: 2) { edges { cursor node { id } claims { edges { confidence } } } pageInfo { hasPreviousPage startCursor } } partnershipsClaimsConnection { totalCount edges { cursor node { id } } } } }',
    { asOf: '2022-05-25' },
  ],
  [
    '{ brands(first: 3) { edges { node { a: devicesConnection(first: 1) { edges { node { name } } pageInfo { hasNextPage endCursor } } b: devicesConnection(first: 2) { totalCount edges { cursor } } } } } }',
    {},
  ],
];

let planned: TestApp;
let batched: TestApp;
beforeAll(async () => {
  // One after the other: both apply the migrations and the seed.
  planned = await startTestApp();
  batched = await startTestApp({ PLANNED_READS: 'false' });
});
afterAll(async () => {
  await planned?.stop();
  await batched?.stop();
});

it('answers every read query of the tests exactly as the per-level loaders do', async () => {
  const cases: Array<[string, Record<string, unknown>]> = [
    ...queryLiterals().map((query): [string, Record<string, unknown>] => [query, {}]),
    ...WITH_VARIABLES,
  ];
  expect(cases.length).toBeGreaterThan(40);
  let withData = 0;
  const pending = [...cases];
  const compareNext = async (): Promise<void> => {
    const next = pending.shift();
    if (!next) return;
    const [query, variables] = next;
    const [ours, reference] = await Promise.all([planned.graphql(query, variables), batched.graphql(query, variables)]);
    expect({ query, ...ours }).toEqual({ query, ...reference });
    if (ours.data && !ours.errors) withData += 1;
    return compareNext();
  };
  await Promise.all([compareNext(), compareNext(), compareNext(), compareNext()]);
  // Most of them are real answers, not errors both sides agree on.
  expect(withData).toBeGreaterThan(cases.length * 0.7);
}, 180_000);

it('costs one statement with a plan, and without one a statement for the root and one for all below it', async () => {
  const query = '{ brands { edges { node { name devices { name chip { name vendor { name } } leaks { summary sources { title } } } } } } }';
  const count = async (app: TestApp) => {
    const before = await app.queryCount();
    const { errors } = await app.graphql(query);
    expect(errors).toBeUndefined();
    return (await app.queryCount()) - before;
  };
  expect(await count(planned)).toBe(1);
  // brandsPage; then the devices' read, which carries the reads below it (chip, vendor, leaks, sources).
  expect(await count(batched)).toBe(2);
});
