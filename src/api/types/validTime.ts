import { DateResolver } from 'graphql-scalars';
import { ArgsType, Field, ObjectType } from 'type-graphql';
import { Claim } from './claim.js';
import { DatePrecision, ValidTimeEvent } from '../../model/enums.js';
import type { Period, ValidTimeClaimRecord } from '../../model/validTime.js';
import { BadUserInputError } from '../../errors/errors.js';

@ObjectType({
  simpleResolvers: true,
  implements: Claim,
  description:
    'A valid-time claim: on which day a partnership started, was in force or ended, or a device launched or was cancelled. ' +
    'An end can be reported, rumoured or denied like any claim.',
})
export class ValidTime extends Claim implements Omit<ValidTimeClaimRecord, 'id' | 'subjectId' | 'deviceId'> {
  __typename!: 'ValidTime';

  @Field(() => ValidTimeEvent)
  event!: ValidTimeEvent;

  @Field(() => DateResolver, { nullable: true, description: 'The day it happened; null when the source gives none.' })
  on!: string | null;

  @Field(() => DatePrecision, { nullable: true })
  onPrecision!: DatePrecision | null;

  @Field(() => String, { nullable: true, description: 'What the source says, in our words.' })
  summary!: string | null;
}

@ObjectType({
  simpleResolvers: true,
  description:
    'When something was in force, as the claims known on the day asked support it: from its believed start (else its earliest ' +
    'believed evidence of being in force) to its believed end; endedOn is null while it goes on. The belief rule of single ' +
    'values decides each bound: a day claimed for it counts unless its newest claim denies it.',
})
export class ValidSpan {
  @Field(() => DateResolver, { nullable: true })
  startedOn!: string | null;

  @Field(() => DatePrecision, { nullable: true })
  startedOnPrecision!: DatePrecision | null;

  @Field(() => ValidTime, { nullable: true, description: 'The claim that sets the start: a STARTED one, or evidence (ACTIVE, ANNOUNCED, ...).' })
  start!: ValidTime | null;

  @Field(() => DateResolver, { nullable: true })
  endedOn!: string | null;

  @Field(() => DatePrecision, { nullable: true })
  endedOnPrecision!: DatePrecision | null;

  @Field(() => ValidTime, { nullable: true })
  end!: ValidTime | null;
}

@ArgsType()
export class ActiveArgs {
  @Field(() => DateResolver, {
    nullable: true,
    description: 'Only partnerships in force on this day (valid time), as the claims known on asOf say. With activeUntil, the first day of a period.',
  })
  activeOn?: Date | null;

  @Field(() => DateResolver, { nullable: true, description: 'The last day of the period activeOn starts: partnerships in force on any day of it.' })
  activeUntil?: Date | null;
}

/** The period ActiveArgs ask for (ISO days, both included), or null when they ask for none. */
export function activePeriod({ activeOn, activeUntil }: ActiveArgs): Period | null {
  if (!activeOn) {
    if (activeUntil) throw new BadUserInputError('activeUntil ends a period that activeOn starts; give activeOn too', 'activeUntil');
    return null;
  }
  const from = activeOn.toISOString().slice(0, 10);
  const to = (activeUntil ?? activeOn).toISOString().slice(0, 10);
  if (to < from) throw new BadUserInputError(`activeUntil (${to}) is before activeOn (${from})`, 'activeUntil');
  return { from, to };
}
