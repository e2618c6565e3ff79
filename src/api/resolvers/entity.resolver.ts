import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, ID, Info, Mutation, Query, Resolver, type ClassType } from 'type-graphql';
import { authorize, Role } from '../../model/access.js';
import { ENTITY_LABELS, prefixOfLabel, type EntityLabel } from '../../model/entityKinds.js';
import { pageQueryOf } from '../../store/reads/entityRepository.js';
import type { EntityRecord } from '../../model/entity.js';
import type { AppContext } from '../context.js';
import { selectsTotalCount } from '../selection.js';
import { AsOfArgs, EntityListArgs, asOfDay } from '../types/asOf.js';
import { ENTITY_TYPES, type EntityTypes } from '../types/entityTypes.js';

export const EDITOR_ONLY = 'Needs an editor or admin key.';
export const ADMIN_ONLY = 'Needs an admin key. Returns false when there was nothing to delete.';

function withNote(description: string, note: string | undefined): string {
  return note ? `${description} ${note}` : description;
}

/** `<kind>(name:)`: the entity with this lookup key, with what the selection asks below it read in the same statement. */
function lookupResolver(label: EntityLabel, type: ClassType, description: string): ClassType {
  @Resolver()
  class LookupResolver {
    @Query(() => type, { name: prefixOfLabel(label), nullable: true, description })
    lookup(
      @Arg('name', () => String, { description: 'A name or another lookup key of it, in any case.' }) name: string,
      @Args() { asOf }: AsOfArgs,
      @Ctx() { entities, loaders }: AppContext,
      @Info() info: GraphQLResolveInfo,
    ) {
      const day = asOfDay(asOf);
      return entities.byLookupKey(label, name, day, loaders.relationships.planBelow(info, label, day));
    }
  }
  return LookupResolver;
}

/** `<kind>s(...)`: one keyset page of the kind, filtered and ordered by its `<Kind>sArgs`. */
function listResolver(label: EntityLabel, { connection, args, description }: NonNullable<EntityTypes['list']>): ClassType {
  const queryName = pageQueryOf(label);
  @Resolver()
  class ListResolver {
    @Query(() => connection, { name: `${prefixOfLabel(label)}s`, description: description ?? `${label} entities, a page at a time.` })
    list(@Args(() => args) list: EntityListArgs, @Ctx() { entities, loaders }: AppContext, @Info() info: GraphQLResolveInfo) {
      const day = asOfDay(list.asOf);
      return entities.page<EntityRecord>(queryName, {
        filters: list.filters(),
        args: list.pageArguments(),
        order: list.orderBy,
        asOf: day,
        countTotal: selectsTotalCount(info),
        plan: loaders.relationships.planBelow(info, label, day),
      });
    }
  }
  return ListResolver;
}

/** `upsert<Kind>` and `delete<Kind>`: each checks the caller's role before anything else, then hands over to GraphEditor. */
function editResolver(label: EntityLabel, { type, input, upsertNote, deleteNote }: EntityTypes): ClassType {
  @Resolver()
  class EditResolver {
    @Mutation(() => type, { name: `upsert${label}`, description: withNote(EDITOR_ONLY, upsertNote) })
    upsert(
      @Arg('input', () => input, { description: `The ${label.toLowerCase()}: only the fields given change.` }) value: object,
      @Ctx() { access, editor }: AppContext,
    ) {
      return editor.upsertEntity(label, value, authorize(access, Role.EDITOR));
    }

    @Mutation(() => Boolean, { name: `delete${label}`, description: withNote(ADMIN_ONLY, deleteNote) })
    remove(@Arg('id', () => ID, { description: `The id of the ${label.toLowerCase()}.` }) id: string, @Ctx() { access, editor }: AppContext) {
      return editor.deleteEntity(label, id, authorize(access, Role.ADMIN));
    }
  }
  return EditResolver;
}

/**
 * The root lookups, lists and mutations of every entity kind, generated from the model's kinds and their API form
 * (TypeGraphQL's resolver-factory pattern, as the relationship fields in relationship.resolver.ts).
 */
export const entityResolvers: ClassType[] = ENTITY_LABELS.flatMap((label) => {
  const types = ENTITY_TYPES[label];
  return [
    ...(types.lookup ? [lookupResolver(label, types.type, types.lookup)] : []),
    ...(types.list ? [listResolver(label, types.list)] : []),
    editResolver(label, types),
  ];
});
