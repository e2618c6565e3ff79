import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { createClaimConnectionType, createConnectionType } from '../common/connectionTypes.js';
import { BrandRole } from '../common/enums.js';
import { Node } from '../common/node.js';

@ObjectType({ implements: Node, description: 'A phone maker, camera or optics partner, chip vendor, ...' })
export class Brand extends Node {
  __typename!: 'Brand';

  @Field()
  name!: string;

  @Field(() => [String])
  aliases!: string[];

  @Field(() => [BrandRole])
  roles!: BrandRole[];

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 country code.' })
  country!: string | null;
}

export const BrandConnection = createConnectionType('Brand', Brand);
export const BrandClaimConnection = createClaimConnectionType('Brand', Brand);

export enum BrandOrder {
  NAME_ASC = 'NAME_ASC',
  NAME_DESC = 'NAME_DESC',
  PARTNER_COUNT_ASC = 'PARTNER_COUNT_ASC',
  PARTNER_COUNT_DESC = 'PARTNER_COUNT_DESC',
}
registerEnumType(BrandOrder, { name: 'BrandOrder', description: 'Ties are broken by id.' });
