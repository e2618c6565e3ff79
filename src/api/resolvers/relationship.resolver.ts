import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Int, Resolver, Root, type ClassType } from 'type-graphql';
import { PageArgs } from '../types/pagination.js';
import { Spec } from '../types/spec.js';
import { ENTITY_TYPES, type EntityTypes } from '../types/entityTypes.js';
import type { RelationshipConnectionTypes } from '../types/connections.js';
import type { AppContext } from '../context.js';
import { pairClaimsPage, type NodeEdge, type Parent } from '../../store/reads/relationshipLoader.js';
import { RELATIONSHIPS, relationshipFieldName, type RelationshipDeclaration } from '../../model/relationships.js';
import { type EntityLabel } from '../../model/entityKinds.js';

/** The GraphQL object type of each end of a relationship: the entity kinds, and specs, which are not entities. */
const GRAPHQL_TYPES: Record<EntityLabel | 'Spec', Pick<EntityTypes, 'type' | 'relationshipConnections'>> = { ...ENTITY_TYPES, Spec: { type: Spec } };

type Handler = (parent: Parent, context: AppContext, info: GraphQLResolveInfo) => unknown;

/**
 * The relationship fields of one entity type, generated from the relationship table: `x` (a single
 * value or a list), `xConnection` (one edge per node), `xClaimsConnection` (one edge per claim) and the
 * count field, each a thin call into the request's RelationshipLoader.
 */
function relationshipResolver(owner: EntityLabel): ClassType {
  class RelationshipFields {}
  Object.defineProperty(RelationshipFields, 'name', { value: `${owner}RelationshipFields` });
  const prototype = RelationshipFields.prototype as unknown as Record<string, Handler>;
  const define = (name: string, handler: Handler, decorate: MethodDecorator, paged = false) => {
    prototype[name] = handler;
    decorate(prototype, name, Object.getOwnPropertyDescriptor(prototype, name)!);
    Root()(prototype, name, 0);
    Ctx()(prototype, name, 1);
    Info()(prototype, name, 2);
    if (paged) Args(() => PageArgs)(prototype, name, 3);
  };

  for (const declaration of RELATIONSHIPS.filter((entry) => entry.owner === owner) as RelationshipDeclaration[]) {
    const target = GRAPHQL_TYPES[declaration.target];
    const description = { description: declaration.description ?? defaultDescription(declaration) };
    if (declaration.cardinality === 'single') {
      define(
        declaration.field,
        (parent, { loaders }, info) => loaders.relationships.single(info, parent),
        FieldResolver(() => target.type, { nullable: true, ...description }),
      );
    } else {
      define(
        declaration.field,
        (parent, { loaders }, info) => loaders.relationships.list(info, parent),
        FieldResolver(() => [target.type], description),
      );
    }
    if (declaration.connection) {
      const connections = target.relationshipConnections!;
      const connection: Handler = (parent, { loaders }, info) => loaders.relationships.connection(info, parent);
      const byNode = `${declaration.field}, a page at a time, one edge per ${declaration.target}: the claim that decides it, and all its claims in edge.claims.`;
      define(
        relationshipFieldName(declaration, 'connection')!,
        connection,
        FieldResolver(() => connections.connection, { description: declaration.connectionDescription ?? byNode }),
        true,
      );
      const byClaim = `${declaration.field}, a page at a time, one edge per claim with its provenance, newest first: a ${declaration.target} with several claims comes once per claim.`;
      define(
        relationshipFieldName(declaration, 'claimsConnection')!,
        connection,
        FieldResolver(() => connections.claimConnection, { description: byClaim }),
        true,
      );
    }
    if (declaration.count) {
      define(
        declaration.count.field,
        (parent, { loaders }, info) => loaders.relationships.count(info, parent),
        FieldResolver(() => Int, { description: declaration.count.description }),
      );
    }
  }
  Resolver(() => GRAPHQL_TYPES[owner].type)(RelationshipFields);
  return RelationshipFields;
}

/** What a relationship field says when the table gives no words of its own: the kind of claim it follows. */
function defaultDescription({ shape, target }: RelationshipDeclaration): string {
  const type = shape.kind === 'claim' ? `${shape.type} ` : '';
  return `The ${target.toLowerCase()} objects its ${type}claims link it to, each once.`;
}

/** `claims` of `<Name>RelationshipEdge`: every claim about the edge's node-pair, deciding claim first, which the edge's read brought along. */
function relationshipEdgeResolver({ edge, claimConnection }: RelationshipConnectionTypes): ClassType {
  @Resolver(() => edge)
  class RelationshipEdgeFields {
    @FieldResolver(() => claimConnection, {
      description: 'Every claim about this link, a page at a time: the deciding claim first, then newest first, most certain first.',
    })
    claims(@Root() nodeEdge: NodeEdge, @Args(() => PageArgs) page: PageArgs) {
      return pairClaimsPage(nodeEdge, page);
    }
  }
  Object.defineProperty(RelationshipEdgeFields, 'name', { value: `${edge.name}Fields` });
  return RelationshipEdgeFields;
}

const OWNERS = [...new Set(RELATIONSHIPS.map((declaration) => declaration.owner))];
const EDGE_TYPES = [
  ...new Set(RELATIONSHIPS.filter((declaration) => declaration.connection).map((declaration) => GRAPHQL_TYPES[declaration.target].relationshipConnections!)),
];

export const relationshipResolvers: ClassType[] = [...OWNERS.map(relationshipResolver), ...EDGE_TYPES.map(relationshipEdgeResolver)];
