import { DateResolver } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import { DatePrecision } from '../../model/enums.js';
import type { PartialDate as PartialDateRecord } from '../../model/partialDate.js';

@ObjectType({
  simpleResolvers: true,
  description:
    'A date known to a day, a month or a year, as one value that cannot be misread: "2022-05" is May 2022, not the first of May. Compare by from and to.',
})
export class PartialDate implements PartialDateRecord {
  @Field({ description: 'As known: "2022-05-23", "2022-05" or "2022".' })
  text!: string;

  @Field(() => DatePrecision, { description: 'How much of the date is known.' })
  precision!: DatePrecision;

  @Field(() => DateResolver, { description: 'The first day it may be.' })
  from!: string;

  @Field(() => DateResolver, { description: 'The last day it may be.' })
  to!: string;
}

/** The PartialDate field that stands beside a `<name>On` field and its precision: announcedOn, announced. */
export function partialDateFieldOf(field: string): string {
  return field.replace(/On$/, '');
}

/** Why a `<name>On` field and its `<name>OnPrecision` are deprecated: the PartialDate beside them says both in one value. */
export function deprecatedDate(field: string): { deprecationReason: string } {
  return { deprecationReason: `Use ${partialDateFieldOf(field)}, one value with its precision: a MONTH or YEAR date here is only the first day of it.` };
}
