import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Brand, BrandClaimConnection } from '../brand/brand.type.js';
import { PageArgs } from '../common/pagination.js';
import { Device, DeviceClaimConnection } from '../device/device.type.js';
import type { AppContext } from '../server/context.js';
import { Partnership } from './partnership.type.js';

@Resolver(() => Partnership)
export class PartnershipResolver {
  @FieldResolver(() => [Brand])
  brands(@Root() partnership: Partnership, @Ctx() { loaders }: AppContext) {
    return loaders.claims.nodes('brandsByPartnershipIds', partnership);
  }

  @FieldResolver(() => BrandClaimConnection)
  brandsConnection(@Root() partnership: Partnership, @Args() page: PageArgs, @Ctx() { loaders }: AppContext) {
    return loaders.claims.connection('brandsByPartnershipIds', partnership, page);
  }

  @FieldResolver(() => [Device], { description: 'Devices the partnership covers (claimed, rumoured or confirmed).' })
  devices(@Root() partnership: Partnership, @Ctx() { loaders }: AppContext) {
    return loaders.claims.nodes('devicesByPartnershipIds', partnership);
  }

  @FieldResolver(() => DeviceClaimConnection)
  devicesConnection(@Root() partnership: Partnership, @Args() page: PageArgs, @Ctx() { loaders }: AppContext) {
    return loaders.claims.connection('devicesByPartnershipIds', partnership, page);
  }
}
