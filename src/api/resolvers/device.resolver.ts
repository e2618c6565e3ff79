import type { GraphQLResolveInfo } from 'graphql';
import { DateResolver } from 'graphql-scalars';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { AsOfArgs, ListArgs, asOfDay } from '../types/asOf.js';
import { DeviceStatus } from '../../model/enums.js';
import { selectsTotalCount } from '../selection.js';
import type { AppContext } from '../context.js';
import { bestSpecValue } from '../../model/claim.js';
import { Device, DeviceConnection, DeviceOrder } from '../types/device.js';
import type { SpecRecord } from '../types/spec.js';

@ArgsType()
class DevicesArgs extends ListArgs {
  @Field(() => String, { nullable: true, description: 'Only devices made by this brand (its id, such as "brand:xiaomi").' })
  brandId?: string | null;

  @Field(() => String, { nullable: true, description: 'Only devices claimed to use this chip (its id).' })
  chipId?: string | null;

  @Field(() => String, { nullable: true, description: 'Only devices with cameras claimed to be by this brand (its id).' })
  cameraBrandId?: string | null;

  @Field(() => DeviceStatus, { nullable: true })
  status?: DeviceStatus | null;

  @Field(() => DateResolver, { nullable: true, description: 'Only devices announced on or after this day.' })
  announcedFrom?: Date | null;

  @Field(() => DateResolver, { nullable: true, description: 'Only devices announced on or before this day.' })
  announcedTo?: Date | null;

  @Field(() => DeviceOrder, { defaultValue: DeviceOrder.NAME_ASC })
  orderBy!: DeviceOrder;
}

@Resolver(() => Device)
export class DeviceResolver {
  @Query(() => Device, {
    nullable: true,
    description: 'The device with this name, alias, model number, short model number or codename, ignoring case.',
  })
  device(@Arg('name') name: string, @Args() { asOf }: AsOfArgs, @Ctx() { entities, loaders }: AppContext, @Info() info: GraphQLResolveInfo) {
    const day = asOfDay(asOf);
    return entities.byLookupKey<Device>('Device', name, day, loaders.relationships.planBelow(info, 'Device', day));
  }

  @Query(() => DeviceConnection, { description: 'Relationship filters keep what the fields show, by the belief rule.' })
  devices(@Args() args: DevicesArgs, @Ctx() { entities, loaders }: AppContext, @Info() info: GraphQLResolveInfo) {
    const { brandId, chipId, cameraBrandId, status, announcedFrom, announcedTo, orderBy, asOf, ...page } = args;
    const filters = {
      brandId: brandId ?? null,
      chipId: chipId ?? null,
      cameraBrandId: cameraBrandId ?? null,
      status: status ?? null,
      announcedFrom: asOfDay(announcedFrom),
      announcedTo: asOfDay(announcedTo),
    };
    const day = asOfDay(asOf);
    const plan = loaders.relationships.planBelow(info, 'Device', day);
    const request = { filters, args: page, order: orderBy, asOf: day, countTotal: selectsTotalCount(info), plan };
    return entities.page<Device>('devicesPage', request);
  }

  @FieldResolver(() => String, { nullable: true, description: 'The best identity.modelNumber claim; see specs for all claims and their provenance.' })
  modelNumber(@Root() device: Device, @Ctx() { loaders }: AppContext) {
    return identityAsOf(device, 'identity.modelNumber', device.modelNumber, loaders);
  }

  @FieldResolver(() => String, { nullable: true, description: 'The best identity.shortModelNumber claim.' })
  shortModelNumber(@Root() device: Device, @Ctx() { loaders }: AppContext) {
    return identityAsOf(device, 'identity.shortModelNumber', device.shortModelNumber, loaders);
  }

  @FieldResolver(() => String, { nullable: true, description: 'The best identity.codename claim.' })
  codename(@Root() device: Device, @Ctx() { loaders }: AppContext) {
    return identityAsOf(device, 'identity.codename', device.codename, loaders);
  }
}

/** Today's identity values are stored on the device; a past view picks the best claim known then. */
async function identityAsOf(device: Device, key: string, storedValue: string | null, loaders: AppContext['loaders']) {
  if (!device.asOf) return storedValue;
  return bestSpecValue((await loaders.relationships.allSpecs(device)) as unknown as SpecRecord[], key);
}
