import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOOKMARK_LIMITS } from '../../src/config/limits.js';
import { BookmarkSigner } from '../../src/server/bookmarks.js';
import { EDITOR_KEY, removeTestWrites } from '../helpers/editing.js';
import { startTestApp, type TestApp } from '../helpers/testApp.js';

/** A validly signed bookmark the database has not reached is waited for only BOOKMARK_LIMITS.waitMs, then refused. */
const SECRET = 'a bookmark secret for the wait test, 48 characters';
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ API_KEYS: `editor:${EDITOR_KEY}`, BOOKMARK_SECRET: SECRET });
});
afterAll(async () => {
  if (!app) return;
  await removeTestWrites(app.db, 'wbwait');
  await app.stop();
});

/** A bookmark this deployment handed out, without its signature. */
async function realBookmark(): Promise<string> {
  const response = await fetch(`${app.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${EDITOR_KEY}` },
    body: JSON.stringify({ query: 'mutation { upsertBrand(input: { name: "Wbwait One" }) { id } }' }),
  });
  const token = response.headers.get('neo4j-bookmarks')!.split(',')[0]!;
  return token.slice(token.indexOf('.') + 1);
}

/**
 * The same bookmark with every transaction id raised by a billion: a state the database will not reach. Neo4j 5
 * writes "FB:" and the base64 of a PackStream list of (16-byte database uuid, transaction id) pairs, then a list of
 * remote states (org.neo4j.fabric.bookmark.BookmarkFormat).
 */
function farAhead(bookmark: string): string {
  expect(bookmark.startsWith('FB:')).toBe(true);
  const bytes = Buffer.from(bookmark.slice(3), 'base64');
  expect(bytes[0]! & 0xf0).toBe(0x90);
  const graphs = bytes[0]! & 0x0f;
  expect(graphs).toBeGreaterThan(0);
  const out: Buffer[] = [bytes.subarray(0, 1)];
  let at = 1;
  for (let graph = 0; graph < graphs; graph += 1) {
    expect([bytes[at], bytes[at + 1]]).toEqual([0xcc, 16]);
    out.push(bytes.subarray(at, at + 18));
    at += 18;
    const marker = bytes[at]!;
    const width = ({ 0xc8: 1, 0xc9: 2, 0xca: 4, 0xcb: 8 } as Record<number, number>)[marker] ?? 0;
    const txId =
      width === 0 ? BigInt(marker >= 0xf0 ? marker - 0x100 : marker) : width === 8 ? bytes.readBigInt64BE(at + 1) : BigInt(bytes.readIntBE(at + 1, width));
    at += 1 + width;
    const raised = Buffer.alloc(9);
    raised[0] = 0xcb;
    raised.writeBigInt64BE(txId + 1_000_000_000n, 1);
    out.push(raised);
  }
  out.push(bytes.subarray(at));
  return `FB:${Buffer.concat(out).toString('base64')}`;
}

describe('a bookmark the database has not reached', () => {
  it('is answered 503 SERVICE_UNAVAILABLE with Retry-After after about BOOKMARK_LIMITS.waitMs, while /health answers', async () => {
    const token = new BookmarkSigner(Buffer.from(SECRET, 'utf8')).sign(farAhead(await realBookmark()));
    const started = performance.now();
    const read = fetch(`${app.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'neo4j-bookmarks': token },
      body: JSON.stringify({ query: '{ brand(name: "Wbwait One") { id } }' }),
    }).then(async (response) => ({
      response,
      body: (await response.json()) as { errors?: Array<{ extensions: { code: string } }> },
      ms: performance.now() - started,
    }));

    await new Promise((resolve) => setTimeout(resolve, BOOKMARK_LIMITS.waitMs / 4));
    const healthStarted = performance.now();
    const health = await fetch(`${app.baseUrl}/health`);
    expect(health.status).toBe(200);
    expect(performance.now() - healthStarted).toBeLessThan(BOOKMARK_LIMITS.waitMs / 2);

    const { response, body, ms } = await read;
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(body.errors?.[0]?.extensions.code).toBe('SERVICE_UNAVAILABLE');
    expect(ms).toBeGreaterThanOrEqual(BOOKMARK_LIMITS.waitMs - 100);
    expect(ms).toBeLessThan(BOOKMARK_LIMITS.waitMs + 3_000);
  }, 40_000);
});
