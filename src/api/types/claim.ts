import { DateResolver } from 'graphql-scalars';
import { Field, InterfaceType } from 'type-graphql';
import type { AsOf } from './asOf.js';
import { Confidence, DatePrecision } from '../../model/enums.js';

/** Provenance as stored on a claim (a relationship, a spec, a leak or a partnership). */
export interface ClaimRecord {
  id: string;
  confidence: Confidence;
  reportedOn: string;
  reportedOnPrecision: DatePrecision;
  sourceIds: string[];
}

@InterfaceType({
  description: 'A statement with its provenance: how sure it is, when it was reported and which sources assert it.',
  resolveType: (value: { __typename: string }) => value.__typename,
})
export abstract class Claim {
  @Field(() => Confidence)
  confidence!: Confidence;

  @Field(() => DateResolver, { description: 'When the claim was first reported.' })
  reportedOn!: string;

  @Field(() => DatePrecision, { description: 'DAY, or MONTH/YEAR when only that much of reportedOn is known.' })
  reportedOnPrecision!: DatePrecision;

  /** Resolved to Source objects by ClaimResolver. */
  sourceIds!: string[];

  /** The day this record is viewed as of (see asOf.ts); not a GraphQL field. */
  asOf?: AsOf;
}

export interface ClaimEdgeRecord<TNode> {
  node: TNode;
  claim: ClaimRecord;
}
