import { ArgsType, Field, ObjectType } from 'type-graphql';
import { EntityListArgs } from './asOf.js';
import { createRelationshipConnectionTypes, createConnectionType } from './connections.js';
import { createOrderEnum } from './pagination.js';
import { BrandRole } from '../../model/enums.js';
import { Node } from './node.js';

@ObjectType({ simpleResolvers: true, implements: Node, description: 'A phone maker, camera or optics partner, chip vendor, ...' })
export class Brand extends Node {
  __typename!: 'Brand';

  @Field({ description: 'Its name, such as "Leica".' })
  name!: string;

  @Field(() => [String], { description: 'Other names it goes by; lookups match them too.' })
  aliases!: string[];

  @Field(() => [BrandRole], { description: 'What it does: makes phones, cameras or chips, lends its optics, ...' })
  roles!: BrandRole[];

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 country code.' })
  country!: string | null;
}

export const BrandConnection = createConnectionType('Brand', Brand);
export const BrandRelationshipConnections = createRelationshipConnectionTypes('Brand', Brand);

export const BrandOrder = createOrderEnum('BrandOrder', ['NAME', 'PARTNER_COUNT'], 'Ties are broken by id.');
export type BrandOrder = (typeof BrandOrder)[keyof typeof BrandOrder];

@ArgsType()
export class BrandsArgs extends EntityListArgs {
  @Field(() => BrandRole, { nullable: true, description: 'Only brands with this role.' })
  role?: BrandRole | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 code, such as "DE".' })
  country?: string | null;

  @Field(() => BrandOrder, { defaultValue: BrandOrder.NAME_ASC, description: 'The order of the list.' })
  orderBy!: BrandOrder;

  filters() {
    return { role: this.role ?? null, country: this.country?.toUpperCase() ?? null };
  }
}
