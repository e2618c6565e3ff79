import { DateResolver } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';
import { Claim } from './claim.js';
import { createClaimConnectionType } from './connections.js';
import { DatePrecision, PartnershipKind } from '../../model/enums.js';
import { Node } from './node.js';
import type { PartnershipRecord, PartnershipStatRecord } from '../../store/reads/partnershipRepository.js';

@ObjectType({
  simpleResolvers: true,
  implements: [Node, Claim],
  description: 'Two or more brands working together. Its own confidence says whether it is announced or only rumoured.',
})
export class Partnership extends Claim implements PartnershipRecord {
  __typename!: 'Partnership';

  /** A GraphQL field through Node, which answers it (snapshot ids as of a past day). */
  id!: string;

  @Field(() => PartnershipKind)
  kind!: PartnershipKind;

  @Field(() => String, { nullable: true })
  summary!: string | null;

  @Field(() => DateResolver, { nullable: true })
  announcedOn!: string | null;

  @Field(() => DatePrecision, { nullable: true })
  announcedOnPrecision!: DatePrecision | null;

  @Field(() => DateResolver, { nullable: true })
  startedOn!: string | null;

  @Field(() => DatePrecision, { nullable: true })
  startedOnPrecision!: DatePrecision | null;

  @Field(() => DateResolver, { nullable: true })
  endedOn!: string | null;

  @Field(() => DatePrecision, { nullable: true })
  endedOnPrecision!: DatePrecision | null;
}

export const PartnershipClaimConnection = createClaimConnectionType('Partnership', Partnership);

@ObjectType({ simpleResolvers: true, description: 'How many partnerships (denied ones left out) fall in one group.' })
export class PartnershipStat implements PartnershipStatRecord {
  @Field({ description: 'The year ("2022"), the kind, or the brand id.' })
  key!: string;

  @Field({ description: 'What to show: the year, the kind, or the brand name.' })
  label!: string;

  @Field(() => Int)
  count!: number;
}
