import { afterAll, beforeAll, expect, it } from 'vitest';
import { EDITOR_KEY, removeTestWrites } from '../helpers/editing.js';
import { startTestApp, type TestApp } from '../helpers/testApp.js';

/** One request at a time, and a short deadline, so a request held in Neo4j makes the next one wait and time out. */
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ REQUEST_CONCURRENCY: '1', REQUEST_TIMEOUT_MS: '2000', API_KEYS: `editor:${EDITOR_KEY}` });
});
afterAll(async () => {
  if (!app) return;
  await removeTestWrites(app.db, 'wadm');
  await app.stop();
});

async function gauges(): Promise<{ running: number; waiting: number; received: number }> {
  const text = await (await fetch(`${app.baseUrl}/metrics`)).text();
  const value = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1]);
  return { running: value('graphql_requests_running'), waiting: value('graphql_requests_waiting'), received: value('graphql_requests_total') };
}

async function until(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !(await check());) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const post = (body: unknown, key?: string) =>
  fetch(`${app.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify(body),
  }).then(async (response) => ({ status: response.status, body: (await response.json()) as { errors?: Array<{ extensions?: { code?: string } }> } }));

it('runs at most REQUEST_CONCURRENCY requests; one that waits past the deadline gets TIMEOUT and never runs', async () => {
  // A transaction outside the API holds the entity's lock, so the mutation for it blocks in Neo4j, in the only slot.
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const held = app.db
    .writeTransaction(async (run) => {
      await run('lockEntity', { id: 'brand:wadm-held' });
      await released;
      throw new Error('roll back');
    })
    .catch(() => undefined);
  await new Promise((resolve) => setTimeout(resolve, 200));
  const before = await gauges();
  const blocked = post({ query: 'mutation { upsertBrand(input: { name: "Wadm Held" }) { id } }' }, EDITOR_KEY);
  await until(async () => (await gauges()).running === 1);

  const queued = post({ query: '{ __typename }' });
  await until(async () => (await gauges()).waiting === 1);
  expect((await gauges()).running).toBe(1);
  const timedOut = await queued;
  expect(timedOut.status).toBe(503);
  expect(timedOut.body.errors?.[0]?.extensions?.code).toBe('TIMEOUT');

  release();
  await held;
  await blocked;
  // Apollo counted the mutation that ran, not the read that waited and was answered by the deadline.
  await until(async () => (await gauges()).running === 0);
  expect((await gauges()).received - before.received).toBe(1);

  // The line drains: a burst after it is answered in full.
  const burst = await Promise.all(Array.from({ length: 20 }, () => post({ query: '{ brand(name: "Leica") { name } }' })));
  expect(burst.map((answer) => answer.status)).toEqual(Array(20).fill(200));
  expect(await gauges()).toMatchObject({ running: 0, waiting: 0 });
});
