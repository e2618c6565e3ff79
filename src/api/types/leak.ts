import { DateResolver } from 'graphql-scalars';
import { ArgsType, Field, ID, ObjectType } from 'type-graphql';
import { EntityListArgs, asOfDay } from './asOf.js';
import { Confidence } from '../../model/enums.js';
import { Claim, IdentifiedClaim } from './claim.js';
import { createRelationshipConnectionTypes, createConnectionType } from './connections.js';
import { createOrderEnum } from './pagination.js';
import { Node } from './node.js';

@ObjectType({
  simpleResolvers: true,
  implements: [Node, Claim, IdentifiedClaim],
  description: 'Something that leaked before launch: what, when, where and from whom.',
})
export class Leak extends Claim {
  __typename!: 'Leak';

  /** A GraphQL field through Node, which answers it (snapshot ids as of a past day). */
  id!: string;

  @Field({ description: 'What leaked, in a sentence.' })
  summary!: string;

  @Field(() => String, { nullable: true, description: 'Where it appeared: Weibo, an IMEI database, a certification site, ...' })
  platform!: string | null;

  @Field(() => String, { nullable: true, description: 'Who leaked it, where known.' })
  tipster!: string | null;
}

export const LeakConnection = createConnectionType('Leak', Leak);
export const LeakRelationshipConnections = createRelationshipConnectionTypes('Leak', Leak);

export const LeakOrder = createOrderEnum('LeakOrder', ['REPORTED_ON'], 'Ties are broken by id.');
export type LeakOrder = (typeof LeakOrder)[keyof typeof LeakOrder];

@ArgsType()
export class LeaksArgs extends EntityListArgs {
  @Field(() => Confidence, { nullable: true, description: 'Only leaks of this confidence.' })
  confidence?: Confidence | null;

  @Field(() => String, { nullable: true, description: 'Such as "Weibo" (case-insensitive).' })
  platform?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only leaks about this device (its id).' })
  deviceId?: string | null;

  @Field(() => DateResolver, { nullable: true, description: 'Only leaks reported on or after this day.' })
  reportedFrom?: Date | null;

  @Field(() => DateResolver, { nullable: true, description: 'Only leaks reported on or before this day.' })
  reportedTo?: Date | null;

  @Field(() => LeakOrder, { defaultValue: LeakOrder.REPORTED_ON_DESC, description: 'The order of the list.' })
  orderBy!: LeakOrder;

  filters() {
    return {
      confidence: this.confidence ?? null,
      platform: this.platform ?? null,
      deviceId: this.deviceId ?? null,
      reportedFrom: asOfDay(this.reportedFrom),
      reportedTo: asOfDay(this.reportedTo),
    };
  }
}
