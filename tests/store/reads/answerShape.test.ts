import { Kind, parse, type FieldNode, type GraphQLObjectType, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSchema } from '../../../src/api/schema.js';
import { batchStatement } from '../../../src/store/reads/cypher.js';
import { readOfField, type RelationshipRead } from '../../../src/store/reads/read.js';
import { startTestApp, type TestApp } from '../../helpers/testApp.js';

// Answer-shaped reads (issue 19): a relationship read projects only what the selection reads of each edge's claim and
// of its sources, so the statement returns the answer and no more.

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await createSchema();
});

/** The read of the one field `selection` selects on `typeName`, and the text of the statement it goes out in. */
function planned(typeName: string, selection: string): { read: RelationshipRead; text: string } {
  const operation = parse(`{ ${selection} }`).definitions[0] as OperationDefinitionNode;
  const field = operation.selectionSet.selections.find((node): node is FieldNode => node.kind === Kind.FIELD)!;
  const read = readOfField({ schema, fragments: {}, variableValues: {} }, schema.getType(typeName) as GraphQLObjectType, [field], false)!;
  return { read, text: batchStatement([{ read, asOf: null, parentIds: ['brand:leica'] }]).text };
}

describe('the claim of a connection edge', () => {
  it('is not read at all when the selection asks nothing of it and no cursor', () => {
    const { read, text } = planned('Brand', 'partnersConnection(first: 2) { totalCount edges { node { name } } pageInfo { hasNextPage } }');
    expect(read.claimProperties).toEqual([]);
    expect(text).not.toContain('claim:');
    // The belief rule still ranks by the claims' confidence and day in Cypher; none of it comes back.
    expect(text).not.toMatch(/\.sourceIds|reportedOnPrecision/);
  });

  it('carries only the properties its Claim fields are answered from, days as ISO strings', () => {
    expect(planned('Brand', 'partnersConnection { edges { confidence } }').read.claimProperties).toEqual(['confidence']);
    const { read, text } = planned('Device', 'cameraBrandsConnection { edges { reported { text } sources { id } } }');
    expect(read.claimProperties).toEqual(['reportedOn', 'reportedOnPrecision', 'sourceIds']);
    expect(text).toContain('claim: deciding {reportedOn: toString(deciding.reportedOn), .reportedOnPrecision, .sourceIds}');
  });

  it('carries what its cursor is made of when a cursor is selected, on the edge or in pageInfo', () => {
    // A node edge's cursor is its deciding day and its node's id; a claim edge's is the claim's day and id.
    expect(planned('Brand', 'partnersConnection { edges { cursor } }').read.claimProperties).toEqual(['reportedOn']);
    expect(planned('Brand', 'partnersConnection { pageInfo { endCursor } }').read.claimProperties).toEqual(['reportedOn']);
    const claims = planned('Brand', 'partnersClaimsConnection { pageInfo { startCursor } edges { confidence } }');
    expect(claims.read.claimProperties).toEqual(['confidence', 'id', 'reportedOn']);
    expect(claims.text).toMatch(/claim: c\w+ \{id: c\w+\.id \+ '\|' \+ n\w+\.id, \.confidence, reportedOn: toString\(c\w+\.reportedOn\)\}/);
  });

  it("reads a pair's claims with what edge.claims pages and ranks them by, beside what their selection asks", () => {
    const { read } = planned('Brand', 'partnersConnection { edges { node { id } claims { totalCount edges { reportedOnPrecision } } } }');
    expect(read.claimProperties).toEqual([]);
    expect(read.edgeClaims).toEqual(['confidence', 'id', 'reportedOn', 'reportedOnPrecision']);
  });
});

describe('the sources of a claim', () => {
  it('come with the Source properties their selection asks, not whole', () => {
    const { read, text } = planned('Device', 'leaksConnection { edges { sources { title published { text } } node { sources { id } } } }');
    expect(read.edgeSources).toEqual(['publishedOn', 'publishedOnPrecision', 'title']);
    expect(read.nodeSources).toEqual(['id']);
    expect(text).toContain("source {.id, publishedOn: toString(source.publishedOn), .publishedOnPrecision, .title, __typename: 'Source'}");
    expect(text).toContain("source {.id, __typename: 'Source'}");
    expect(text).not.toContain('source {.*');
  });
});

