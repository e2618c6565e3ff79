import { afterAll, beforeAll } from 'vitest';
import type { Database } from '../../src/store/neo4j/database.js';
import { startTestApp, type TestApp } from './testApp.js';

export const EDITOR_KEY = 'editor-key-for-tests-0001-5d9b3f7a1c';
export const ADMIN_KEY = 'admin-key-for-tests-00001-8e2c6a4f0b';

/** The app with one editor key (named "editor-1" by default) and one admin key named "root". */
export function startEditingApp(): Promise<TestApp> {
  return startTestApp({ API_KEYS: `editor:${EDITOR_KEY},admin:root:${ADMIN_KEY}` });
}

/**
 * Removes what editing tests wrote: entities and relationship claims whose id contains `marker` (or, for leaks,
 * whose random id does not but whose summary does), their specs, and the audit trail,
 * so the seed data other test files assert stays as it was.
 */
export async function removeTestWrites(db: Database, marker: string): Promise<void> {
  // Claims between entities that stay (a test's parallel claim between seed entities) are relationships, not nodes.
  await db.driver.executeQuery('MATCH ()-[r]->() WHERE r.id CONTAINS $marker DELETE r', { marker });
  await db.driver.executeQuery(
    'MATCH (n) WHERE (n:Entity OR n:Spec) AND (n.id CONTAINS $marker OR (n:Leak AND toLower(n.summary) CONTAINS $marker)) DETACH DELETE n',
    { marker },
  );
  await db.driver.executeQuery('MATCH (c) WHERE c:Change OR c:PendingChange DELETE c');
}

/**
 * For a test file: starts the editing app before its tests, and after them removes what they wrote
 * (ids containing `marker`) and stops it. Returns the running app.
 */
export function useEditingApp(marker: string): () => TestApp {
  let app: TestApp | undefined;
  beforeAll(async () => {
    app = await startEditingApp();
  });
  afterAll(async () => {
    if (!app) return;
    await removeTestWrites(app.db, marker);
    await app.stop();
  });
  return () => app!;
}
