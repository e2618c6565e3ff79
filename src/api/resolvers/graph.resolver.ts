import { Args, ArgsType, Ctx, Field, ID, Int, Query, Resolver } from 'type-graphql';
import { AsOfArgs, idsAsOf } from '../types/asOf.js';
import { Confidence, RelationshipType } from '../../model/enums.js';
import { confidencesAtLeast } from '../../model/claim.js';
import { ANALYST_LIMITS } from '../../config/limits.js';
import { checkRange } from '../../errors/errors.js';
import type { AppContext } from '../context.js';
import { GraphSlice, Path } from '../types/graph.js';

const { graph: GRAPH, paths: PATHS } = ANALYST_LIMITS;

/** Id arguments beside asOf take snapshot ids too: the snapshot's day applies as asOf does, and must agree with it. */
const VIEWED_ID = (what: string) => ({ description: `${what}: an entity id, or a snapshot id such as "brand:leica@2022-05-20" for that day's view.` });

@ArgsType()
class GraphArgs extends AsOfArgs {
  @Field(() => ID, VIEWED_ID('The entity in the middle'))
  id!: string;

  @Field(() => Int, { defaultValue: GRAPH.depth.default, description: `Hops from the entity, 1 to ${GRAPH.depth.max}.` })
  depth!: number;

  @Field(() => [RelationshipType], { nullable: true, description: 'Only these relationship types; default: all.' })
  relationshipTypes?: RelationshipType[] | null;

  @Field(() => Confidence, {
    nullable: true,
    description: 'Only claims at least this certain (CONFIRMED > REPORTED > RUMORED > SPECULATED); DENIED selects only denials. Default: all.',
  })
  minConfidence?: Confidence | null;

  @Field(() => Int, { defaultValue: GRAPH.limit.default, description: `Most nodes returned, the entity included, 1 to ${GRAPH.limit.max}.` })
  limit!: number;
}

@ArgsType()
class PathsArgs extends AsOfArgs {
  @Field(() => ID, VIEWED_ID('Where paths start'))
  from!: string;

  @Field(() => ID, VIEWED_ID('Where paths end'))
  to!: string;

  @Field(() => Int, { defaultValue: PATHS.maxHops.default, description: `Longest path considered, 1 to ${PATHS.maxHops.max} edges.` })
  maxHops!: number;

  @Field(() => Int, { defaultValue: PATHS.first.default, description: `Most paths returned, 1 to ${PATHS.first.max}.` })
  first!: number;
}

@Resolver()
export class GraphResolver {
  @Query(() => GraphSlice, { description: 'The neighbourhood of an entity, ready to draw. One database round trip.' })
  graph(@Args() { id, depth, relationshipTypes, minConfidence, limit, asOf }: GraphArgs, @Ctx() { graph }: AppContext) {
    checkRange(depth, 1, GRAPH.depth.max, 'depth');
    checkRange(limit, 1, GRAPH.limit.max, 'limit');
    const view = idsAsOf({ id }, asOf);
    return graph.slice({
      id: view.ids.id,
      depth,
      relationshipTypes: relationshipTypes?.length ? relationshipTypes : Object.values(RelationshipType),
      confidences: confidencesAtLeast(minConfidence),
      asOf: view.asOf,
      limit,
    });
  }

  @Query(() => [Path], {
    description: 'The shortest chains of claims (denials left out) linking two entities, most certain first. Empty when none is short enough.',
  })
  paths(@Args() { from, to, maxHops, first, asOf }: PathsArgs, @Ctx() { graph }: AppContext) {
    checkRange(maxHops, 1, PATHS.maxHops.max, 'maxHops');
    checkRange(first, 1, PATHS.first.max, 'first');
    const view = idsAsOf({ from, to }, asOf);
    return graph.shortestPaths({ ...view.ids, maxHops, first, asOf: view.asOf });
  }
}
