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

/** The node the graph currently believes: the best claim that is not a denial. */
export function bestNode<TNode>(edges: ClaimEdgeRecord<TNode>[]): TNode | null {
  const believed = edges.filter((edge) => edge.claim.confidence !== Confidence.DENIED);
  believed.sort((a, b) => compareClaims(a.claim, b.claim));
  return believed[0]?.node ?? null;
}

/** Each node once, in edge order, leaving out nodes whose claims are all denials. */
export function distinctNodes<TNode extends { id: string }>(edges: ClaimEdgeRecord<TNode>[]): TNode[] {
  const nodes = new Map<string, TNode>();
  for (const edge of edges) {
    if (edge.claim.confidence !== Confidence.DENIED && !nodes.has(edge.node.id)) nodes.set(edge.node.id, edge.node);
  }
  return [...nodes.values()];
}
