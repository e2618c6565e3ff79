import { decidingOrderCypher } from '../../model/claim.js';
import { Confidence } from '../../model/enums.js';
import { withClause, type Clause, type Expression } from '../query/ast.js';

/**
 * The belief rule (model/claim.ts) as query clauses, so reads, filters and sorts decide a relationship the way its
 * fields do. Its orders come from the model's one declaration (decidingOrderCypher, edgeOrderCypher); a test on
 * generated contradicting claims pins these clauses to the TypeScript rule (tests/store/reads/belief.test.ts).
 */

/** A claim's id expression over a claim variable (a partnership seen from a partner has one of its own). */
export type ClaimId = (claim: string) => string;

/** What the rule knows of the claims `source` binds: their id expression, and whether each node has one claim at most. */
export interface ClaimsOf {
  claimId?: ClaimId;
  /** One claim per node at most (oneClaimPerPair): the rule decides each node by it, with no grouping. */
  oneClaimEach?: boolean;
}

/**
 * The deciding claim of each node: after `source` binds each `node` and one of its `claim`s, keeps each node once,
 * with `claims`, all of its claims in decidingOrderCypher's order, `deciding`, the first of them (the claim that
 * decides it), its day and id (`decidingDay`, `decidingKey`), and `firstKey`, the id of the first of them in the
 * reads' edge order (distinctNodes' order). Each claim's certainty is ranked once, in the sort. Both orders start
 * with the newest day, so that first claim is the deciding day's claim with the smallest id. Relationship
 * connections use it as it is (a node whose deciding claim is a denial stays, marked DENIED); believedEdges drops those.
 */
export function decidingClaims(source: readonly Clause[], node: string, claim: string, claims: ClaimsOf = {}, where: Expression[] = []): Clause[] {
  const claimId = claims.claimId ?? ((variable: string) => `${variable}.id`);
  if (claims.oneClaimEach) {
    // Its one claim decides each node, and is the first in either order: the same columns, without grouping by node.
    const id = claimId(claim);
    return [
      ...source,
      withClause([node, `[${claim}] AS claims`, `${claim} AS deciding`, `${claim}.reportedOn AS decidingDay`, `${id} AS decidingKey`, `${id} AS firstKey`], {
        where,
      }),
    ];
  }
  // Each claim's day and id are read once, here: the orders after it read no property of a claim again.
  const earliest = `CASE WHEN claimDays[claimIndex] = claimDays[0] AND claimIds[claimIndex] < claimIds[earliestIndex] THEN claimIndex ELSE earliestIndex END`;
  return [
    ...source,
    withClause([node, claim, `${claim}.reportedOn AS claimDay`, `${claimId(claim)} AS claimKey`], {
      orderBy: [decidingOrderCypher(claim, () => 'claimKey', 'claimDay')],
    }),
    withClause([node, `collect(${claim}) AS claims`, 'collect(claimDay) AS claimDays', 'collect(claimKey) AS claimIds']),
    withClause(
      [
        node,
        'claims',
        'claims[0] AS deciding',
        'claimDays[0] AS decidingDay',
        'claimIds[0] AS decidingKey',
        `claimIds[reduce(earliestIndex = 0, claimIndex IN range(0, size(claims) - 1) | ${earliest})] AS firstKey`,
      ],
      { where },
    ),
  ];
}

/** believedEdges: decidingClaims, keeping the believed nodes only (their deciding claim is no denial). */
export function believedEdges(source: readonly Clause[], node: string, claim: string, claims: ClaimsOf = {}): Clause[] {
  return decidingClaims(source, node, claim, claims, [`deciding.confidence <> '${Confidence.DENIED}'`]);
}

/** bestNode: believedEdges, then only the believed node whose deciding claim ranks first. */
export function bestNode(source: readonly Clause[], node: string, claim: string, claims: ClaimsOf = {}): Clause[] {
  return [
    ...believedEdges(source, node, claim, claims),
    withClause([node, 'decidingDay', 'firstKey', 'deciding'], { orderBy: [decidingOrderCypher('deciding', () => 'decidingKey', 'decidingDay')], limit: '1' }),
  ];
}
