import { Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { Claim } from './claim.js';
import { PageInfo } from './pagination.js';

const CURSOR = 'Where this edge is: pass it as after (or before) to page on from here.';
const PAGE_INFO = 'Whether there are more pages, and the cursors to ask for them.';
const TOTAL_COUNT = 'How many there are in all, over every page; counted only when asked for.';

/** `<Name>Connection` with `<Name>Edge { cursor node }`, for top-level lists. */
export function createConnectionType<TNode extends object>(name: string, nodeType: ClassType<TNode>) {
  @ObjectType(`${name}Edge`, { simpleResolvers: true, description: `One ${name} in a page, with its cursor.` })
  class Edge {
    @Field({ description: CURSOR })
    cursor!: string;

    @Field(() => nodeType, { description: `The ${name}.` })
    node!: TNode;
  }

  @ObjectType(`${name}Connection`, { simpleResolvers: true, description: `A page of ${name} objects (a Relay connection).` })
  class Connection {
    @Field(() => [Edge], { description: 'The page, in the order asked for.' })
    edges!: Edge[];

    @Field(() => PageInfo, { description: PAGE_INFO })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: TOTAL_COUNT })
    totalCount!: number;
  }
  return Connection;
}

/**
 * `<Name>ClaimConnection` for relationship fields: each edge is one claim, carrying confidence,
 * reportedOn and sources beside the node it points at.
 */
export function createClaimConnectionType<TNode extends object>(name: string, nodeType: ClassType<TNode>) {
  @ObjectType(`${name}ClaimEdge`, {
    implements: Claim,
    simpleResolvers: true,
    description: `One claim that links to a ${name}, with the claim's provenance beside the ${name}.`,
  })
  class ClaimEdge extends Claim {
    @Field({ description: CURSOR })
    cursor!: string;

    @Field(() => nodeType, { description: `The ${name} the claim points at.` })
    node!: TNode;
  }

  @ObjectType(`${name}ClaimConnection`, { simpleResolvers: true, description: `A page of claims that link to ${name} objects, one edge per claim.` })
  class ClaimConnection {
    @Field(() => [ClaimEdge], { description: 'The page, in the order asked for.' })
    edges!: ClaimEdge[];

    @Field(() => PageInfo, { description: PAGE_INFO })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: TOTAL_COUNT })
    totalCount!: number;
  }
  return ClaimConnection;
}
