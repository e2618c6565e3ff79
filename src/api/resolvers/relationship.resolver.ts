import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Int, Resolver, Root, type ClassType } from 'type-graphql';
import { PageArgs } from '../types/pagination.js';
import { Spec } from '../types/spec.js';
import { ENTITY_TYPES, type EntityTypes } from '../types/entityTypes.js';
import type { AppContext } from '../context.js';
import type { Parent } from '../../store/reads/relationshipLoader.js';
import { RELATIONSHIPS, type RelationshipDeclaration } from '../../model/relationships.js';
import { type EntityLabel } from '../../model/entityKinds.js';

/** The GraphQL object type of each end of a relationship: the entity kinds, and specs, which are not entities. */
const GRAPHQL_TYPES: Record<EntityLabel | 'Spec', Pick<EntityTypes, 'type' | 'claimConnection'>> = { ...ENTITY_TYPES, Spec: { type: Spec } };

type Handler = (parent: Parent, context: AppContext, info: GraphQLResolveInfo) => unknown;

/**
 * The relationship fields of one entity type, generated from the relationship table: `x` (a single
 * value or a list), `xConnection` and the count field, each a thin call into the request's
 * RelationshipLoader.
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
      const connectionDescription = {
        description: declaration.connectionDescription ?? `${declaration.field}, a page at a time, one edge per claim with its provenance.`,
      };
      define(
        `${declaration.field}Connection`,
        (parent, { loaders }, info) => loaders.relationships.connection(info, parent),
        FieldResolver(() => target.claimConnection!, connectionDescription),
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

const OWNERS = [...new Set(RELATIONSHIPS.map((declaration) => declaration.owner))];

export const relationshipResolvers: ClassType[] = OWNERS.map(relationshipResolver);
