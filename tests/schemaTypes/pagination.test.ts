import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, pageSize, sortOrder, toPage } from '../../src/schemaTypes/pagination.js';
import { BadUserInputError } from '../../src/errors/errors.js';
import { startTestApp, type TestApp } from '../helpers/testApp.js';

describe('cursors and page sizes', () => {
  it('round-trips a keyset cursor and rejects foreign ones', () => {
    expect(decodeCursor(encodeCursor('Xiaomi 12S', 'device:xiaomi-12s'))).toEqual({ afterKey: 'Xiaomi 12S', afterId: 'device:xiaomi-12s' });
    expect(decodeCursor(null)).toEqual({ afterKey: null, afterId: null });
    expect(() => decodeCursor('bm90IGpzb24')).toThrow(BadUserInputError);
    expect(decodeCursor(encodeCursor(3, 'device:xiaomi-12s'))).toEqual({ afterKey: 3, afterId: 'device:xiaomi-12s' });
    expect(() => decodeCursor(Buffer.from('[1,2]').toString('base64url'))).toThrow(BadUserInputError);
    expect(() => decodeCursor(Buffer.from('[{"x":1},"a"]').toString('base64url'))).toThrow(BadUserInputError);
  });

  it('splits list orders into sort field and direction', () => {
    expect(sortOrder('LEAK_COUNT_DESC')).toEqual({ sortField: 'LEAK_COUNT', descending: true });
    expect(sortOrder('NAME_ASC')).toEqual({ sortField: 'NAME', descending: false });
  });

  it('bounds the page size', () => {
    expect(pageSize(undefined)).toBe(20);
    expect(pageSize(0)).toBe(0);
    expect(() => pageSize(101)).toThrow(BadUserInputError);
  });

  it('uses the extra row only to tell that a next page exists', () => {
    const rows = ['a', 'b', 'c'].map((id, index) => ({ node: { id }, sortKey: index }));
    const page = toPage(rows, 10, 2);
    expect(page.edges.map((edge) => edge.node.id)).toEqual(['a', 'b']);
    expect(page.pageInfo).toEqual({ hasNextPage: true, endCursor: encodeCursor(1, 'b') });
    expect(toPage(rows, 3, 3).pageInfo.hasNextPage).toBe(false);
  });
});

describe('keyset pagination over the real graph', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
    await app.db.driver.executeQuery(
      "UNWIND range(1, 9) AS i CREATE (:Entity:Device {id: 'device:page-test-' + i, name: 'Page Test ' + i, aliases: [], status: 'RUMORED'})",
    );
  });
  afterAll(async () => {
    await app.db.driver.executeQuery("MATCH (d:Device) WHERE d.id STARTS WITH 'device:page-test-' DETACH DELETE d");
    await app.stop();
  });

  it('has no duplicates or gaps while rows are inserted between pages', async () => {
    const before = await app.graphql('{ devices(first: 100) { edges { node { id } } } }');
    const existing: string[] = before.data.devices.edges.map((e: any) => e.node.id);
    const seen: string[] = [];
    let after: string | null = null;
    for (let pageNumber = 0; pageNumber < 20; pageNumber++) {
      const page: any = await app.graphql('query($after: String) { devices(first: 3, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }', { after });
      seen.push(...page.data.devices.edges.map((e: any) => e.node.id));
      // Inserts on both sides of the cursor: before it (must not shift the next page) and after it.
      await app.db.driver.executeQuery(
        "CREATE (:Entity:Device {id: 'device:page-test-a' + $n, name: 'AAA ' + $n, aliases: [], status: 'RUMORED'}), (:Entity:Device {id: 'device:page-test-z' + $n, name: 'ZZZ ' + $n, aliases: [], status: 'RUMORED'})",
        { n: pageNumber },
      );
      if (!page.data.devices.pageInfo.hasNextPage) break;
      after = page.data.devices.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    for (const id of existing) expect(seen).toContain(id);
  });
});
