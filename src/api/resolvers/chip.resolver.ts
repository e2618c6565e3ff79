import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Ctx, Field, Info, Query, Resolver } from 'type-graphql';
import { AsOfArgs, ListArgs, asOfDay } from '../types/asOf.js';
import { selectsTotalCount } from '../selection.js';
import type { AppContext } from '../context.js';
import { Chip, ChipConnection, ChipOrder } from '../types/chip.js';

@ArgsType()
class ChipsArgs extends ListArgs {
  @Field(() => String, { nullable: true, description: 'Only chips of this vendor (its id, such as "brand:qualcomm").' })
  vendorId?: string | null;

  @Field(() => ChipOrder, { defaultValue: ChipOrder.NAME_ASC })
  orderBy!: ChipOrder;
}

@Resolver(() => Chip)
export class ChipResolver {
  @Query(() => Chip, { nullable: true, description: 'The chip with this name, alias or part number, ignoring case.' })
  chip(@Arg('name') name: string, @Args() { asOf }: AsOfArgs, @Ctx() { entities, loaders }: AppContext, @Info() info: GraphQLResolveInfo) {
    const day = asOfDay(asOf);
    return entities.byLookupKey<Chip>('Chip', name, day, loaders.relationships.planBelow(info, 'Chip', day));
  }

  @Query(() => ChipConnection)
  chips(@Args() { vendorId, orderBy, asOf, ...page }: ChipsArgs, @Ctx() { entities, loaders }: AppContext, @Info() info: GraphQLResolveInfo) {
    const filters = { vendorId: vendorId ?? null };
    const day = asOfDay(asOf);
    const plan = loaders.relationships.planBelow(info, 'Chip', day);
    const request = { filters, args: page, order: orderBy, asOf: day, countTotal: selectsTotalCount(info), plan };
    return entities.page<Chip>('chipsPage', request);
  }
}
