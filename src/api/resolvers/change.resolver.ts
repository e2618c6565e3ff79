import type { GraphQLResolveInfo } from 'graphql';
import { GraphQLJSONObject, DateTimeResolver } from 'graphql-scalars';
import { Args, ArgsType, Ctx, Field, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import { authorize, Role } from '../../model/access.js';
import { PageArgs } from '../types/pagination.js';
import { selectsTotalCount } from '../selection.js';
import type { AppContext } from '../context.js';
import { Change, ChangeConnection, type ChangeRecord } from '../types/change.js';
import { cursorOf } from '../../store/changes/changeFeed.js';

@ArgsType()
class ChangesArgs extends PageArgs {
  @Field(() => DateTimeResolver, { nullable: true, description: 'Only changes at or after this instant.' })
  since?: Date | null;

  @Field(() => ID, { nullable: true, description: 'Only changes to this entity, or to claims and entities linked to it.' })
  entityId?: string | null;
}

@Resolver(() => Change)
export class ChangeResolver {
  @Query(() => ChangeConnection, {
    description: 'The audit trail, oldest first, so new changes only ever append. Needs an editor or admin key: it shows who edited.',
  })
  changes(@Args() { since, entityId, ...page }: ChangesArgs, @Ctx() { access, entities }: AppContext, @Info() info: GraphQLResolveInfo) {
    authorize(access, Role.EDITOR);
    const filters = { since: since?.toISOString() ?? null, entityId: entityId ?? null };
    return entities.page<ChangeRecord & { __typename: string }>('changesPage', {
      filters,
      args: page,
      order: 'AT_ASC',
      asOf: null,
      countTotal: selectsTotalCount(info),
    });
  }

  @FieldResolver(() => String, { description: 'Its place in the change log, which is commit order: `after` of the subscriptions takes it.' })
  cursor(@Root() change: ChangeRecord): string {
    return cursorOf(change.seq);
  }

  @FieldResolver(() => GraphQLJSONObject, { nullable: true, description: 'The entity or claim before the change; null when it was created.' })
  before(@Root() change: ChangeRecord) {
    return change.before ? (JSON.parse(change.before) as Record<string, unknown>) : null;
  }

  @FieldResolver(() => GraphQLJSONObject, { nullable: true, description: 'The entity or claim after the change; null when it was deleted.' })
  after(@Root() change: ChangeRecord) {
    return change.after ? (JSON.parse(change.after) as Record<string, unknown>) : null;
  }
}
