import { DateResolver } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';
import { Claim, IdentifiedClaim } from './claim.js';
import { createRelationshipConnectionTypes } from './connections.js';
import { DatePrecision, PartnershipKind } from '../../model/enums.js';
import { Node } from './node.js';
import { deprecatedDate } from './partialDate.js';
import type { PartnershipRecord, PartnershipStatRecord } from '../../store/reads/partnershipRepository.js';

@ObjectType({
  simpleResolvers: true,
  implements: [Node, Claim, IdentifiedClaim],
  description: 'Two or more brands working together. Its own confidence says whether it is announced or only rumoured.',
})
export class Partnership extends Claim implements PartnershipRecord {
  __typename!: 'Partnership';

  /** A GraphQL field through Node, which answers it (snapshot ids as of a past day). */
  id!: string;

  @Field(() => PartnershipKind, { description: 'What it is about.' })
  kind!: PartnershipKind;

  @Field(() => String, { nullable: true, description: 'What it is, in a sentence.' })
  summary!: string | null;

  @Field(() => DateResolver, { nullable: true, description: 'When it announced, where known.', ...deprecatedDate('announcedOn') })
  announcedOn!: string | null;

  @Field(() => DatePrecision, { nullable: true, description: 'How much of announcedOn is known.', ...deprecatedDate('announcedOn') })
  announcedOnPrecision!: DatePrecision | null;

  @Field(() => DateResolver, { nullable: true, description: 'When it started, where known.', ...deprecatedDate('startedOn') })
  startedOn!: string | null;

  @Field(() => DatePrecision, { nullable: true, description: 'How much of startedOn is known.', ...deprecatedDate('startedOn') })
  startedOnPrecision!: DatePrecision | null;

  @Field(() => DateResolver, { nullable: true, description: 'When it ended, where known.', ...deprecatedDate('endedOn') })
  endedOn!: string | null;

  @Field(() => DatePrecision, { nullable: true, description: 'How much of endedOn is known.', ...deprecatedDate('endedOn') })
  endedOnPrecision!: DatePrecision | null;
}

export const PartnershipRelationshipConnections = createRelationshipConnectionTypes('Partnership', Partnership);

@ObjectType({ simpleResolvers: true, description: 'How many partnerships (denied ones left out) fall in one group.' })
export class PartnershipStat implements PartnershipStatRecord {
  @Field({ description: 'The year ("2022"), the kind, or the brand id.' })
  key!: string;

  @Field({ description: 'What to show: the year, the kind, or the brand name.' })
  label!: string;

  @Field(() => Int, { description: 'How many partnerships fall in the group.' })
  count!: number;
}
