import { CLAIM_ENTITY_LABELS } from '../../model/entityKinds.js';
import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import { AsOfArgs, idsAsOf } from '../types/asOf.js';
import { entityAsOf } from '../../model/claim.js';
import { Claim } from '../types/claim.js';
import type { AppContext } from '../context.js';

@Resolver()
export class ClaimResolver {
  @Query(() => Claim, {
    nullable: true,
    description:
      'One claim with its provenance: a relationship claim by the claimId its GraphEdge carries, or a partnership or leak by its id. ' +
      'Takes snapshot ids ("<id>@2022-05-20") for the view of that day, as asOf does. ' +
      'Null when there is none, or when it was not reported yet on that day.',
  })
  async claim(@Arg('id', () => ID) idArgument: string, @Args() { asOf }: AsOfArgs, @Ctx() { graph, loaders }: AppContext) {
    const {
      ids: { id },
      asOf: day,
    } = idsAsOf({ id: idArgument }, asOf);
    const edge = await graph.edgeById(id, day);
    if (edge) return day === null || edge.reportedOn <= day ? edge : null;
    const entity = await loaders.entities.load(id);
    return entity && CLAIM_ENTITY_LABELS.has(entity.__typename) ? entityAsOf(entity, day) : null;
  }
}
