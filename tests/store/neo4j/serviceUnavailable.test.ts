import { createServer } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { expect, it } from 'vitest';
import { Database } from '../../../src/store/neo4j/database.js';
import { createErrorFormatter } from '../../../src/errors/errors.js';
import { ChangeSequencer } from '../../../src/store/changes/changeSequencer.js';
import { createContextFactory, type AppContext } from '../../../src/api/context.js';
import { createSchema } from '../../../src/api/schema.js';

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

it('answers SERVICE_UNAVAILABLE within seconds when Neo4j is down, without leaking internals', async () => {
  const db = new Database({ uri: `bolt://127.0.0.1:${await closedPort()}` });
  const apollo = new ApolloServer<AppContext>({
    schema: await createSchema(),
    formatError: createErrorFormatter({ exposeInternals: false }),
  });
  await apollo.start();
  const started = performance.now();
  const response = await apollo.executeOperation(
    { query: '{ brand(name: "Leica") { name } }' },
    { contextValue: await createContextFactory(db, new ChangeSequencer(db, { warn: () => {} }))() },
  );
  const elapsedMs = performance.now() - started;
  await apollo.stop();
  await db.close();

  expect(response.body.kind).toBe('single');
  const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
  expect(result?.errors?.[0]?.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE' });
  expect(JSON.stringify(result)).not.toMatch(/bolt:|ECONNREFUSED|MATCH/);
  expect(elapsedMs).toBeLessThan(10_000);
});
