import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/testApp.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.stop());

// The tests below look at which entities and claims a drawing shows: its nodes' entityId and its edges'
// claimId (a drawing's own ids are tested at the end).
const SLICE = `query($id: ID!, $depth: Int, $types: [RelationshipType!], $min: Confidence, $asOf: Date, $limit: Int) {
  graph(id: $id, depth: $depth, relationshipTypes: $types, minConfidence: $min, asOf: $asOf, limit: $limit) {
    nodes { id: entityId type label }
    edges { id: claimId type source target confidence reportedOn }
    truncated
  }
}`;

async function slice(variables: Record<string, unknown>) {
  const before = await app.queryCount();
  const { data, errors } = await app.graphql(SLICE, variables);
  expect(errors).toBeUndefined();
  return { ...data.graph, roundTrips: (await app.queryCount()) - before };
}

it('draws the depth-1 neighbourhood of Leica in one round trip, each node and edge once', async () => {
  const leica = await slice({ id: 'brand:leica' });
  expect(leica.roundTrips).toBe(1);
  const ids = leica.nodes.map((n: any) => n.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids[0]).toBe('brand:leica');
  expect(ids).toEqual(
    expect.arrayContaining([
      'partnership:leica-xiaomi',
      'partnership:huawei-leica',
      'partnership:leica-panasonic',
      'partnership:leica-sharp',
      'device:xiaomi-12s',
      'device:xiaomi-12s-pro',
      'device:xiaomi-12-ultra',
    ]),
  );
  expect(leica.nodes).toContainEqual({ id: 'partnership:leica-xiaomi', type: 'PARTNERSHIP', label: 'Leica × Xiaomi' });
  expect(leica.nodes).toContainEqual({ id: 'brand:leica', type: 'BRAND', label: 'Leica' });
  const edgeIds = leica.edges.map((e: any) => e.id);
  expect(new Set(edgeIds).size).toBe(edgeIds.length);
  for (const edge of leica.edges) {
    expect(ids).toContain(edge.source);
    expect(ids).toContain(edge.target);
  }
  expect(leica.edges).toContainEqual(expect.objectContaining({ type: 'CAMERA_BY', source: 'device:xiaomi-12s', target: 'brand:leica', confidence: 'RUMORED' }));
  expect(leica.truncated).toBe(false);
});

it('goes deeper, still in one round trip, and filters by type, confidence and day', async () => {
  const deep = await slice({ id: 'brand:leica', depth: 2, types: ['PARTY_TO'] });
  expect(deep.roundTrips).toBe(1);
  expect(deep.nodes.map((n: any) => n.id).sort()).toEqual([
    'brand:huawei',
    'brand:leica',
    'brand:panasonic',
    'brand:sharp',
    'brand:xiaomi',
    'partnership:huawei-leica',
    'partnership:leica-panasonic',
    'partnership:leica-sharp',
    'partnership:leica-xiaomi',
  ]);
  expect(deep.edges.every((e: any) => e.type === 'PARTY_TO')).toBe(true);

  const confirmedOnly = await slice({ id: 'device:xiaomi-12s', min: 'REPORTED' });
  expect(confirmedOnly.edges.every((e: any) => ['CONFIRMED', 'REPORTED'].includes(e.confidence))).toBe(true);
  expect(confirmedOnly.nodes.map((n: any) => n.id)).not.toContain('brand:leica');

  // In a view as of a past day, the entities carry that day's snapshot ids.
  const before = await slice({ id: 'device:xiaomi-12s', asOf: '2022-05-20' });
  expect(before.nodes.map((n: any) => n.id).sort()).toEqual(
    ['brand:xiaomi', 'device:xiaomi-12s', 'leak:xiaomi-12s-series-imei-database'].map((id) => `${id}@2022-05-20`),
  );
});

it('says when the node limit cut the slice short', async () => {
  const capped = await slice({ id: 'brand:leica', depth: 2, limit: 3 });
  expect(capped.nodes).toHaveLength(3);
  expect(capped.truncated).toBe(true);
});

