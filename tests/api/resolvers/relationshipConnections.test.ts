import { describe, expect, it } from 'vitest';
import { EDITOR_KEY, useEditingApp } from '../../helpers/editing.js';
import { writeWeakerLeicaClaim } from '../../clients/operations.js';

// Relationship connections have one edge per node (issue 21, item 3): the edge carries the deciding claim, and
// edge.claims pages through every claim about the pair. The clients' view of the same is in tests/clients.
const MARKER = 'edgespernode';
const running = useEditingApp(MARKER);
const graphql = async (query: string, variables: Record<string, unknown> = {}) => {
  const answer = await running().graphql(query, variables);
  expect(answer.errors).toBeUndefined();
  return answer.data;
};

const PARTNERS = `query($first: Int, $after: String, $last: Int, $before: String) {
  brand(name: "Leica") {
    partnerCount
    partnersConnection(first: $first, after: $after, last: $last, before: $before) {
      totalCount
      edges { cursor node { id } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
}`;

/** Every partner edge of Leica, asked one edge a page, forward from the start or backward from the end. */
async function pageByPage(direction: 'forward' | 'backward'): Promise<Array<{ cursor: string; node: { id: string } }>> {
  const edges = [];
  let cursor: string | null = null;
  do {
    const variables = direction === 'forward' ? { first: 1, after: cursor } : { last: 1, before: cursor };
    const { edges: page, pageInfo }: any = (await graphql(PARTNERS, variables)).brand.partnersConnection;
    if (direction === 'forward') edges.push(...page);
    else edges.unshift(...page);
    const more = direction === 'forward' ? pageInfo.hasNextPage : pageInfo.hasPreviousPage;
    cursor = more ? (direction === 'forward' ? pageInfo.endCursor : pageInfo.startCursor) : null;
  } while (cursor);
  return edges;
}

describe('a relationship connection of nodes', () => {
  it('pages forward and backward through the same nodes, each with one cursor of its own', async () => {
    const all = (await graphql(PARTNERS, { first: 10 })).brand;
    expect(all.partnersConnection.totalCount).toBe(all.partnerCount);
    const edges: Array<{ cursor: string; node: { id: string } }> = all.partnersConnection.edges;
    expect(new Set(edges.map((edge) => edge.node.id)).size).toBe(edges.length);
    expect(await pageByPage('forward')).toEqual(edges);
    expect(await pageByPage('backward')).toEqual(edges);
  });

  it("lists a pair's claims deciding claim first, a page at a time both ways, and each claim once in the per-claim view", async () => {
    await writeWeakerLeicaClaim(running(), MARKER);
    const CLAIMS = `query($first: Int, $after: String, $last: Int, $before: String) {
      device(name: "Xiaomi 12S") {
        cameraBrandsConnection {
          totalCount
          edges {
            confidence
            reported { text }
            node { id }
            claims(first: $first, after: $after, last: $last, before: $before) {
              totalCount
              edges { cursor confidence reported { text } node { id } }
              pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
            }
          }
        }
        cameraBrandsClaimsConnection { totalCount edges { confidence node { id } } }
      }
    }`;
    const claimsPage = async (variables: Record<string, unknown>) => {
      const { device } = await graphql(CLAIMS, variables);
      expect(device.cameraBrandsConnection.totalCount).toBe(1);
      const [edge] = device.cameraBrandsConnection.edges;
      expect(edge).toMatchObject({ confidence: 'RUMORED', reported: { text: '2022-05-25' }, node: { id: 'brand:leica' } });
      expect(device.cameraBrandsClaimsConnection).toEqual({
        totalCount: 2,
        edges: [
          { confidence: 'RUMORED', node: { id: 'brand:leica' } },
          { confidence: 'SPECULATED', node: { id: 'brand:leica' } },
        ],
      });
      return edge.claims;
    };
    const first = await claimsPage({ first: 1 });
    expect(first.totalCount).toBe(2);
    expect(first.edges.map((claim: any) => claim.confidence)).toEqual(['RUMORED']);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const second = await claimsPage({ first: 1, after: first.pageInfo.endCursor });
    expect(second.edges).toEqual([{ cursor: expect.any(String), confidence: 'SPECULATED', reported: { text: '2022-05-20' }, node: { id: 'brand:leica' } }]);
    expect(second.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const last = await claimsPage({ last: 1 });
    expect(last.edges).toEqual(second.edges);
    const beforeLast = await claimsPage({ last: 1, before: last.pageInfo.startCursor });
    expect(beforeLast.edges).toEqual(first.edges);
    expect(beforeLast.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
  });

  it('keeps a node whose deciding claim is a denial, marked DENIED, where the list leaves it out', async () => {
    const deny = await running().graphql(
      `mutation($input: ClaimVerdictInput!) { denyClaim(input: $input) { id confidence } }`,
      {
        input: {
          relation: 'CAMERA_BY',
          from: 'device:xiaomi-12s',
          to: 'brand:leica',
          reportedOn: '2022-07-01',
          newSource: { title: `${MARKER} denial`, publishedOn: '2022-07-01' },
        },
      },
      EDITOR_KEY,
    );
    expect(deny.errors).toBeUndefined();
    const { device } = await graphql(
      `{ device(name: "Xiaomi 12S") { cameraBrands { id } cameraBrandsConnection { totalCount edges { confidence node { id } claims { totalCount } } } } }`,
    );
    expect(device.cameraBrands).toEqual([]);
    expect(device.cameraBrandsConnection.edges).toEqual([{ confidence: 'DENIED', node: { id: 'brand:leica' }, claims: { totalCount: 3 } }]);
  });
});
