import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { Brand } from '../brand/brand.type.js';
import { AsOfArgs, ListArgs, asOfDay } from '../common/asOf.js';
import { PageArgs } from '../common/pagination.js';
import { Device, DeviceClaimConnection } from '../device/device.type.js';
import { selectsTotalCount } from '../common/selection.js';
import type { AppContext } from '../server/context.js';
import { Chip, ChipConnection, ChipOrder } from './chip.type.js';

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
  chip(@Arg('name') name: string, @Args() { asOf }: AsOfArgs, @Ctx() { entities }: AppContext) {
    return entities.byLookupKey<Chip>('Chip', name, asOfDay(asOf));
  }

  @Query(() => ChipConnection)
  chips(@Args() { vendorId, orderBy, asOf, ...page }: ChipsArgs, @Ctx() { entities }: AppContext, @Info() info: GraphQLResolveInfo) {
    const filters = { vendorId: vendorId ?? null };
    const request = { filters, args: page, order: orderBy, asOf: asOfDay(asOf), countTotal: selectsTotalCount(info) };
    return entities.page<Chip>('chipsPage', request);
  }

  @FieldResolver(() => Brand, { nullable: true, description: 'The vendor, by its best claim.' })
  vendor(@Root() chip: Chip, @Ctx() { loaders }: AppContext) {
    return loaders.claims.best('vendorsByChipIds', chip);
  }

  @FieldResolver(() => [Device])
  devices(@Root() chip: Chip, @Ctx() { loaders }: AppContext) {
    return loaders.claims.nodes('devicesByChipIds', chip);
  }

  @FieldResolver(() => DeviceClaimConnection)
  devicesConnection(@Root() chip: Chip, @Args() page: PageArgs, @Ctx() { loaders }: AppContext, @Info() info: GraphQLResolveInfo) {
    return loaders.claims.connection('devicesByChipIds', chip, page, selectsTotalCount(info));
  }
}
