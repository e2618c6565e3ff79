import { ArgsType, Field, ID, ObjectType } from 'type-graphql';
import { EntityListArgs } from './asOf.js';
import { createConnectionType } from './connections.js';
import { createOrderEnum } from './pagination.js';
import { Node } from './node.js';

@ObjectType({ simpleResolvers: true, implements: Node, description: 'A chip, such as a system on a chip, and the devices claimed to use it.' })
export class Chip extends Node {
  __typename!: 'Chip';

  @Field({ description: 'Its name, such as "Snapdragon 8+ Gen 1".' })
  name!: string;

  @Field(() => [String], { description: 'Other names it goes by; lookups match them too.' })
  aliases!: string[];

  @Field(() => String, { nullable: true, description: 'The vendor\'s part number, such as "SM8475"; lookups match it too.' })
  partNumber!: string | null;
}

export const ChipConnection = createConnectionType('Chip', Chip);

export const ChipOrder = createOrderEnum('ChipOrder', ['NAME', 'DEVICE_COUNT'], 'Ties are broken by id.');
export type ChipOrder = (typeof ChipOrder)[keyof typeof ChipOrder];

@ArgsType()
export class ChipsArgs extends EntityListArgs {
  @Field(() => ID, { nullable: true, description: 'Only chips of this vendor (its id, such as "brand:qualcomm").' })
  vendorId?: string | null;

  @Field(() => ChipOrder, { defaultValue: ChipOrder.NAME_ASC, description: 'The order of the list.' })
  orderBy!: ChipOrder;

  filters() {
    return { vendorId: this.vendorId ?? null };
  }
}
