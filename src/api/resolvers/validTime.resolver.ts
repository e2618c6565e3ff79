import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../context.js';
import { withAsOf, type AsOf } from '../../model/asOf.js';
import { believedSpan, validTimeClaimsOf, type PartnershipDates, type ValidTimeClaimRecord } from '../../model/validTime.js';
import { Device } from '../types/device.js';
import { Partnership } from '../types/partnership.js';
import { ValidSpan, ValidTime } from '../types/validTime.js';

/** Valid time of partnerships (span) and devices (availability): the claims, and the span the belief rule makes of them. */
@Resolver(() => Partnership)
export class PartnershipValidTimeResolver {
  @FieldResolver(() => ValidSpan, { description: 'When it was in force: open-ended (no endedOn) while it goes on, ended when a believed source says so.' })
  async span(@Root() partnership: Partnership, @Ctx() { loaders }: AppContext) {
    return spanOf(await claimsOf(partnership, partnership, loaders), partnership.asOf ?? null);
  }

  @FieldResolver(() => [ValidTime], {
    description:
      'Every valid-time claim about it known on the day asked (rumoured and denied ones too), by day, then report day; its own dates when it has none.',
  })
  async validTimes(@Root() partnership: Partnership, @Ctx() { loaders }: AppContext) {
    return known(await claimsOf(partnership, partnership, loaders), partnership.asOf ?? null);
  }
}

@Resolver(() => Device)
export class DeviceValidTimeResolver {
  @FieldResolver(() => ValidSpan, {
    description: 'When it was available: from its believed launch (else announcement) to its believed discontinuation or cancellation.',
  })
  async availability(@Root() device: Device, @Ctx() { loaders }: AppContext) {
    return spanOf(await claimsOf(device, null, loaders), device.asOf ?? null);
  }

  @FieldResolver(() => [ValidTime], {
    description: 'Every lifecycle claim about it known on the day asked (announced, launch scheduled, cancelled, ...), by day.',
  })
  async validTimes(@Root() device: Device, @Ctx() { loaders }: AppContext) {
    return known(await claimsOf(device, null, loaders), device.asOf ?? null);
  }
}

async function claimsOf(subject: { id: string }, partnership: PartnershipDates | null, loaders: AppContext['loaders']): Promise<ValidTimeClaimRecord[]> {
  return validTimeClaimsOf(await loaders.validTimes.load(subject.id), partnership);
}

function asType(claim: ValidTimeClaimRecord | null, asOf: AsOf): ValidTime | null {
  return claim ? withAsOf({ ...claim, __typename: 'ValidTime' as const }, asOf) : null;
}

function known(claims: ValidTimeClaimRecord[], asOf: AsOf): ValidTime[] {
  return claims
    .filter((claim) => asOf === null || claim.reportedOn <= asOf)
    .sort((a, b) => (a.on ?? '').localeCompare(b.on ?? '') || a.reportedOn.localeCompare(b.reportedOn) || a.id.localeCompare(b.id))
    .map((claim) => asType(claim, asOf)!);
}

function spanOf(claims: ValidTimeClaimRecord[], asOf: AsOf): ValidSpan {
  const { start, end } = believedSpan(claims, asOf);
  return {
    startedOn: start?.on ?? null,
    startedOnPrecision: start?.onPrecision ?? null,
    start: asType(start, asOf),
    endedOn: end?.on ?? null,
    endedOnPrecision: end?.onPrecision ?? null,
    end: asType(end, asOf),
  };
}
