import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
