import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { BrandRole } from '../common/enums.js';
import { PageArgs } from '../common/pagination.js';
import { Device, DeviceClaimConnection } from '../device/device.type.js';
import { Partnership, PartnershipClaimConnection } from '../partnership/partnership.type.js';
import type { AppContext } from '../server/context.js';
import { Brand, BrandClaimConnection, BrandConnection } from './brand.type.js';

@ArgsType()
class BrandsArgs extends PageArgs {
  @Field(() => BrandRole, { nullable: true })
  role?: BrandRole | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 code, such as "DE".' })
  country?: string | null;
}

@Resolver(() => Brand)
export class BrandResolver {
  @Query(() => Brand, { nullable: true, description: 'The brand with this name or alias, ignoring case.' })
  brand(@Arg('name') name: string, @Ctx() { entities }: AppContext) {
    return entities.byLookupKey<Brand>('Brand', name);
  }

  @Query(() => BrandConnection, { description: 'Brands by name.' })
  brands(@Args() { role, country, ...page }: BrandsArgs, @Ctx() { entities }: AppContext) {
    return entities.page<Brand>('brandsPage', { role: role ?? null, country: country?.toUpperCase() ?? null }, page, (b) => b.name);
  }

  @FieldResolver(() => [Partnership])
  partnerships(@Root() brand: Brand, @Ctx() { loaders }: AppContext) {
    return loaders.claims.nodes('partnershipsByBrandIds', brand.id);
  }

  @FieldResolver(() => PartnershipClaimConnection)
  partnershipsConnection(@Root() brand: Brand, @Args() page: PageArgs, @Ctx() { loaders }: AppContext) {
    return loaders.claims.connection('partnershipsByBrandIds', brand.id, page);
  }

  @FieldResolver(() => [Brand], { description: 'The other brands of its partnerships.' })
  partners(@Root() brand: Brand, @Ctx() { loaders }: AppContext) {
    return loaders.claims.nodes('partnersByBrandIds', brand.id);
  }

  @FieldResolver(() => BrandClaimConnection, { description: 'Partners, one edge per partnership, with its provenance.' })
  partnersConnection(@Root() brand: Brand, @Args() page: PageArgs, @Ctx() { loaders }: AppContext) {
    return loaders.claims.connection('partnersByBrandIds', brand.id, page);
  }

  @FieldResolver(() => [Device], { description: 'Devices it makes.' })
  devices(@Root() brand: Brand, @Ctx() { loaders }: AppContext) {
    return loaders.claims.nodes('devicesByBrandIds', brand.id);
  }

  @FieldResolver(() => DeviceClaimConnection)
  devicesConnection(@Root() brand: Brand, @Args() page: PageArgs, @Ctx() { loaders }: AppContext) {
    return loaders.claims.connection('devicesByBrandIds', brand.id, page);
  }
}
