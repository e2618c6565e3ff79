import { DateResolver } from 'graphql-scalars';
import { ArgsType, Field } from 'type-graphql';
import { BadUserInputError } from '../../errors/errors.js';
import { parseSnapshotId, type AsOf } from '../../model/asOf.js';
import { PageArgs } from './pagination.js';

const AS_OF_ARGUMENT = {
  nullable: true,
  description: 'Answer with only what was known on this day: claims reported on or before it. Default: today.',
};

@ArgsType()
export class AsOfArgs {
  @Field(() => DateResolver, AS_OF_ARGUMENT)
  asOf?: Date | null;
}

/** A page of a top-level list, as known on a day. */
@ArgsType()
export class ListArgs extends PageArgs {
  @Field(() => DateResolver, AS_OF_ARGUMENT)
  asOf?: Date | null;
}

/** The ISO day of an asOf argument (graphql-scalars parses Date arguments to a JS Date at UTC midnight). */
export function asOfDay(asOf: Date | null | undefined): AsOf {
  return asOf ? asOf.toISOString().slice(0, 10) : null;
}

/**
 * The ids and the day of a field that takes ids beside an `asOf` argument: a snapshot id brings its own
 * day, and all days given (by the ids and by asOf) must be the same one.
 */
export function idsAsOf<TField extends string>(ids: Record<TField, string>, asOf: Date | null | undefined): { ids: Record<TField, string>; asOf: AsOf } {
  let day = asOfDay(asOf);
  let dayFrom = 'asOf';
  const plain = {} as Record<TField, string>;
  for (const [field, text] of Object.entries(ids) as Array<[TField, string]>) {
    const viewed = parseSnapshotId(text, field);
    if (viewed.asOf !== null && day !== null && viewed.asOf !== day) {
      throw new BadUserInputError(`${field} is a snapshot of ${viewed.asOf}, but ${dayFrom} asks for ${day}`, field);
    }
    if (viewed.asOf !== null && day === null) {
      day = viewed.asOf;
      dayFrom = field;
    }
    plain[field] = viewed.id;
  }
  return { ids: plain, asOf: day };
}
