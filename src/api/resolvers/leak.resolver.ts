import type { GraphQLResolveInfo } from 'graphql';
import { Args, ArgsType, Ctx, Field, Info, Query, Resolver } from 'type-graphql';
import { DateResolver } from 'graphql-scalars';
import { ListArgs, asOfDay } from '../types/asOf.js';
import { Confidence } from '../../model/enums.js';
import { selectsTotalCount } from '../selection.js';
import type { AppContext } from '../context.js';
import { Leak, LeakConnection, LeakOrder } from '../types/leak.js';

@ArgsType()
class LeaksArgs extends ListArgs {
  @Field(() => Confidence, { nullable: true })
  confidence?: Confidence | null;

  @Field(() => String, { nullable: true, description: 'Such as "Weibo" (case-insensitive).' })
  platform?: string | null;

  @Field(() => String, { nullable: true, description: 'Only leaks about this device (its id).' })
  deviceId?: string | null;

  @Field(() => DateResolver, { nullable: true, description: 'Only leaks reported on or after this day.' })
  reportedFrom?: Date | null;

  @Field(() => DateResolver, { nullable: true, description: 'Only leaks reported on or before this day.' })
  reportedTo?: Date | null;

  @Field(() => LeakOrder, { defaultValue: LeakOrder.REPORTED_ON_DESC })
  orderBy!: LeakOrder;
}

@Resolver(() => Leak)
export class LeakResolver {
  @Query(() => LeakConnection, { description: 'Leaks, newest first unless ordered otherwise.' })
  leaks(@Args() args: LeaksArgs, @Ctx() { entities, loaders }: AppContext, @Info() info: GraphQLResolveInfo) {
    const { confidence, platform, deviceId, reportedFrom, reportedTo, orderBy, asOf, ...page } = args;
    const filters = {
      confidence: confidence ?? null,
      platform: platform ?? null,
      deviceId: deviceId ?? null,
      reportedFrom: asOfDay(reportedFrom),
      reportedTo: asOfDay(reportedTo),
    };
    const day = asOfDay(asOf);
    const plan = loaders.relationships.planBelow(info, 'Leak', day);
    const request = { filters, args: page, order: orderBy, asOf: day, countTotal: selectsTotalCount(info), plan };
    return entities.page<Leak>('leaksPage', request);
  }
}
