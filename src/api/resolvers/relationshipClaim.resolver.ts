import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { authorize, Role } from '../../model/access.js';
import { Confidence } from '../../model/enums.js';
import { Node } from '../types/node.js';
import type { AppContext } from '../context.js';
import { ClaimVerdictInput, LinkInput, UnlinkInput } from '../types/inputs.js';
import { ADMIN_ONLY, EDITOR_ONLY } from './entity.resolver.js';
import { RelationshipClaim } from '../types/relationshipClaim.js';

/** The relationship claim mutations, each checking the caller's role before anything else, and a claim's two ends. */
@Resolver(() => RelationshipClaim)
export class RelationshipClaimResolver {
  @Mutation(() => RelationshipClaim, { description: `${EDITOR_ONLY} Adds a claim, or updates the one with the same relation, ends and sources.` })
  link(@Arg('input', () => LinkInput, { description: 'The claim.' }) input: LinkInput, @Ctx() { access, editor }: AppContext) {
    return editor.link(input, authorize(access, Role.EDITOR));
  }

  @Mutation(() => Boolean, { description: `${ADMIN_ONLY} Removing a claim erases history; to say it is wrong, denyClaim.` })
  unlink(@Arg('input', () => UnlinkInput, { description: 'Which claims.' }) input: UnlinkInput, @Ctx() { access, editor }: AppContext) {
    return editor.unlink(input, authorize(access, Role.ADMIN));
  }

  @Mutation(() => RelationshipClaim, { description: `${EDITOR_ONLY} Adds a CONFIRMED claim; NOT_FOUND when there is no claim to confirm.` })
  confirmClaim(
    @Arg('input', () => ClaimVerdictInput, { description: 'The claims to confirm, and the source that does.' }) input: ClaimVerdictInput,
    @Ctx() { access, editor }: AppContext,
  ) {
    return editor.addVerdict(input, Confidence.CONFIRMED, authorize(access, Role.EDITOR));
  }

  @Mutation(() => RelationshipClaim, { description: `${EDITOR_ONLY} Adds a DENIED claim; NOT_FOUND when there is no claim to deny.` })
  denyClaim(
    @Arg('input', () => ClaimVerdictInput, { description: 'The claims to deny, and the source that does.' }) input: ClaimVerdictInput,
    @Ctx() { access, editor }: AppContext,
  ) {
    return editor.addVerdict(input, Confidence.DENIED, authorize(access, Role.EDITOR));
  }

  @FieldResolver(() => Node, { nullable: true, description: 'The entity the claim starts from; null once deleted.' })
  from(@Root() claim: RelationshipClaim, @Ctx() { loaders }: AppContext) {
    return loaders.entities.load(claim.fromId);
  }

  @FieldResolver(() => Node, { nullable: true, description: 'The entity the claim points to; null once deleted.' })
  to(@Root() claim: RelationshipClaim, @Ctx() { loaders }: AppContext) {
    return loaders.entities.load(claim.toId);
  }
}
