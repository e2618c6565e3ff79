import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Claim, IdentifiedClaim } from './claim.js';
import { EntityType, RelationshipType } from '../../model/enums.js';
import type * as Stored from '../../store/reads/graphRepository.js';

@ObjectType({ simpleResolvers: true, description: 'An entity as a node of a drawing.' })
export class GraphNode implements Stored.GraphNode {
  @Field(() => ID, {
    description:
      'Its own id, "graphNode:" and the entityId, such as "graphNode:brand:leica": never the id of the entity under another type, ' +
      'so a normalised cache keeps the drawing apart from the entity.',
  })
  id!: string;

  @Field(() => ID, {
    description:
      'The id of the entity it shows, as node(id:) takes it: "brand:leica", or in a view as of a past day its snapshot id ("brand:leica@2022-05-20"). ' +
      "Edges' source and target are entityIds.",
  })
  entityId!: string;

  @Field(() => EntityType, { description: 'The type of the entity it shows.' })
  type!: EntityType;

  @Field({ description: 'What to write on it: a name, a title, "Leica × Xiaomi" for a partnership, a leak summary.' })
  label!: string;
}

@ObjectType({
  simpleResolvers: true,
  implements: [Claim, IdentifiedClaim],
  description:
    'A claim as a directed edge of a drawing, from source to target, with its provenance. The sources of all edges of an answer are read in one batch.',
})
export class GraphEdge extends Claim implements Stored.GraphEdge {
  __typename?: 'GraphEdge';

  @Field(() => ID, { description: 'Its own id, "graphEdge:" and the claimId, such as "graphEdge:CAMERA_BY:…": never the id of the claim under another type.' })
  id!: string;

  @Field(() => ID, {
    description: 'The id of the relationship claim it shows, as claim(id:) takes it; in a view as of a past day, its snapshot id ("<claim id>@2022-05-20").',
  })
  claimId!: string;

  @Field(() => RelationshipType, { description: 'The type of the claim it draws.' })
  type!: RelationshipType;

  @Field(() => ID, { description: 'The entityId of the node it starts at.' })
  source!: string;

  @Field(() => ID, { description: 'The entityId of the node it ends at.' })
  target!: string;
}

@ObjectType({
  simpleResolvers: true,
  description:
    'A neighbourhood of the graph shaped for cytoscape, sigma or vis-network: each node and edge once, ' + 'and every edge between two returned nodes.',
})
export class GraphSlice implements Stored.GraphSlice {
  @Field(() => [GraphNode], { description: 'The entities drawn.' })
  nodes!: GraphNode[];

  @Field(() => [GraphEdge], { description: 'The claims drawn between them.' })
  edges!: GraphEdge[];

  @Field({ description: 'Whether more nodes were reachable than the limit let through.' })
  truncated!: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'A chain of claims from one entity to another: nodes in order, and the edge between each pair.' })
export class Path implements Stored.Path {
  @Field(() => Int, { description: 'The number of edges.' })
  length!: number;

  @Field(() => [GraphNode], { description: 'The entities along the path, from start to end.' })
  nodes!: GraphNode[];

  @Field(() => [GraphEdge], { description: 'The claims between each pair of nodes, in order.' })
  edges!: GraphEdge[];
}