it('is NOT_FOUND for an unknown id or one not known yet on the day, and BAD_USER_INPUT below the bounds', async () => {
  expect((await app.graphql(SLICE, { id: 'brand:nobody' })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  expect((await app.graphql(SLICE, { id: 'partnership:leica-xiaomi', asOf: '2022-05-22' })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  const zero = await app.graphql(SLICE, { id: 'brand:leica', depth: 0 });
  expect(zero.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'depth' });
});

const PATHS = `query($from: ID!, $to: ID!, $maxHops: Int, $asOf: Date, $first: Int) {
  paths(from: $from, to: $to, maxHops: $maxHops, asOf: $asOf, first: $first) {
    length
    nodes { id: entityId type label }
    edges { id: claimId type source target confidence }
  }
}`;

it('links Xiaomi to Huawei through Leica, in one round trip', async () => {
  const before = await app.queryCount();
  const { data, errors } = await app.graphql(PATHS, { from: 'brand:xiaomi', to: 'brand:huawei' });
  expect(errors).toBeUndefined();
  expect((await app.queryCount()) - before).toBe(1);
  const paths = data.paths;
  expect(paths.length).toBeGreaterThan(0);
  for (const path of paths) {
    expect(path.length).toBe(4);
    expect(path.nodes.at(0).id).toBe('brand:xiaomi');
    expect(path.nodes.at(-1).id).toBe('brand:huawei');
    expect(path.nodes.map((n: any) => n.id)).toContain('brand:leica');
    expect(path.edges).toHaveLength(path.length);
  }
  // The confirmed partnerships come first; the rumoured camera claim only after.
  expect(paths[0].nodes.map((n: any) => n.id)).toEqual(['brand:xiaomi', 'partnership:leica-xiaomi', 'brand:leica', 'partnership:huawei-leica', 'brand:huawei']);
  expect(paths[0].edges.every((e: any) => e.confidence === 'CONFIRMED')).toBe(true);
});

it('travels in time: only the 12 Ultra speculation links them before the announcement, nothing before May 2022', async () => {
  const beforeAnnouncement = (await app.graphql(PATHS, { from: 'brand:xiaomi', to: 'brand:huawei', asOf: '2022-05-20' })).data.paths;
  expect(beforeAnnouncement.map((path: any) => path.nodes.map((n: any) => n.id))).toEqual([
    ['brand:xiaomi', 'device:xiaomi-12-ultra', 'brand:leica', 'partnership:huawei-leica', 'brand:huawei'].map((id) => `${id}@2022-05-20`),
  ]);
  expect(beforeAnnouncement[0].edges.map((e: any) => e.confidence)).toEqual(['SPECULATED', 'SPECULATED', 'CONFIRMED', 'CONFIRMED']);
  expect((await app.graphql(PATHS, { from: 'brand:xiaomi', to: 'brand:huawei', asOf: '2022-04-30' })).data.paths).toEqual([]);
});

it('finds no path longer than maxHops, and names an unknown endpoint', async () => {
  expect((await app.graphql(PATHS, { from: 'brand:xiaomi', to: 'brand:huawei', maxHops: 3 })).data.paths).toEqual([]);
  const unknown = await app.graphql(PATHS, { from: 'brand:xiaomi', to: 'brand:nobody' });
  expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', id: 'brand:nobody' });
});

describe("a drawing's own ids", () => {
  const OWN_IDS = `query($id: ID!, $asOf: Date) {
    graph(id: $id, asOf: $asOf) {
      nodes { id entityId }
      edges { id claimId source target sources { id } }
    }
  }`;

  it('never reuses the id of the entity or claim it shows (issue 21, item 2)', async () => {
    const { data, errors } = await app.graphql(OWN_IDS, { id: 'brand:leica' });
    expect(errors).toBeUndefined();
    const { nodes, edges } = data.graph;
    for (const node of nodes) expect(node.id).toBe(`graphNode:${node.entityId}`);
    for (const edge of edges) expect(edge.id).toBe(`graphEdge:${edge.claimId}`);
    expect(nodes.map((node: any) => node.entityId)).toContain('brand:leica');
    const entityIds = new Set(nodes.map((node: any) => node.entityId));
    for (const edge of edges) {
      expect(entityIds).toContain(edge.source);
      expect(entityIds).toContain(edge.target);
    }
    // What they refer to resolves: the entity through node(id:), the claim through claim(id:).
    const edge = edges[0];
    const referred = await app.graphql('query($node: ID!, $claim: ID!) { node(id: $node) { id } claim(id: $claim) { ... on GraphEdge { id claimId } } }', {
      node: nodes[0].entityId,
      claim: edge.claimId,
    });
    expect(referred.data).toEqual({ node: { id: nodes[0].entityId }, claim: { id: edge.id, claimId: edge.claimId } });
  });

  it('carries snapshot ids in a view as of a past day, down to the sources, and takes one as the entity in the middle', async () => {
    const past = await app.graphql(OWN_IDS, { id: 'device:xiaomi-12s', asOf: '2022-05-20' });
    expect(past.errors).toBeUndefined();
    const { nodes, edges } = past.data.graph;
    expect(nodes.length).toBeGreaterThan(1);
    for (const node of nodes) {
      expect(node.entityId).toMatch(/@2022-05-20$/);
      expect(node.id).toBe(`graphNode:${node.entityId}`);
    }
    for (const edge of edges) {
      for (const id of [edge.id, edge.claimId, edge.source, edge.target, ...edge.sources.map((source: any) => source.id)]) expect(id).toMatch(/@2022-05-20$/);
    }
    // A snapshot id names the same view without asOf; node(id:) answers the entity of that view.
    expect((await app.graphql(OWN_IDS, { id: 'device:xiaomi-12s@2022-05-20' })).data).toEqual(past.data);
    const entity = await app.graphql('query($id: ID!) { node(id: $id) { id } }', { id: nodes[0].entityId });
    expect(entity.data.node).toEqual({ id: nodes[0].entityId });
  });

  it('is BAD_USER_INPUT for a malformed snapshot id, or one whose day asOf contradicts', async () => {
    for (const id of ['brand:leica@2022-13-01', 'brand:leica@2022-5-20', '@2022-05-20', 'brand:leica@2022-05-20@2022-05-21', 'brand:leica@']) {
      expect((await app.graphql(OWN_IDS, { id })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    }
    const contradicted = await app.graphql(OWN_IDS, { id: 'brand:leica@2022-05-20', asOf: '2022-05-23' });
    expect(contradicted.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    const paths = await app.graphql(PATHS, { from: 'brand:xiaomi@2022-05-20', to: 'brand:huawei@2022-05-23' });
    expect(paths.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
  });
});
