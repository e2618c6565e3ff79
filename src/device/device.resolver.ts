import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Brand, BrandClaimConnection } from '../brand/brand.type.js';
import { Chip } from '../chip/chip.type.js';
import { DeviceStatus } from '../common/enums.js';
import { PageArgs } from '../common/pagination.js';
import { Leak, LeakClaimConnection } from '../leak/leak.type.js';
import type { AppContext } from '../server/context.js';
import { Device, DeviceConnection } from './device.type.js';
import { Spec } from './spec.type.js';

@ArgsType()
class DevicesArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Only devices made by this brand (its id, such as "brand:xiaomi").' })
  brandId?: string | null;

  @Field(() => DeviceStatus, { nullable: true })
  status?: DeviceStatus | null;
}

@Resolver(() => Device)
export class DeviceResolver {
  @Query(() => Device, {
    nullable: true,
    description: 'The device with this name, alias, model number, short model number or codename, ignoring case.',
  })
  device(@Arg('name') name: string, @Ctx() { entities }: AppContext) {
    return entities.byLookupKey<Device>('Device', name);
  }

  @Query(() => DeviceConnection, { description: 'Devices by name.' })
  devices(@Args() { brandId, status, ...page }: DevicesArgs, @Ctx() { entities }: AppContext) {
    return entities.page<Device>('devicesPage', { brandId: brandId ?? null, status: status ?? null }, page, (d) => d.name);
  }

  @FieldResolver(() => Brand, { nullable: true, description: 'The maker, by its best claim.' })
  brand(@Root() device: Device, @Ctx() { loaders }: AppContext) {
    return loaders.claims.best('makersByDeviceIds', device.id);
  }

  @FieldResolver(() => Chip, { nullable: true, description: 'The chip, by its best claim.' })
  chip(@Root() device: Device, @Ctx() { loaders }: AppContext) {
    return loaders.claims.best('chipsByDeviceIds', device.id);
  }

  @FieldResolver(() => [Brand], { description: 'Camera and optics partners (Leica, ...).' })
  cameraBrands(@Root() device: Device, @Ctx() { loaders }: AppContext) {
    return loaders.claims.nodes('cameraBrandsByDeviceIds', device.id);
  }

  @FieldResolver(() => BrandClaimConnection)
  cameraBrandsConnection(@Root() device: Device, @Args() page: PageArgs, @Ctx() { loaders }: AppContext) {
    return loaders.claims.connection('cameraBrandsByDeviceIds', device.id, page);
  }

  @FieldResolver(() => [Leak])
  leaks(@Root() device: Device, @Ctx() { loaders }: AppContext) {
    return loaders.claims.nodes('leaksByDeviceIds', device.id);
  }

  @FieldResolver(() => LeakClaimConnection)
  leaksConnection(@Root() device: Device, @Args() page: PageArgs, @Ctx() { loaders }: AppContext) {
    return loaders.claims.connection('leaksByDeviceIds', device.id, page);
  }

  @FieldResolver(() => [Spec], { description: 'Every reported attribute with its provenance, by key, newest claim first.' })
  specs(@Root() device: Device, @Ctx() { loaders }: AppContext) {
    return loaders.specs.load(device.id);
  }
}
