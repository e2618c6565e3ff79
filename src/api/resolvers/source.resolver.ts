import type { GraphQLResolveInfo } from 'graphql';
import { Args, ArgsType, Ctx, Field, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { ListArgs, asOfDay } from '../types/asOf.js';
import { withAsOf } from '../../model/asOf.js';
import { Claim } from '../types/claim.js';
import { selectsTotalCount } from '../selection.js';
import type { AppContext } from '../context.js';
import { Source, SourceConnection, SourceOrder } from '../types/source.js';

@ArgsType()
class SourcesArgs extends ListArgs {
  @Field(() => String, { nullable: true, description: 'Only sources of this publisher (case-insensitive).' })
  publisher?: string | null;

  @Field(() => SourceOrder, { defaultValue: SourceOrder.TITLE_ASC })
  orderBy!: SourceOrder;
}

@Resolver(() => Source)
export class SourceResolver {
  @Query(() => SourceConnection, { description: 'Sources published by the asOf day; sources without a day are in every view.' })
  sources(@Args() { publisher, orderBy, asOf, ...page }: SourcesArgs, @Ctx() { entities, loaders }: AppContext, @Info() info: GraphQLResolveInfo) {
    const filters = { publisher: publisher ?? null };
    const day = asOfDay(asOf);
    const plan = loaders.relationships.planBelow(info, 'Source', day);
    const request = { filters, args: page, order: orderBy, asOf: day, countTotal: selectsTotalCount(info), plan };
    return entities.page<Source>('sourcesPage', request);
  }
}

/** `sources` of every claim type (relationship edges, specs, leaks, partnerships), batched per request, viewed as of the claim's day. */
@Resolver(() => Claim)
export class ClaimSourcesResolver {
  @FieldResolver(() => [Source], { description: 'The sources that assert this claim.' })
  async sources(@Root() claim: Claim, @Ctx() { loaders }: AppContext) {
    const sources = await loaders.entities.loadMany(claim.sourceIds);
    const failure = sources.find((source) => source instanceof Error);
    if (failure) throw failure;
    return sources.filter((source) => source !== null).map((source) => withAsOf(source, claim.asOf ?? null));
  }
}
