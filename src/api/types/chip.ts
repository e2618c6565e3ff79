import { ArgsType, Field, ObjectType } from 'type-graphql';
import { EntityListArgs } from './asOf.js';
import { createConnectionType } from './connections.js';
import { createOrderEnum } from './pagination.js';
import { Node } from './node.js';

@ObjectType({ simpleResolvers: true, implements: Node })
export class Chip extends Node {
  __typename!: 'Chip';

  @Field()
  name!: string;

  @Field(() => [String])
  aliases!: string[];

  @Field(() => String, { nullable: true })
  partNumber!: string | null;
}

export const ChipConnection = createConnectionType('Chip', Chip);

export const ChipOrder = createOrderEnum('ChipOrder', ['NAME', 'DEVICE_COUNT'], 'Ties are broken by id.');
export type ChipOrder = (typeof ChipOrder)[keyof typeof ChipOrder];

@ArgsType()
export class ChipsArgs extends EntityListArgs {
  @Field(() => String, { nullable: true, description: 'Only chips of this vendor (its id, such as "brand:qualcomm").' })
  vendorId?: string | null;

  @Field(() => ChipOrder, { defaultValue: ChipOrder.NAME_ASC })
  orderBy!: ChipOrder;

  filters() {
    return { vendorId: this.vendorId ?? null };
  }
}
