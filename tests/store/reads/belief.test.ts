import { afterAll, expect, it } from 'vitest';
import { bestNode, distinctNodes, edgeOrderCypher, type ClaimEdgeRecord } from '../../../src/model/claim.js';
import { believedEdges, bestNode as bestNodeClauses } from '../../../src/store/reads/belief.js';
import { collectOf, printExpression, returnClause, unwind, withClause } from '../../../src/store/query/ast.js';
import { Confidence, DatePrecision } from '../../../src/model/enums.js';
import { testDatabase } from '../../helpers/database.js';

/**
 * The belief rule has a TypeScript form (fields) and a Cypher form (filters and sorts). On generated claims that
 * contradict each other (denials, confirmations again, same-day ties), both must pick the same nodes.
 */
const db = testDatabase();
afterAll(() => db.close());

const CONFIDENCES = Object.values(Confidence);
const DAYS = ['2021-01-01', '2021-06-01', '2022-01-01', '2022-06-01'];

/** mulberry32: the same claims on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Up to 8 claims on up to 4 nodes, in the order the reads return edges: newest first, then by claim id. */
function claimSet(next: () => number, index: number): ClaimEdgeRecord<{ id: string }>[] {
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)]!;
  const edges = Array.from({ length: 1 + Math.floor(next() * 8) }, (_, claimIndex) => ({
    node: { id: pick(['n1', 'n2', 'n3', 'n4']) },
    claim: {
      id: `c${index}-${claimIndex}`,
      confidence: pick(CONFIDENCES),
      reportedOn: pick(DAYS),
      reportedOnPrecision: DatePrecision.DAY,
      sourceIds: [],
    },
  }));
  return edges.sort((a, b) =>
    a.claim.reportedOn !== b.claim.reportedOn ? (a.claim.reportedOn < b.claim.reportedOn ? 1 : -1) : a.claim.id < b.claim.id ? -1 : 1,
  );
}

/** Each edge of a set as a node id and its claim, as a read's MATCH binds them. */
const SOURCE = [
  unwind('edges', 'edge'),
  withClause(['edge.node.id AS node', 'edge.claim AS raw']),
  withClause(['node', 'raw {.id, .confidence, reportedOn: date(raw.reportedOn)} AS claim']),
];
/** The rule's two Cypher forms over one set's claims: every node's, and (oneClaimEach) each node's only claim. */
const inCypher = (oneClaimEach: boolean) => ({
  believed: printExpression(collectOf([...believedEdges(SOURCE, 'node', 'claim', { oneClaimEach }), returnClause(['node'], { orderBy: [edgeOrderCypher()] })])),
  best: printExpression(collectOf([...bestNodeClauses(SOURCE, 'node', 'claim', { oneClaimEach }), returnClause(['node'])])),
});

/** Runs the rule's Cypher form on each set, and its TypeScript form: the two must agree. */
async function expectAgreement(sets: ClaimEdgeRecord<{ id: string }>[][], oneClaimEach: boolean) {
  const { believed, best } = inCypher(oneClaimEach);
  const { records } = await db.driver.executeQuery(
    `UNWIND range(0, size($sets) - 1) AS index
     CALL (index) {
       WITH $sets[index] AS edges
       RETURN ${believed} AS believed,
              ${best} AS best
     }
     RETURN believed, best ORDER BY index`,
    { sets },
  );
  const cypher = records.map((record) => ({ believed: record.get('believed') as string[], best: (record.get('best') as string[])[0] ?? null }));
  const typescript = sets.map((edges) => ({
    believed: distinctNodes(edges).map((node) => node.id),
    best: bestNode(edges)?.id ?? null,
  }));
  expect(cypher).toEqual(typescript);
  return typescript;
}

it('picks the same believed nodes, in the same order, and the same best node, in Cypher as in TypeScript', async () => {
  const next = random(19);
  const typescript = await expectAgreement(
    Array.from({ length: 300 }, (_, index) => claimSet(next, index)),
    false,
  );
  // The generated sets do exercise the rule: some nodes are denied, some sets believe nothing.
  expect(typescript.filter(({ best }) => best === null).length).toBeGreaterThan(10);
  expect(typescript.filter(({ believed }) => believed.length > 1).length).toBeGreaterThan(10);
});

it('decides the same way with one claim per node, as a relationship written with its claim entity has (oneClaimEach)', async () => {
  const next = random(23);
  // Each node keeps its first claim only.
  const sets = Array.from({ length: 300 }, (_, index) =>
    claimSet(next, index).filter((edge, position, edges) => edges.findIndex((other) => other.node.id === edge.node.id) === position),
  );
  const typescript = await expectAgreement(sets, true);
  expect(typescript.filter(({ best }) => best === null).length).toBeGreaterThan(10);
  expect(typescript.filter(({ believed }) => believed.length > 1).length).toBeGreaterThan(10);
});
