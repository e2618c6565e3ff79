import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphQLEnumType } from 'graphql';
import { decodeCursor, encodeCursor, pageSize, pageWindow, sortKeyKindOf, sortOrder, toPage } from '../../src/model/keyset.js';
import { createSchema } from '../../src/api/schema.js';
import { BadUserInputError } from '../../src/errors/errors.js';
import { startTestApp, type TestApp } from '../helpers/testApp.js';

describe('cursors and page sizes', () => {
  it('round-trips a keyset cursor and rejects foreign ones', () => {
    expect(decodeCursor(encodeCursor('Xiaomi 12S', 'device:xiaomi-12s'), 'text')).toEqual({ afterKey: 'Xiaomi 12S', afterId: 'device:xiaomi-12s' });
    expect(decodeCursor(null, 'text')).toEqual({ afterKey: null, afterId: null });
    expect(() => decodeCursor('bm90IGpzb24', 'text')).toThrow(BadUserInputError);
    expect(decodeCursor(encodeCursor(3, 'device:xiaomi-12s'), 'count')).toEqual({ afterKey: 3, afterId: 'device:xiaomi-12s' });
    expect(() => decodeCursor(Buffer.from('[1,2]').toString('base64url'), 'count')).toThrow(BadUserInputError);
    expect(() => decodeCursor(Buffer.from('[{"x":1},"a"]').toString('base64url'), 'text')).toThrow(BadUserInputError);
  });

  it('refuses a cursor whose sort key is not of the kind its list orders by', () => {
    const cursor = (key: unknown) => Buffer.from(JSON.stringify([key, 'leak:a'])).toString('base64url');
    expect(decodeCursor(cursor('2024-02-29'), 'day')).toEqual({ afterKey: '2024-02-29', afterId: 'leak:a' });
    expect(decodeCursor(cursor('9999-99-99'), 'dayOrMissing')).toEqual({ afterKey: '9999-99-99', afterId: 'leak:a' });
    expect(decodeCursor(cursor('2026-12-02T14:47:24.123Z'), 'instant').afterKey).toBe('2026-12-02T14:47:24.123Z');
    expect(decodeCursor(cursor('2026-12-02T14:47Z'), 'instant').afterKey).toBe('2026-12-02T14:47Z');
    const forged: Array<[unknown, Parameters<typeof decodeCursor>[1]]> = [
      ['x', 'day'],
      ['2023-02-29', 'day'],
      ['9999-99-99', 'day'],
      [7, 'day'],
      ['x', 'dayOrMissing'],
      ['x', 'count'],
      [-1, 'count'],
      [1.5, 'count'],
      [7, 'text'],
      ['2026-13-02T00:00Z', 'instant'],
      ['x', 'instant'],
    ];
    for (const [key, kind] of forged) {
      expect({
        key,
        kind,
        refused: (() => {
          try {
            decodeCursor(cursor(key), kind, 'after');
            return false;
          } catch (error) {
            return error instanceof BadUserInputError;
          }
        })(),
      }).toEqual({ key, kind, refused: true });
    }
  });

  it('knows the sort key kind of every list order in the schema', async () => {
    const schema = await createSchema();
    const fields = Object.values(schema.getTypeMap())
      .filter((type): type is GraphQLEnumType => type instanceof GraphQLEnumType && type.name.endsWith('Order'))
      .flatMap((type) => type.getValues().map((value) => sortOrder(value.name).sortField));
    expect(fields.length).toBeGreaterThan(5);
    for (const field of fields) expect(() => sortKeyKindOf(field)).not.toThrow();
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
    const forward = { limit: 2, backward: false, afterKey: null, afterId: null };
    const page = toPage(rows, 10, forward);
    expect(page.edges.map((edge) => edge.node.id)).toEqual(['a', 'b']);
    expect(page.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false, startCursor: encodeCursor(0, 'a'), endCursor: encodeCursor(1, 'b') });
    expect(toPage(rows, 3, { ...forward, limit: 3 }).pageInfo.hasNextPage).toBe(false);
  });

  it('puts a backward page, read in reverse order, back in order', () => {
    const reverseRows = ['e', 'd', 'c'].map((id) => ({ node: { id }, sortKey: id }));
    const page = toPage(reverseRows, 5, { limit: 2, backward: true, afterKey: 'f', afterId: 'f' });
    expect(page.edges.map((edge) => edge.node.id)).toEqual(['d', 'e']);
    expect(page.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true, startCursor: encodeCursor('d', 'd') });
  });

  it('pages forward with first/after or backward with last/before, never both', () => {
    expect(pageWindow({ last: 5 }, 'text')).toEqual({ limit: 5, backward: true, afterKey: null, afterId: null });
    expect(pageWindow({ first: 2, after: encodeCursor('x', 'brand:x') }, 'text')).toEqual({ limit: 2, backward: false, afterKey: 'x', afterId: 'brand:x' });
    expect(() => pageWindow({ first: 2, last: 2 }, 'text')).toThrow(BadUserInputError);
    expect(() => pageWindow({ after: encodeCursor('x', 'brand:x'), before: encodeCursor('y', 'brand:y') }, 'text')).toThrow(BadUserInputError);
    expect(() => pageWindow({ last: 101 }, 'text')).toThrow('last must be between 0 and 100');
    expect(() => pageWindow({ before: 'nope' }, 'text')).toThrow('before is not a cursor this API issued');
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
      const page: any = await app.graphql(
        'query($after: String) { devices(first: 3, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }',
        { after },
      );
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

  it('pages backward from the end with last/before, in list order, with no duplicates or gaps while rows are inserted', async () => {
    const QUERY = 'query($before: String) { devices(last: 3, before: $before) { edges { node { id } } pageInfo { hasPreviousPage hasNextPage startCursor } } }';
    const existing: string[] = (await app.graphql('{ devices(first: 100) { edges { node { id } } } }')).data.devices.edges.map((e: any) => e.node.id);
    const pages: string[][] = [];
    let before: string | null = null;
    for (let pageNumber = 0; pageNumber < 40; pageNumber++) {
      const page: any = await app.graphql(QUERY, { before });
      expect(page.errors).toBeUndefined();
      pages.unshift(page.data.devices.edges.map((e: any) => e.node.id));
      expect(page.data.devices.pageInfo.hasNextPage).toBe(before !== null);
      await app.db.driver.executeQuery(
        "CREATE (:Entity:Device {id: 'device:page-test-b' + $n, name: 'AAB ' + $n, aliases: [], status: 'RUMORED'}), (:Entity:Device {id: 'device:page-test-y' + $n, name: 'ZZY ' + $n, aliases: [], status: 'RUMORED'})",
        { n: pageNumber },
      );
      if (!page.data.devices.pageInfo.hasPreviousPage) break;
      before = page.data.devices.pageInfo.startCursor;
    }
    const seen = pages.flat();
    expect(new Set(seen).size).toBe(seen.length);
    for (const id of existing) expect(seen).toContain(id);
    // Put together, the backward pages are the list in its own order.
    const order = seen.filter((id) => existing.includes(id));
    expect(order).toEqual(existing);
  });

  it('pages a relationship connection backward, meeting the forward pages', async () => {
    const FORWARD = '{ device(name: "Xiaomi 12S") { leaksConnection(first: 10) { edges { cursor node { id } } } } }';
    const all: Array<{ cursor: string; node: { id: string } }> = (await app.graphql(FORWARD)).data.device.leaksConnection.edges;
    expect(all.length).toBeGreaterThanOrEqual(2);
    const last = await app.graphql(
      '{ device(name: "Xiaomi 12S") { leaksConnection(last: 1) { edges { node { id } } pageInfo { hasPreviousPage hasNextPage startCursor } } } }',
    );
    expect(last.data.device.leaksConnection.edges.map((e: any) => e.node.id)).toEqual([all.at(-1)!.node.id]);
    expect(last.data.device.leaksConnection.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
    const previous = await app.graphql(
      'query($before: String) { device(name: "Xiaomi 12S") { leaksConnection(last: 10, before: $before) { edges { node { id } } pageInfo { hasPreviousPage hasNextPage } } } }',
      {
        before: last.data.device.leaksConnection.pageInfo.startCursor,
      },
    );
    expect(previous.data.device.leaksConnection.edges.map((e: any) => e.node.id)).toEqual(all.slice(0, -1).map((e) => e.node.id));
    expect(previous.data.device.leaksConnection.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
  });
});
