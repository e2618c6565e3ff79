import { DateResolver } from 'graphql-scalars';
import { Field, InterfaceType } from 'type-graphql';
import type { AsOf } from '../../model/asOf.js';
import type { EntityRecord } from '../../model/entity.js';
import { Confidence, DatePrecision } from '../../model/enums.js';
import { deprecatedDate } from './partialDate.js';

@InterfaceType({
  description: 'A statement with its provenance: how sure it is, when it was reported and which sources assert it.',
  resolveType: (value: { __typename: string }) => value.__typename,
})
export abstract class Claim {
  @Field(() => Confidence, { description: 'How sure the graph is of it.' })
  confidence!: Confidence;

  @Field(() => DateResolver, { description: 'When the claim was first reported.', ...deprecatedDate('reportedOn') })
  reportedOn!: string;

  @Field(() => DatePrecision, { description: 'DAY, or MONTH/YEAR when only that much of reportedOn is known.', ...deprecatedDate('reportedOn') })
  reportedOnPrecision!: DatePrecision;

  /** Resolved to Source objects by ClaimResolver. */
  sourceIds!: string[];

  /** The day this record is viewed as of (see asOf.ts); not a GraphQL field. */
  asOf?: AsOf;

  /** The sources its read fetched with it, for `sources` (see WithInlineSources); not a GraphQL field. */
  inlineSources?: readonly EntityRecord[];
}

@InterfaceType({
  implements: Claim,
  description: 'A claim that claim(id:) can find by an id of its own: a relationship claim (as the GraphEdge that draws it), a partnership or a leak.',
  resolveType: (value: { __typename: string }) => value.__typename,
})
export abstract class IdentifiedClaim extends Claim {}
