import { DateResolver } from 'graphql-scalars';
import { ArgsType, Field } from 'type-graphql';
import { BadUserInputError } from '../../errors/errors.js';
import { parseSnapshotId, type AsOf } from '../../model/asOf.js';
import { PageArgs } from './pagination.js';
import type { PageArguments } from '../../model/keyset.js';

const AS_OF_ARGUMENT = {
  nullable: true,
  description: 'Answer with only what was known on this day: claims reported on or before it. Default: today.',
};

@ArgsType()
export class AsOfArgs {
  @Field(() => DateResolver, AS_OF_ARGUMENT)
  asOf?: Date | null;
}

/**
 * The arguments of a root list of one entity kind: a page, as known on a day, in an order, with the kind's
 * own filters (each kind's `<Kind>sArgs` declares them and says how they become the list query's parameters).
 */
@ArgsType()
export abstract class EntityListArgs extends PageArgs {
  @Field(() => DateResolver, AS_OF_ARGUMENT)
  asOf?: Date | null;

  abstract orderBy: string;

  /** The list query's filter parameters, null where not given. */
  abstract filters(): Record<string, unknown>;

  pageArguments(): PageArguments {
    return { first: this.first, after: this.after, last: this.last, before: this.before };
  }
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
    const snapshot = parseSnapshotId(text, field);
    if (snapshot.asOf !== null && day !== null && snapshot.asOf !== day) {
      throw new BadUserInputError(`${field} is a snapshot of ${snapshot.asOf}, but ${dayFrom} asks for ${day}`, field);
    }
    if (snapshot.asOf !== null && day === null) {
      day = snapshot.asOf;
      dayFrom = field;
    }
    plain[field] = snapshot.id;
  }
  return { ids: plain, asOf: day };
}
