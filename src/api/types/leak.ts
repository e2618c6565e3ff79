import { Field, ObjectType } from 'type-graphql';
import { Claim } from './claim.js';
import { createClaimConnectionType, createConnectionType } from './connections.js';
import { createOrderEnum } from './pagination.js';
import { Node } from './node.js';

@ObjectType({ simpleResolvers: true, implements: [Node, Claim], description: 'Something that leaked before launch: what, when, where and from whom.' })
export class Leak extends Claim {
  __typename!: 'Leak';

  /** A GraphQL field through Node, which answers it (snapshot ids as of a past day). */
  id!: string;

  @Field()
  summary!: string;

  @Field(() => String, { nullable: true, description: 'Where it appeared: Weibo, an IMEI database, a certification site, ...' })
  platform!: string | null;

  @Field(() => String, { nullable: true, description: 'Who leaked it, where known.' })
  tipster!: string | null;
}

export const LeakConnection = createConnectionType('Leak', Leak);
export const LeakClaimConnection = createClaimConnectionType('Leak', Leak);

export const LeakOrder = createOrderEnum('LeakOrder', ['REPORTED_ON'], 'Ties are broken by id.');
export type LeakOrder = (typeof LeakOrder)[keyof typeof LeakOrder];
