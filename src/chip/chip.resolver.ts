import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Brand } from '../brand/brand.type.js';
import { PageArgs } from '../common/pagination.js';
import { Device, DeviceClaimConnection } from '../device/device.type.js';
import type { AppContext } from '../server/context.js';
import { Chip, ChipConnection } from './chip.type.js';

@ArgsType()
class ChipsArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Only chips of this vendor (its id, such as "brand:qualcomm").' })
  vendorId?: string | null;
}

@Resolver(() => Chip)
export class ChipResolver {
  @Query(() => Chip, { nullable: true, description: 'The chip with this name, alias or part number, ignoring case.' })
  chip(@Arg('name') name: string, @Ctx() { entities }: AppContext) {
    return entities.byLookupKey<Chip>('Chip', name);
  }

  @Query(() => ChipConnection, { description: 'Chips by name.' })
  chips(@Args() { vendorId, ...page }: ChipsArgs, @Ctx() { entities }: AppContext) {
    return entities.page<Chip>('chipsPage', { vendorId: vendorId ?? null }, page, (c) => c.name);
  }

  @FieldResolver(() => Brand, { nullable: true, description: 'The vendor, by its best claim.' })
  vendor(@Root() chip: Chip, @Ctx() { loaders }: AppContext) {
    return loaders.claims.best('vendorsByChipIds', chip.id);
  }

  @FieldResolver(() => [Device])
  devices(@Root() chip: Chip, @Ctx() { loaders }: AppContext) {
    return loaders.claims.nodes('devicesByChipIds', chip.id);
  }

  @FieldResolver(() => DeviceClaimConnection)
  devicesConnection(@Root() chip: Chip, @Args() page: PageArgs, @Ctx() { loaders }: AppContext) {
    return loaders.claims.connection('devicesByChipIds', chip.id, page);
  }
}
