import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { createClaimConnectionType, createConnectionType } from '../common/connectionTypes.js';
import { Node } from '../common/node.js';

@ObjectType({ implements: Node })
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
export const ChipClaimConnection = createClaimConnectionType('Chip', Chip);

export enum ChipOrder {
  NAME_ASC = 'NAME_ASC',
  NAME_DESC = 'NAME_DESC',
  DEVICE_COUNT_ASC = 'DEVICE_COUNT_ASC',
  DEVICE_COUNT_DESC = 'DEVICE_COUNT_DESC',
}
registerEnumType(ChipOrder, { name: 'ChipOrder', description: 'Ties are broken by id.' });
