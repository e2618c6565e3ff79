import { Args, ArgsType, Ctx, Field, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Confidence } from '../common/enums.js';
import { PageArgs } from '../common/pagination.js';
import { Device, DeviceClaimConnection } from '../device/device.type.js';
import type { AppContext } from '../server/context.js';
import { Leak, LeakConnection } from './leak.type.js';

@ArgsType()
class LeaksArgs extends PageArgs {
  @Field(() => Confidence, { nullable: true })
  confidence?: Confidence | null;

  @Field(() => String, { nullable: true, description: 'Such as "Weibo" (case-insensitive).' })
  platform?: string | null;
}

@Resolver(() => Leak)
export class LeakResolver {
  @Query(() => LeakConnection, { description: 'Leaks, newest first.' })
  leaks(@Args() { confidence, platform, ...page }: LeaksArgs, @Ctx() { entities }: AppContext) {
    return entities.page<Leak>('leaksPage', { confidence: confidence ?? null, platform: platform ?? null }, page, (l) => l.reportedOn);
  }

  @FieldResolver(() => [Device])
  devices(@Root() leak: Leak, @Ctx() { loaders }: AppContext) {
    return loaders.claims.nodes('devicesByLeakIds', leak.id);
  }

  @FieldResolver(() => DeviceClaimConnection)
  devicesConnection(@Root() leak: Leak, @Args() page: PageArgs, @Ctx() { loaders }: AppContext) {
    return loaders.claims.connection('devicesByLeakIds', leak.id, page);
  }
}
