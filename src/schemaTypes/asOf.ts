import { DateResolver } from 'graphql-scalars';
import { ArgsType, Field } from 'type-graphql';
import { PageArgs } from './pagination.js';

/**
 * Time travel. A record read "as of" a day carries that day in `asOf`, and every field below it
 * answers with only what was known then: claims whose reportedOn is on or before it. null means today.
 * The day travels on the records rather than in the request context because two aliased fields of
 * one request may look at different days.
 */
export type AsOf = string | null;

export interface Viewed {
  asOf?: AsOf;
}

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

export function viewedAs<TRecord extends object>(record: TRecord, asOf: AsOf): TRecord & Viewed {
  return asOf === null ? record : { ...record, asOf };
}
