import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BookmarkSigner } from '../../src/server/bookmarks.js';
import { EDITOR_KEY, removeTestWrites } from '../helpers/editing.js';
import { startTestApp, type TestApp } from '../helpers/testApp.js';

/** Only bookmarks this deployment signed are waited for; anything else is refused at once. */
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ API_KEYS: `editor:${EDITOR_KEY}` });
});
afterAll(async () => {
  if (!app) return;
  await removeTestWrites(app.db, 'wbmk');
  await app.stop();
});

async function readWith(bookmarks: string) {
  const started = performance.now();
  const response = await fetch(`${app.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'neo4j-bookmarks': bookmarks },
    body: JSON.stringify({ query: '{ brand(name: "Wbmk One") { id } }' }),
  });
  return {
    status: response.status,
    body: (await response.json()) as { data?: any; errors?: Array<{ extensions: { code: string } }> },
    ms: performance.now() - started,
  };
}

async function signedBookmarks(): Promise<string[]> {
  const response = await fetch(`${app.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${EDITOR_KEY}` },
    body: JSON.stringify({ query: 'mutation { upsertBrand(input: { name: "Wbmk One" }) { id } }' }),
  });
  return response.headers.get('neo4j-bookmarks')!.split(',');
}

describe('bookmarks a client sends', () => {
  it('honours the signed bookmarks a mutation returned', async () => {
    const read = await readWith((await signedBookmarks()).join(','));
    expect(read.status).toBe(200);
    expect(read.body.data.brand).toEqual({ id: 'brand:wbmk-one' });
  });

  it('refuses at once, with BAD_USER_INPUT, a bare Neo4j bookmark, a forged signature and a mangled bookmark', async () => {
    const [token] = await signedBookmarks();
    const [mac, bookmark] = [token!.slice(0, token!.indexOf('.')), token!.slice(token!.indexOf('.') + 1)];
    const other = new BookmarkSigner(Buffer.from('a secret of some other deployment, long enough')).sign(bookmark);
    const mangled = `${mac}.${bookmark.slice(0, 5)}${bookmark[5] === 'A' ? 'B' : 'A'}${bookmark.slice(6)}`;
    for (const forged of [bookmark, other, mangled, `${mac}.`, 'x'.repeat(600)]) {
      const read = await readWith(forged);
      expect(read.status).toBe(400);
      expect(read.body.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
      expect(read.ms).toBeLessThan(1_000);
    }
  });

  it('keeps the deployment secret out of the API: it lives on a node no GraphQL field reads', async () => {
    const [row] = await app.db.driver
      .executeQuery("MATCH (s:DeploymentSecret {name: 'bookmarks'}) RETURN s.value AS value, labels(s) AS labels")
      .then((result) => result.records);
    expect(row?.get('labels')).toEqual(['DeploymentSecret']);
    expect(String(row?.get('value')).length).toBeGreaterThanOrEqual(32);
  });
});
