import { CLAIM_ENTITY_LABELS } from '../../model/entityKinds.js';
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { withAsOf } from '../../model/asOf.js';
import { Source } from '../types/source.js';
import { AsOfArgs, idsAsOf } from '../types/asOf.js';
import { entityAsOf } from '../../model/claim.js';
import { Claim, IdentifiedClaim } from '../types/claim.js';
import type { AppContext } from '../context.js';
import { inlineSourcesOf } from '../../store/reads/relationshipLoader.js';

@Resolver()
export class ClaimResolver {
  @Query(() => IdentifiedClaim, {
    nullable: true,
    description:
      'One claim with its provenance: a relationship claim by the claimId its GraphEdge carries, or a partnership or leak by its id. ' +
      'Takes snapshot ids ("<id>@2022-05-20") for the view of that day, as asOf does. ' +
      'Null when there is none, or when it was not reported yet on that day.',
  })
  async claim(
    @Arg('id', () => ID, { description: 'A claimId, a partnership or leak id, or a snapshot id of one of them.' }) idArgument: string,
    @Args() { asOf }: AsOfArgs,
    @Ctx() { graph, loaders }: AppContext,
  ) {
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

/**
 * `sources` of every claim type (relationship edges, specs, leaks, partnerships), as of the claim's day: those its read
 * fetched inline for this selection, else batched per request through the entity loader.
 */
@Resolver(() => Claim)
export class ClaimSourcesResolver {
  @FieldResolver(() => [Source], { description: 'The sources that assert this claim.' })
  sources(@Root() claim: Claim, @Ctx() { loaders }: AppContext) {
    const inline = inlineSourcesOf(claim);
    if (inline) return inline.map((source) => withAsOf(source, claim.asOf ?? null));
    return this.loaded(claim, loaders.entities);
  }

  private async loaded(claim: Claim, entities: AppContext['loaders']['entities']) {
    const sources = await entities.loadMany(claim.sourceIds);
    const failure = sources.find((source) => source instanceof Error);
    if (failure) throw failure;
    return sources.filter((source) => source !== null).map((source) => withAsOf(source, claim.asOf ?? null));
  }
}
