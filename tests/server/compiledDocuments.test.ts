import { afterAll, beforeAll, expect, it } from 'vitest';
import { SCREEN_QUERIES } from '../../src/server/screenQueries.js';
import { CompiledDocuments } from '../../src/store/reads/compiledDocuments.js';
import { startTestApp, type TestApp } from '../helpers/testApp.js';

/** Compile once per document (issue 19 item 5): the second identical request builds no plan, statement or measure. */
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.stop());

async function built(): Promise<Record<string, number>> {
  const metric = await app.metrics.compilations.get();
  return Object.fromEntries(metric.values.map((value) => [String(value.labels.kind), value.value]));
}

it('builds nothing for the second identical document, and compiles a new one', async () => {
  const first = await app.graphql(SCREEN_QUERIES.partnerHistory, { name: 'Leica' });
  expect(first.errors).toBeUndefined();
  const afterFirst = await built();
  expect(afterFirst.plans).toBeGreaterThan(0);
  expect(afterFirst.statements).toBeGreaterThan(0);
  expect(afterFirst.measures).toBeGreaterThan(0);

  const second = await app.graphql(SCREEN_QUERIES.partnerHistory, { name: 'Leica' });
  expect(second).toEqual(first);
  expect(await built()).toEqual(afterFirst);

  // Other variables are another entry: measured and planned again.
  await app.graphql(SCREEN_QUERIES.partnerHistory, { name: 'Xiaomi' });
  const afterOther = await built();
  expect(afterOther.measures).toBe(afterFirst.measures! + 1);
  expect(afterOther.plans).toBe(afterFirst.plans! + 1);
});

it('forgets the least recently used entry past its capacity', () => {
  const compiled = new CompiledDocuments(2);
  const a = compiled.entry('a');
  compiled.entry('b');
  expect(compiled.entry('a')).toBe(a);
  compiled.entry('c');
  expect(compiled.size).toBe(2);
  // 'b' was the least recently used: it comes back empty.
  expect(compiled.entry('a')).toBe(a);
  expect(compiled.entry('b').plans.size).toBe(0);
});
