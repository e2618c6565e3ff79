import { int } from 'neo4j-driver';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Row } from '../../../src/store/neo4j/database.js';
import { readsBelowNode } from '../../../src/store/reads/cypher.js';
import { pageStatement, type GeneratedPageName } from '../../../src/store/reads/pageStatements.js';
import { ALL_SPECS } from '../../../src/store/reads/read.js';
import { startTestApp, type TestApp } from '../../helpers/testApp.js';

/** The composed page statements: what their rows hold, and how Neo4j plans them (EXPLAIN). */
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.stop();
});

/** The parameters EntityRepository.page sends for a first page without filters. */
function firstPage(sortField: string, descending: boolean, extra: Row = {}): Row {
  return { sortField, descending, backward: false, asOf: null, countTotal: false, afterKey: null, afterId: null, limit: int(11), ...extra };
}

interface PlanNode {
  operatorType: string;
  arguments: { Details?: string };
  children: PlanNode[];
}

async function operators(name: GeneratedPageName, params: Row): Promise<string[]> {
  const { summary } = await app.db.driver.executeQuery(`EXPLAIN ${pageStatement(name, params, ['summary', 'title'])}`, params);
  const walk = (plan: PlanNode): string[] => [`${plan.operatorType.replace(/@.*$/, '')} ${plan.arguments.Details ?? ''}`, ...plan.children.flatMap(walk)];
  return walk(summary.plan as unknown as PlanNode);
}

it.each([
  ['newest first', firstPage('REPORTED_ON', true)],
  ['newest first, after a cursor', firstPage('REPORTED_ON', true, { afterKey: '2022-05-01', afterId: 'leak:x' })],
  ['oldest first, as of a day', firstPage('REPORTED_ON', false, { asOf: '2022-05-01' })],
])('reads leaks %s from the reportedOn range index in its order, sorting only ties', async (_, params) => {
  const plan = await operators('leaksPage', params);
  expect(plan.some((operator) => operator.startsWith('NodeIndex') && operator.includes('Leak(reportedOn)'))).toBe(true);
  // PartialTop orders the ties of the index's order by id; a Sort or Top would read every leak first.
  expect(plan.filter((operator) => /^(Sort|Top)\b/.test(operator))).toEqual([]);
});

it.each([
  ['', firstPage('TITLE', false)],
  [', after a cursor', firstPage('TITLE', false, { afterKey: 'M', afterId: 'source:x' })],
])('reads sources by title%s from the title range index in its order, sorting only ties', async (_, params) => {
  const plan = await operators('sourcesPage', params);
  expect(plan.some((operator) => operator.startsWith('NodeIndex') && operator.includes('Source(title)'))).toBe(true);
  expect(plan.filter((operator) => /^(Sort|Top)\b/.test(operator))).toEqual([]);
});

it.each([
  ['leaksPage', 'REPORTED_ON', ['summary', 'reportedOn', 'reportedOnPrecision']],
  ['sourcesPage', 'PUBLISHED_ON', ['title', 'publishedOn']],
] as const)('%s returns only the stored properties asked for, days as ISO strings', async (name, sortField, properties) => {
  const params = firstPage(sortField, false);
  const { records } = await app.db.driver.executeQuery(pageStatement(name, params, properties), params);
  const rows = records[0]!.get('rows') as Array<{ node: Record<string, unknown> }>;
  expect(rows.length).toBeGreaterThan(0);
  for (const { node } of rows) {
    expect(Object.keys(node).sort()).toEqual(['__typename', 'id', ...properties].sort());
    const day = node.reportedOn ?? node.publishedOn;
    if (day !== null) expect(day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  }
});

it('expands the reads planned below a page from each bound node of its window, matching no entity again by id', async () => {
  const params = firstPage('NAME', false, { limit: int(3) });
  const below = readsBelowNode('node', [ALL_SPECS], false, null);
  const text = pageStatement('devicesPage', params, ['name'], below);
  expect(text).not.toMatch(/\{id: key\}|UNWIND/);
  expect(text).toContain('CALL (node) {');
  const { records } = await app.db.driver.executeQuery(text, { ...params, ...below.params });
  const rows = records[0]!.get('rows') as Array<{ node: { id: string; name: string }; pages: Array<Array<{ node: { key: string } }>> }>;
  expect(rows).toHaveLength(3);
  expect(rows.some(({ pages }) => pages[0]!.length > 0)).toBe(true);
  // Each device's specs are its own, as a read by the device's id finds them.
  for (const { node, pages } of rows) {
    const { records: specs } = await app.db.driver.executeQuery('MATCH (:Device {id: $id})-[:HAS_SPEC]->(spec:Spec) RETURN spec.key AS key ORDER BY key', {
      id: node.id,
    });
    expect(pages[0]!.map((edge) => edge.node.key).sort()).toEqual(specs.map((record) => record.get('key') as string));
  }
});
