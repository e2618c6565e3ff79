import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../server/context.js';
import { Node } from './node.js';

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any entity by its id, such as "brand:leica" or "device:xiaomi-12s".' })
  node(@Arg('id', () => ID) id: string, @Ctx() { loaders }: AppContext) {
    return loaders.entities.load(id);
  }
}
