import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import { AsOfArgs, asOfDay } from '../types/asOf.js';
import type { AppContext } from '../context.js';
import { Partnership, PartnershipStat } from '../types/partnership.js';
import { PartnershipStatsGroupBy } from '../../model/enums.js';
import { ActiveArgs, activePeriod } from '../types/validTime.js';

@Resolver(() => Partnership)
export class PartnershipResolver {
  @Query(() => [Partnership], {
    description:
      'The partnerships of the brand with this name or alias, oldest first: by start day, else announcement day. ' +
      'Rumoured and denied ones are included; their confidence says so. activeOn (valid time) keeps those in force on a day or period, ' +
      'as the claims known on asOf (known time) say: "in force in 2019, as known on 1 January 2020".',
  })
  partnerHistory(
    @Arg('brand', () => String, { description: 'A name or alias of the brand, in any case.' }) brand: string,
    @Args() { asOf }: AsOfArgs,
    @Args() active: ActiveArgs,
    @Ctx() { partnerships, loaders }: AppContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const day = asOfDay(asOf);
    return partnerships.historyOf(brand, day, loaders.relationships.planBelow(info, 'Partnership', day), activePeriod(active));
  }

  @Query(() => [PartnershipStat], { description: 'Partnership counts per year, kind or partner, for charts.' })
  partnershipStats(
    @Arg('groupBy', () => PartnershipStatsGroupBy, { description: 'What to count by.' }) groupBy: PartnershipStatsGroupBy,
    @Args() { asOf }: AsOfArgs,
    @Ctx() { partnerships }: AppContext,
  ) {
    return partnerships.stats(groupBy, asOfDay(asOf));
  }
}
