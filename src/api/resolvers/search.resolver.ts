import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Ctx, Field, Float, Info, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { AsOfArgs, asOfDay } from '../types/asOf.js';
import { EntityType } from '../../model/enums.js';
import { Node } from '../types/node.js';
import { ANALYST_LIMITS } from '../../config/limits.js';
import { checkRange } from '../../errors/errors.js';
import type { AppContext } from '../context.js';

const { search: SEARCH } = ANALYST_LIMITS;

@ObjectType({ simpleResolvers: true, description: 'One entity found by search, with its relevance.' })
class SearchHit {
  @Field(() => Float, { description: 'Relevance from the full-text index; higher is better, comparable within one answer only.' })
  score!: number;

  @Field(() => Node, { description: 'The entity found.' })
  node!: Node;
}

@ArgsType()
class SearchArgs extends AsOfArgs {
  @Field(() => [EntityType], { nullable: true, description: 'Only these types; default: all.' })
  types?: EntityType[] | null;

  @Field(() => Int, { defaultValue: SEARCH.first.default, description: `Most hits returned, 1 to ${SEARCH.first.max}.` })
  first!: number;
}

@Resolver()
export class SearchResolver {
  @Query(() => [SearchHit], {
    description:
      'Free-text search over names, aliases, codenames, model numbers, part numbers, summaries and titles, and partnerships by their parties\' names ("Leica Xiaomi"); ' +
      'tolerates typos ("Laica") and prefixes ("2206123"). Best match first.',
  })
  search(
    @Arg('query', () => String, { description: 'The text to look for; every word must match.' }) query: string,
    @Args() { types, first, asOf }: SearchArgs,
    @Ctx() { search, loaders }: AppContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    checkRange(first, 1, SEARCH.first.max, 'first');
    return search.search(query, types ?? null, first, asOfDay(asOf), loaders.relationships.hitProperties(info));
  }
}
