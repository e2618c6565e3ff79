import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { authorize, Role } from '../../model/access.js';
import { Brand } from '../types/brand.js';
import { Chip } from '../types/chip.js';
import { Confidence } from '../../model/enums.js';
import { Node } from '../types/node.js';
import { Device } from '../types/device.js';
import { Leak } from '../types/leak.js';
import { Partnership } from '../types/partnership.js';
import type { AppContext } from '../context.js';
import { Source } from '../types/source.js';
import {
  BrandInput,
  ChipInput,
  ClaimVerdictInput,
  DeviceInput,
  LeakInput,
  LinkInput,
  PartnershipInput,
  RecordLeakInput,
  SourceInput,
  UnlinkInput,
} from '../types/inputs.js';
import { RelationshipClaim } from '../types/relationshipClaim.js';

const EDITOR_ONLY = 'Needs an editor or admin key.';
const ADMIN_ONLY = 'Needs an admin key. Returns false when there was nothing to delete.';

/** The mutations: each checks the caller's role before anything else, then hands over to GraphEditor. */
@Resolver(() => RelationshipClaim)
export class EditingResolver {
  @Mutation(() => Brand, { description: EDITOR_ONLY })
  upsertBrand(@Arg('input', () => BrandInput) input: BrandInput, @Ctx() { access, editor }: AppContext) {
    return editor.upsertEntity('Brand', input, authorize(access, Role.EDITOR));
  }

  @Mutation(() => Chip, { description: EDITOR_ONLY })
  upsertChip(@Arg('input', () => ChipInput) input: ChipInput, @Ctx() { access, editor }: AppContext) {
    return editor.upsertEntity('Chip', input, authorize(access, Role.EDITOR));
  }

  @Mutation(() => Device, { description: EDITOR_ONLY })
  upsertDevice(@Arg('input', () => DeviceInput) input: DeviceInput, @Ctx() { access, editor }: AppContext) {
    return editor.upsertEntity('Device', input, authorize(access, Role.EDITOR));
  }

  @Mutation(() => Source, { description: EDITOR_ONLY })
  upsertSource(@Arg('input', () => SourceInput) input: SourceInput, @Ctx() { access, editor }: AppContext) {
    return editor.upsertEntity('Source', input, authorize(access, Role.EDITOR));
  }

  @Mutation(() => Partnership, { description: `${EDITOR_ONLY} A new partnership needs kind, confidence, reportedOn and sources.` })
  upsertPartnership(@Arg('input', () => PartnershipInput) input: PartnershipInput, @Ctx() { access, editor }: AppContext) {
    return editor.upsertEntity('Partnership', input, authorize(access, Role.EDITOR));
  }

  @Mutation(() => Leak, { description: `${EDITOR_ONLY} A new leak needs devices, confidence, reportedOn and sources.` })
  upsertLeak(@Arg('input', () => LeakInput) input: LeakInput, @Ctx() { access, editor }: AppContext) {
    return editor.upsertEntity('Leak', input, authorize(access, Role.EDITOR));
  }

  @Mutation(() => Boolean, { description: `${ADMIN_ONLY} Removes the brand's claims too.` })
  deleteBrand(@Arg('id', () => ID) id: string, @Ctx() { access, editor }: AppContext) {
    return editor.deleteEntity('Brand', id, authorize(access, Role.ADMIN));
  }

  @Mutation(() => Boolean, { description: `${ADMIN_ONLY} Removes the chip's claims too.` })
  deleteChip(@Arg('id', () => ID) id: string, @Ctx() { access, editor }: AppContext) {
    return editor.deleteEntity('Chip', id, authorize(access, Role.ADMIN));
  }

  @Mutation(() => Boolean, { description: `${ADMIN_ONLY} Removes the device's claims and specs too.` })
  deleteDevice(@Arg('id', () => ID) id: string, @Ctx() { access, editor }: AppContext) {
    return editor.deleteEntity('Device', id, authorize(access, Role.ADMIN));
  }

  @Mutation(() => Boolean, { description: `${ADMIN_ONLY} A source that claims still cite is BAD_USER_INPUT.` })
  deleteSource(@Arg('id', () => ID) id: string, @Ctx() { access, editor }: AppContext) {
    return editor.deleteEntity('Source', id, authorize(access, Role.ADMIN));
  }

  @Mutation(() => Boolean, { description: ADMIN_ONLY })
  deletePartnership(@Arg('id', () => ID) id: string, @Ctx() { access, editor }: AppContext) {
    return editor.deleteEntity('Partnership', id, authorize(access, Role.ADMIN));
  }

  @Mutation(() => Boolean, { description: ADMIN_ONLY })
  deleteLeak(@Arg('id', () => ID) id: string, @Ctx() { access, editor }: AppContext) {
    return editor.deleteEntity('Leak', id, authorize(access, Role.ADMIN));
  }

  @Mutation(() => RelationshipClaim, { description: `${EDITOR_ONLY} Adds a claim, or updates the one with the same relation, ends and sources.` })
  link(@Arg('input', () => LinkInput) input: LinkInput, @Ctx() { access, editor }: AppContext) {
    return editor.link(input, authorize(access, Role.EDITOR));
  }

  @Mutation(() => Boolean, { description: `${ADMIN_ONLY} Removing a claim erases history; to say it is wrong, denyClaim.` })
  unlink(@Arg('input', () => UnlinkInput) input: UnlinkInput, @Ctx() { access, editor }: AppContext) {
    return editor.unlink(input, authorize(access, Role.ADMIN));
  }

  @Mutation(() => RelationshipClaim, { description: `${EDITOR_ONLY} Adds a CONFIRMED claim; NOT_FOUND when there is no claim to confirm.` })
  confirmClaim(@Arg('input', () => ClaimVerdictInput) input: ClaimVerdictInput, @Ctx() { access, editor }: AppContext) {
    return editor.addVerdict(input, Confidence.CONFIRMED, authorize(access, Role.EDITOR));
  }

  @Mutation(() => RelationshipClaim, { description: `${EDITOR_ONLY} Adds a DENIED claim; NOT_FOUND when there is no claim to deny.` })
  denyClaim(@Arg('input', () => ClaimVerdictInput) input: ClaimVerdictInput, @Ctx() { access, editor }: AppContext) {
    return editor.addVerdict(input, Confidence.DENIED, authorize(access, Role.EDITOR));
  }

  @Mutation(() => Leak, { description: `${EDITOR_ONLY} The leak, its source, its claims and specs in one transaction.` })
  recordLeak(@Arg('input', () => RecordLeakInput) input: RecordLeakInput, @Ctx() { access, editor }: AppContext) {
    return editor.recordLeak(input, authorize(access, Role.EDITOR));
  }

  @FieldResolver(() => Node, { nullable: true })
  from(@Root() claim: RelationshipClaim, @Ctx() { loaders }: AppContext) {
    return loaders.entities.load(claim.fromId);
  }

  @FieldResolver(() => Node, { nullable: true })
  to(@Root() claim: RelationshipClaim, @Ctx() { loaders }: AppContext) {
    return loaders.entities.load(claim.toId);
  }
}
