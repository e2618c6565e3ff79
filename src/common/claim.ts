import { DateResolver } from 'graphql-scalars';
import { Field, InterfaceType } from 'type-graphql';
import type { AsOf } from './asOf.js';
import { Confidence, DatePrecision, compareClaims } from './enums.js';

/** Provenance as stored on a claim (a relationship, a spec, a leak or a partnership). */
export interface ClaimRecord {
  id: string;
  confidence: Confidence;
  reportedOn: string;
  reportedOnPrecision: DatePrecision;
  sourceIds: string[];
}

@InterfaceType({
  description: 'A statement with its provenance: how sure it is, when it was reported and which sources assert it.',
  resolveType: (value: { __typename: string }) => value.__typename,
})
export abstract class Claim {
  @Field(() => Confidence)
  confidence!: Confidence;

  @Field(() => DateResolver, { description: 'When the claim was first reported.' })
  reportedOn!: string;

  @Field(() => DatePrecision, { description: 'DAY, or MONTH/YEAR when only that much of reportedOn is known.' })
  reportedOnPrecision!: DatePrecision;

  /** Resolved to Source objects by ClaimResolver. */
  sourceIds!: string[];

  /** The day this record is viewed as of (see asOf.ts); not a GraphQL field. */
  asOf?: AsOf;
}

export interface ClaimEdgeRecord<TNode> {
  node: TNode;
  claim: ClaimRecord;
}

/**
 * The nodes the claims still support: a node is believed when its newest claim (the most certain on a
 * tie) is not a denial, so a later source can deny an earlier claim and a still later one confirm it
 * again. Each believed node once, with its deciding claim, best first.
 */
function believedEdges<TNode extends { id: string }>(edges: ClaimEdgeRecord<TNode>[]): ClaimEdgeRecord<TNode>[] {
  const deciding = new Map<string, ClaimEdgeRecord<TNode>>();
  for (const edge of [...edges].sort((a, b) => compareClaims(a.claim, b.claim))) {
    if (!deciding.has(edge.node.id)) deciding.set(edge.node.id, edge);
  }
  return [...deciding.values()].filter((edge) => edge.claim.confidence !== Confidence.DENIED);
}

/** The value of a single-value field: the believed node with the newest, most certain claim. */
export function bestNode<TNode extends { id: string }>(edges: ClaimEdgeRecord<TNode>[]): TNode | null {
  return believedEdges(edges)[0]?.node ?? null;
}

/** The nodes of a list field: each believed node once, in edge order. */
export function distinctNodes<TNode extends { id: string }>(edges: ClaimEdgeRecord<TNode>[]): TNode[] {
  const believed = new Set(believedEdges(edges).map((edge) => edge.node.id));
  const nodes = new Map<string, TNode>();
  for (const edge of edges) {
    if (believed.has(edge.node.id) && !nodes.has(edge.node.id)) nodes.set(edge.node.id, edge.node);
  }
  return [...nodes.values()];
}
