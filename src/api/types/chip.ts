import { Field, ObjectType } from 'type-graphql';
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
