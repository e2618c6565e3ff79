import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../../src/store/neo4j/database.js';
import { applyMigrations } from '../../../src/store/neo4j/migrations.js';
import { testDatabase } from '../../helpers/database.js';

let db: Database;
beforeAll(async () => {
  db = testDatabase();
  // The unique constraint on :Entity(id) is what makes MERGE lock an id that does not exist yet.
  await applyMigrations(db);
  await db.driver.executeQuery("MERGE (n:Entity {id: 'brand:wtest-lock'}) SET n:Brand, n.name = 'Wtest Lock'");
});
afterAll(async () => {
  await db.driver.executeQuery("MATCH (n:Entity) WHERE n.id IN ['brand:wtest-lock', 'brand:wtest-lock-new'] DELETE n");
  await db.close();
});

/** Runs lockEntity in two transactions, the first holding its lock; tells whether the second waited for it. */
async function secondWaitsForFirst(id: string): Promise<{ waited: boolean; created: [boolean, boolean] }> {
  const lock = db.cypher.get('lockEntity');
  const first = db.driver.session();
  const second = db.driver.session();
  try {
    const tx1 = await first.beginTransaction();
    const created1 = (await tx1.run(lock, { id })).records[0]!.get('created') as boolean;
    const tx2 = await second.beginTransaction();
    let done = false;
    const created2 = tx2.run(lock, { id }).then((result) => {
      done = true;
      return result.records[0]!.get('created') as boolean;
    });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const waited = !done;
    await tx1.commit();
    const result = { waited, created: [created1, await created2] as [boolean, boolean] };
    await tx2.commit();
    return result;
  } finally {
    await first.close();
    await second.close();
  }
}

it('makes a second writer of an existing entity wait until the first commits', async () => {
  expect(await secondWaitsForFirst('brand:wtest-lock')).toEqual({ waited: true, created: [false, false] });
});

it('makes a second writer of a new id wait, then see it as existing', async () => {
  expect(await secondWaitsForFirst('brand:wtest-lock-new')).toEqual({ waited: true, created: [true, false] });
});
