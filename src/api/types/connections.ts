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

/** The connection types of relationship fields that point at one kind of node. */
export interface RelationshipConnectionTypes {
  /** `<Name>RelationshipConnection`, of `<field>Connection`: one edge per node, carrying its deciding claim. */
  connection: ClassType;
  /** `<Name>RelationshipEdge`: its `claims` field is generated with the relationship fields (api/resolvers/relationship.resolver.ts). */
  edge: ClassType;
  /** `<Name>ClaimConnection`, of `<field>ClaimsConnection` and of `<Name>RelationshipEdge.claims`: one edge per claim. */
  claimConnection: ClassType;
}

/**
 * The connection types of relationship fields that point at `name` objects: one edge per node (what a normalised
 * client cache keeps, since it keys edges by node) and one edge per claim (the analysts' view), both carrying
 * confidence, reportedOn and sources beside the node.
 */
export function createRelationshipConnectionTypes<TNode extends object>(name: string, nodeType: ClassType<TNode>): RelationshipConnectionTypes {
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

  @ObjectType(`${name}RelationshipEdge`, {
    implements: Claim,
    simpleResolvers: true,
    description:
      `One ${name} it is linked to, once however many claims link them, with the provenance of the claim that decides the link ` +
      '(the newest, then the most certain; DENIED when that claim is a denial). Its claims lists them all.',
  })
  class RelationshipEdge extends Claim {
    @Field({ description: `${CURSOR} It stands for the ${name}: the same ${name} has the same cursor on every page.` })
    cursor!: string;

    @Field(() => nodeType, { description: `The ${name}.` })
    node!: TNode;
  }

  @ObjectType(`${name}RelationshipConnection`, {
    simpleResolvers: true,
    description: `A page of the ${name} objects it is linked to, one edge per ${name} (a Relay connection), newest link first.`,
  })
  class RelationshipConnection {
    @Field(() => [RelationshipEdge], { description: 'The page, in the order asked for.' })
    edges!: RelationshipEdge[];

    @Field(() => PageInfo, { description: PAGE_INFO })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: `How many ${name} objects there are in all, over every page; counted only when asked for.` })
    totalCount!: number;
  }
  return { connection: RelationshipConnection, edge: RelationshipEdge, claimConnection: ClaimConnection };
}
