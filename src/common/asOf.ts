import { DateResolver } from 'graphql-scalars';
import { ArgsType, Field } from 'type-graphql';
import type { EntityRecord } from './node.js';
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

/** Entities that exist in every view, whatever the day. */
const ALWAYS = Symbol('always');

/**
 * The day the graph first knew of an entity. Brands and chips are reference entities and sources
 * without a publication day are editorial notes: they exist in every view. Devices exist from their
 * first claim (a device no claim mentions, null, only exists today), partnerships and leaks from their
 * own report, sources from their publication.
 */
function knownSince(record: EntityRecord & Record<string, unknown>): string | null | typeof ALWAYS {
  switch (record.__typename) {
    case 'Device':
      return (record.firstReportedOn as string | null | undefined) ?? null;
    case 'Partnership':
    case 'Leak':
      return record.reportedOn as string;
    case 'Source':
      return (record.publishedOn as string | null | undefined) ?? ALWAYS;
    default:
      return ALWAYS;
  }
}

/** Whether the entity existed in the view of `asOf`. */
export function isKnownOn(record: EntityRecord, asOf: AsOf): boolean {
  if (asOf === null) return true;
  const since = knownSince(record as EntityRecord & Record<string, unknown>);
  return since === ALWAYS || (since !== null && since <= asOf);
}

/** The entity as seen on `asOf`: tagged with the day, or null when it was not known yet. */
export function entityAsOf<TRecord extends EntityRecord>(record: TRecord | null, asOf: AsOf): (TRecord & Viewed) | null {
  return record && isKnownOn(record, asOf) ? viewedAs(record, asOf) : null;
}
