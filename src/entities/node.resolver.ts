import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../server/context.js';
import { AsOfArgs, asOfDay } from '../schemaTypes/asOf.js';
import { entityAsOf } from '../belief/belief.js';
import { Node } from '../schemaTypes/node.js';

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any entity by its id, such as "brand:leica" or "device:xiaomi-12s".' })
  async node(@Arg('id', () => ID) id: string, @Args() { asOf }: AsOfArgs, @Ctx() { loaders }: AppContext) {
    return entityAsOf(await loaders.entities.load(id), asOfDay(asOf));
  }
}
