import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { AsOfArgs, ListArgs, asOfDay } from '../common/asOf.js';
import { BrandRole } from '../common/enums.js';
import { PageArgs } from '../common/pagination.js';
import { Device, DeviceClaimConnection } from '../device/device.type.js';
import { Partnership, PartnershipClaimConnection } from '../partnership/partnership.type.js';
import { selectsTotalCount } from '../common/selection.js';
import type { AppContext } from '../server/context.js';
import { Brand, BrandClaimConnection, BrandConnection, BrandOrder } from './brand.type.js';

@ArgsType()
class BrandsArgs extends ListArgs {
  @Field(() => BrandRole, { nullable: true })
  role?: BrandRole | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 code, such as "DE".' })
  country?: string | null;

  @Field(() => BrandOrder, { defaultValue: BrandOrder.NAME_ASC })
  orderBy!: BrandOrder;
}

@Resolver(() => Brand)
export class BrandResolver {
  @Query(() => Brand, { nullable: true, description: 'The brand with this name or alias, ignoring case.' })
  brand(@Arg('name') name: string, @Args() { asOf }: AsOfArgs, @Ctx() { entities }: AppContext) {
    return entities.byLookupKey<Brand>('Brand', name, asOfDay(asOf));
  }

  @Query(() => BrandConnection)
  brands(@Args() { role, country, orderBy, asOf, ...page }: BrandsArgs, @Ctx() { entities }: AppContext, @Info() info: GraphQLResolveInfo) {
    const filters = { role: role ?? null, country: country?.toUpperCase() ?? null };
    const request = { filters, args: page, order: orderBy, asOf: asOfDay(asOf), countTotal: selectsTotalCount(info) };
    return entities.page<Brand>('brandsPage', request);
  }

  @FieldResolver(() => [Partnership])
  partnerships(@Root() brand: Brand, @Ctx() { loaders }: AppContext) {
    return loaders.claims.nodes('partnershipsByBrandIds', brand);
  }

  @FieldResolver(() => PartnershipClaimConnection)
  partnershipsConnection(@Root() brand: Brand, @Args() page: PageArgs, @Ctx() { loaders }: AppContext, @Info() info: GraphQLResolveInfo) {
    return loaders.claims.connection('partnershipsByBrandIds', brand, page, selectsTotalCount(info));
  }

  @FieldResolver(() => [Brand], { description: 'The other brands of its partnerships.' })
  partners(@Root() brand: Brand, @Ctx() { loaders }: AppContext) {
    return loaders.claims.nodes('partnersByBrandIds', brand);
  }

  @FieldResolver(() => Int, { description: 'How many distinct brands it has partnerships with (denied ones left out).' })
  async partnerCount(@Root() brand: Brand, @Ctx() { loaders }: AppContext) {
    return (await loaders.claims.nodes('partnersByBrandIds', brand)).length;
  }

  @FieldResolver(() => BrandClaimConnection, { description: 'Partners, one edge per partnership, with its provenance.' })
  partnersConnection(@Root() brand: Brand, @Args() page: PageArgs, @Ctx() { loaders }: AppContext, @Info() info: GraphQLResolveInfo) {
    return loaders.claims.connection('partnersByBrandIds', brand, page, selectsTotalCount(info));
  }

  @FieldResolver(() => [Device], { description: 'Devices it makes.' })
  devices(@Root() brand: Brand, @Ctx() { loaders }: AppContext) {
    return loaders.claims.nodes('devicesByBrandIds', brand);
  }

  @FieldResolver(() => DeviceClaimConnection)
  devicesConnection(@Root() brand: Brand, @Args() page: PageArgs, @Ctx() { loaders }: AppContext, @Info() info: GraphQLResolveInfo) {
    return loaders.claims.connection('devicesByBrandIds', brand, page, selectsTotalCount(info));
  }
}
