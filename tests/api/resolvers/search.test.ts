import { int } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchStatement } from '../../../src/store/reads/rootStatements.js';
import { toLuceneQuery } from '../../../src/store/reads/searchQuery.js';
import { startTestApp, type TestApp } from '../../helpers/testApp.js';

describe('the Lucene query built from free text', () => {
  it('asks for every word exactly, as a prefix, and within one edit when long enough', () => {
    expect(toLuceneQuery('Laica')).toBe('(laica^4 OR laica*^2 OR laica~1)');
    expect(toLuceneQuery('12S pro')).toBe('(12s^4 OR 12s*^2) AND (pro^4 OR pro*^2)');
  });

  it('keeps Lucene syntax inert and rejects text without words', () => {
    expect(toLuceneQuery('name:"x" OR *')).toBe('(name^4 OR name*^2 OR name~1) AND (x^4 OR x*^2) AND (or^4 OR or*^2)');
    expect(() => toLuceneQuery(' *:* ')).toThrow(/letter or a digit/);
  });
});

describe('search over the seed data', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.stop());

  const SEARCH = `query($q: String!, $types: [EntityType!], $asOf: Date, $first: Int) {
    search(query: $q, types: $types, asOf: $asOf, first: $first) { score node { __typename id ... on Brand { name } ... on Device { name } } }
  }`;
  const hits = async (variables: Record<string, unknown>) => {
    const { data, errors } = await app.graphql(SEARCH, variables);
    expect(errors).toBeUndefined();
    return data.search as Array<{ score: number; node: { id: string; __typename: string } }>;
  };

  it('returns only the properties the selection asks of each kind, and each hit answers as node(id:) answers it', async () => {
    const fields =
      '__typename id ... on Brand { name country roles } ... on Device { name codename status } ... on Partnership { kind summary } ... on Leak { platform }';
    const { data, errors } = await app.graphql(`{ search(query: "xiaomi", first: 30) { node { ${fields} } } }`);
    expect(errors).toBeUndefined();
    const nodes = data.search.map((hit: { node: { __typename: string } }) => hit.node);
    expect(new Set(nodes.map((node: { __typename: string }) => node.__typename)).size).toBeGreaterThanOrEqual(3);
    for (const node of nodes) {
      const alone = await app.graphql(`query($id: ID!) { node(id: $id) { ${fields} } }`, { id: node.id });
      expect(alone.data.node).toEqual(node);
    }
    // The statement's rows: a kind the selection names comes with its properties, any other with its id alone.
    const statement = searchStatement({ words: 1, labelsGiven: false, asOfGiven: false, properties: new Map([['Brand', ['name']]]) });
    const { records } = await app.db.driver.executeQuery(statement, { luceneQuery: toLuceneQuery('xiaomi'), first: int(30) });
    const rows = records.map((record) => record.get('node') as Record<string, unknown>);
    expect(rows.some((row) => row.__typename === 'Brand')).toBe(true);
    for (const row of rows) expect(Object.keys(row).sort()).toEqual(row.__typename === 'Brand' ? ['__typename', 'id', 'name'] : ['__typename', 'id']);
  });

  it('tolerates typos: "Laica" finds Leica', async () => {
    expect((await hits({ q: 'Laica', types: ['BRAND'] }))[0]?.node).toMatchObject({ id: 'brand:leica', name: 'Leica' });
  });

  it('finds codenames and model-number prefixes', async () => {
    expect((await hits({ q: 'unicorn' }))[0]?.node.id).toBe('device:xiaomi-12s-pro');
    expect((await hits({ q: '2206123', types: ['DEVICE'] })).map((h) => h.node.id)).toEqual(['device:xiaomi-12s']);
  });

  it('ranks best first, honours first and types, in one round trip', async () => {
    const before = await app.queryCount();
    const results = await hits({ q: 'xiaomi', first: 3 });
    expect((await app.queryCount()) - before).toBe(1);
    expect(results).toHaveLength(3);
    for (let i = 1; i < results.length; i++) expect(results[i - 1]!.score).toBeGreaterThanOrEqual(results[i]!.score);
    expect((await hits({ q: 'xiaomi', types: ['LEAK'] })).every((h) => h.node.__typename === 'Leak')).toBe(true);
  });

  it("finds a partnership by its parties' names, first, in either order", async () => {
    expect((await hits({ q: 'Leica Xiaomi' }))[0]?.node.id).toBe('partnership:leica-xiaomi');
    expect((await hits({ q: 'xiaomi laica', types: ['PARTNERSHIP'] }))[0]?.node.id).toBe('partnership:leica-xiaomi');
    expect((await hits({ q: 'Leica Xiaomi', asOf: '2022-05-20', types: ['PARTNERSHIP'] })).map((h) => h.node.id)).not.toContain(
      'partnership:leica-xiaomi@2022-05-20',
    );
    // One name asks for that brand, not for each of its partnerships.
    expect((await hits({ q: 'Xiaomi' }))[0]?.node.id).toBe('brand:xiaomi');
  });

  it('leaves out what was not known yet on the asOf day', async () => {
    const ids = async (asOf: string) => (await hits({ q: 'xiaomi', asOf, first: 50 })).map((h) => h.node.id);
    // Hits in a past view carry that day's snapshot ids (docs/clients.md).
    expect(await ids('2022-05-20')).not.toContain('partnership:leica-xiaomi@2022-05-20');
    expect(await ids('2022-05-23')).toContain('partnership:leica-xiaomi@2022-05-23');
  });
});
