import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/testApp.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.stop());

const PROVENANCE = 'id confidence reportedOn reportedOnPrecision sources { id title publishedOn }';

async function counted(query: string, variables: Record<string, unknown>) {
  const before = await app.queryCount();
  const { data, errors } = await app.graphql(query, variables);
  expect(errors).toBeUndefined();
  return { data, statements: (await app.queryCount()) - before };
}

it("draws a slice with every edge's sources and precision in two statements, whatever the number of edges", async () => {
  const { data, statements } = await counted(`query($id: ID!) { graph(id: $id, depth: 2) { edges { ${PROVENANCE} source target } } }`, { id: 'brand:leica' });
  const edges = data.graph.edges;
  expect(edges.length).toBeGreaterThan(10);
  expect(statements).toBe(2);
  for (const edge of edges) {
    expect(edge.sources.length).toBeGreaterThan(0);
    expect(['DAY', 'MONTH', 'YEAR']).toContain(edge.reportedOnPrecision);
  }
  const party = edges.find((edge: any) => edge.source === 'brand:leica' && edge.target === 'partnership:leica-xiaomi');
  expect(party.sources.map((source: any) => source.title).join(' ')).toMatch(/\w/);
});

it('gives path edges their sources too, batched the same way', async () => {
  const { data, statements } = await counted(`query { paths(from: "brand:xiaomi", to: "brand:huawei") { nodes { id } edges { ${PROVENANCE} } } }`, {});
  expect(data.paths.length).toBeGreaterThan(0);
  expect(statements).toBe(2);
  for (const path of data.paths) for (const edge of path.edges) expect(edge.sources.length).toBeGreaterThan(0);
});

it('fetches one claim by the claimId its edge carries, with the same provenance', async () => {
  const { data: slice } = await counted(`{ graph(id: "device:xiaomi-12s") { edges { ${PROVENANCE} claimId type source target } } }`, {});
  const edge = slice.graph.edges.find((candidate: any) => candidate.type === 'CAMERA_BY');
  const { data } = await counted(
    `query($id: ID!) { claim(id: $id) { __typename confidence reportedOn reportedOnPrecision sources { id title publishedOn }
      ... on GraphEdge { id claimId type source target } } }`,
    { id: edge.claimId },
  );
  expect(data.claim).toEqual({ __typename: 'GraphEdge', ...edge });

  const before = await app.graphql(`query($id: ID!) { claim(id: $id, asOf: "2000-01-01") { confidence } }`, { id: edge.claimId });
  expect(before).toEqual({ data: { claim: null } });
  // Its snapshot id names the same view as asOf does.
  expect(await app.graphql(`{ claim(id: "${edge.claimId}@2000-01-01") { confidence } }`)).toEqual({ data: { claim: null } });
});

it('fetches a partnership or a leak as a claim, and answers null for anything else', async () => {
  const { data } = await counted(
    `{ partnership: claim(id: "partnership:leica-xiaomi") { __typename confidence sources { id } ... on Partnership { id kind } }
       brand: claim(id: "brand:leica") { confidence }
       nothing: claim(id: "no-such-claim") { confidence } }`,
    {},
  );
  expect(data.partnership).toMatchObject({ __typename: 'Partnership', id: 'partnership:leica-xiaomi' });
  expect(data.partnership.sources.length).toBeGreaterThan(0);
  expect(data.brand).toBeNull();
  expect(data.nothing).toBeNull();
});
