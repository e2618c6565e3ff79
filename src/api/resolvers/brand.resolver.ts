import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Ctx, Field, Info, Query, Resolver } from 'type-graphql';
import { AsOfArgs, ListArgs, asOfDay } from '../types/asOf.js';
import { BrandRole } from '../../model/enums.js';
import { selectsTotalCount } from '../selection.js';
import type { AppContext } from '../context.js';
import { Brand, BrandConnection, BrandOrder } from '../types/brand.js';

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
  brand(@Arg('name') name: string, @Args() { asOf }: AsOfArgs, @Ctx() { entities, loaders }: AppContext, @Info() info: GraphQLResolveInfo) {
    const day = asOfDay(asOf);
    return entities.byLookupKey<Brand>('Brand', name, day, loaders.relationships.planBelow(info, 'Brand', day));
  }

  @Query(() => BrandConnection)
  brands(@Args() { role, country, orderBy, asOf, ...page }: BrandsArgs, @Ctx() { entities, loaders }: AppContext, @Info() info: GraphQLResolveInfo) {
    const filters = { role: role ?? null, country: country?.toUpperCase() ?? null };
    const day = asOfDay(asOf);
    const plan = loaders.relationships.planBelow(info, 'Brand', day);
    const request = { filters, args: page, order: orderBy, asOf: day, countTotal: selectsTotalCount(info), plan };
    return entities.page<Brand>('brandsPage', request);
  }
}
