import { Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { Claim } from './claim.js';
import { PageInfo } from './pagination.js';

/** `<Name>Connection` with `<Name>Edge { cursor node }`, for top-level lists. */
export function createConnectionType<TNode extends object>(name: string, nodeType: ClassType<TNode>) {
  @ObjectType(`${name}Edge`, { simpleResolvers: true })
  class Edge {
    @Field()
    cursor!: string;

    @Field(() => nodeType)
    node!: TNode;
  }

  @ObjectType(`${name}Connection`, { simpleResolvers: true })
  class Connection {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int)
    totalCount!: number;
  }
  return Connection;
}

/**
 * `<Name>ClaimConnection` for relationship fields: each edge is one claim, carrying confidence,
 * reportedOn and sources beside the node it points at.
 */
export function createClaimConnectionType<TNode extends object>(name: string, nodeType: ClassType<TNode>) {
  @ObjectType(`${name}ClaimEdge`, { implements: Claim, simpleResolvers: true })
  class ClaimEdge extends Claim {
    @Field()
    cursor!: string;

    @Field(() => nodeType)
    node!: TNode;
  }

  @ObjectType(`${name}ClaimConnection`, { simpleResolvers: true })
  class ClaimConnection {
    @Field(() => [ClaimEdge])
    edges!: ClaimEdge[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int)
    totalCount!: number;
  }
  return ClaimConnection;
}