describe('the specs of a device', () => {
  it('come with the properties their selection asks, not whole: a spec is its own claim', () => {
    const { read, text } = planned('Device', 'specs { key value reported { text } sources { id } }');
    expect([...read.properties].sort()).toEqual(['key', 'reportedOn', 'reportedOnPrecision', 'sourceIds', 'value']);
    expect(text).toContain('reportedOn: toString(ng0.reportedOn)');
    expect(text).not.toContain('{.*');
  });
});

describe('one request that reads the same sources partially under claims and whole elsewhere', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app?.stop());

  const FIELDS: Record<string, string> = {
    brand: 'brand(name: "Leica") { partnersConnection { edges { sources { title } } } partnerships { sources { id } } }',
    device: 'device(name: "Xiaomi 12S") { leaksConnection { edges { sources { title } node { sources { title published { text } } } } } }',
    partnerHistory: 'partnerHistory(brand: "Leica") { id sources { title } }',
    // The sources of a claim and of graph edges through the entity loader, a statement or two after the reads above.
    claim: 'claim(id: "partnership:huawei-leica") { ... on Partnership { sources { id title author publisher url published { text } } } }',
    graph: 'graph(id: "brand:leica", depth: 1) { edges { claimId sources { id title author publisher published { text } } } }',
    // The same sources by id, read whole in the first tick.
    article: 'article: node(id: "source:article-2022-05-25-xiaomi-12s-leica-leak") { ... on Source { id title author publisher url published { text } } }',
    editors: 'editors: node(id: "source:partnergraph-editors") { ... on Source { id title author publisher url } }',
  };

  /** Asks `keys`' fields in one request, and each alone: the answers must agree. */
  async function together(keys: string[]) {
    const answer = await app.graphql(`{ ${keys.map((key) => FIELDS[key]).join('\n')} }`);
    expect(answer.errors).toBeUndefined();
    for (const key of keys) {
      const alone = await app.graphql(`{ ${FIELDS[key]} }`);
      expect(alone.errors).toBeUndefined();
      expect({ key, answer: answer.data[key] }).toEqual({ key, answer: alone.data[key] });
    }
    return answer.data;
  }

  it('answers every field as it is answered alone', async () => {
    // Without node(id:), whose whole records would fill the entity loader before any partial source came back.
    await together(Object.keys(FIELDS).filter((key) => key !== 'article' && key !== 'editors'));
    const data = await together(Object.keys(FIELDS));
    // The whole records stay whole beside the partial ones, and the partial ones answer what they were read for.
    expect(data.article).toMatchObject({ author: 'Apoorva Sinha', publisher: null, published: { text: '2022-05-25' } });
    expect(data.editors).toMatchObject({ publisher: 'Partnergraph', author: null });
    const graphSources = data.graph.edges.flatMap((edge: any) => edge.sources);
    expect(graphSources).toContainEqual({
      id: 'source:partnergraph-editors',
      title: expect.stringMatching(/^Partnergraph editors/),
      author: null,
      publisher: 'Partnergraph',
      published: null,
    });
    const titles = data.brand.partnersConnection.edges.flatMap((edge: any) => edge.sources.map((source: any) => source.title));
    expect(titles.length).toBeGreaterThan(0);
    for (const title of titles) expect(title).toMatch(/\w/);
  });

  it('gives each claim its own sources, in the order of its sourceIds, as of its day', async () => {
    const { data, errors } = await app.graphql(
      '{ partnerHistory(brand: "Leica", asOf: "2022-05-25") { id sources { id title } } brand(name: "Huawei") { partnershipsClaimsConnection { edges { node { id } sources { id } } } } }',
    );
    expect(errors).toBeUndefined();
    const huawei = data.partnerHistory.find((partnership: any) => partnership.id === 'partnership:huawei-leica@2022-05-25');
    expect(huawei.sources.map((source: any) => source.id)).toEqual([
      'source:article-2022-05-25-xiaomi-12s-leica-leak@2022-05-25',
      'source:partnergraph-editors@2022-05-25',
    ]);
    const edge = data.brand.partnershipsClaimsConnection.edges.find((claim: any) => claim.node.id === 'partnership:huawei-leica');
    expect(edge.sources.map((source: any) => source.id)).toEqual(['source:article-2022-05-25-xiaomi-12s-leica-leak', 'source:partnergraph-editors']);
  });
});
