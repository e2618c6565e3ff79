import { DateResolver } from 'graphql-scalars';
import { ArgsType, Field, ID, ObjectType } from 'type-graphql';
import { EntityListArgs, asOfDay } from './asOf.js';
import { createRelationshipConnectionTypes, createConnectionType } from './connections.js';
import { DatePrecision, DeviceStatus } from '../../model/enums.js';
import { Node } from './node.js';
import { deprecatedDate } from './partialDate.js';
import { createOrderEnum } from './pagination.js';

@ObjectType({ simpleResolvers: true, implements: Node, description: 'A phone or other device, with its maker, chip, cameras, specs and leaks, each a claim.' })
export class Device extends Node {
  __typename!: 'Device';

  @Field({ description: 'Its marketing name, such as "Xiaomi 12S Ultra".' })
  name!: string;

  @Field(() => [String], { description: 'Other names it goes by; lookups match them too.' })
  aliases!: string[];

  @Field(() => DeviceStatus, { description: 'Where it is in its life: rumoured, announced, released, ...' })
  status!: DeviceStatus;

  @Field(() => DateResolver, { nullable: true, description: 'When it was announced, where known.', ...deprecatedDate('announcedOn') })
  announcedOn!: string | null;

  @Field(() => DatePrecision, { nullable: true, description: 'How much of announcedOn is known.', ...deprecatedDate('announcedOn') })
  announcedOnPrecision!: DatePrecision | null;

  @Field(() => DateResolver, {
    nullable: true,
    description: 'The earliest reportedOn of any claim about it: from this day on it exists in asOf views.',
  })
  firstReportedOn!: string | null;

  /** Today's best identity.* claims, resolved as of a day by DeviceResolver. */
  modelNumber!: string | null;
  shortModelNumber!: string | null;
  codename!: string | null;
}

export const DeviceConnection = createConnectionType('Device', Device);
export const DeviceRelationshipConnections = createRelationshipConnectionTypes('Device', Device);

export const DeviceOrder = createOrderEnum(
  'DeviceOrder',
  ['NAME', 'ANNOUNCED_ON', 'LEAK_COUNT'],
  'Devices with no announcement day come last; ties are broken by id.',
);
export type DeviceOrder = (typeof DeviceOrder)[keyof typeof DeviceOrder];

@ArgsType()
export class DevicesArgs extends EntityListArgs {
  @Field(() => ID, { nullable: true, description: 'Only devices made by this brand (its id, such as "brand:xiaomi").' })
  brandId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only devices claimed to use this chip (its id).' })
  chipId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only devices with cameras claimed to be by this brand (its id).' })
  cameraBrandId?: string | null;

  @Field(() => DeviceStatus, { nullable: true, description: 'Only devices with this status.' })
  status?: DeviceStatus | null;

  @Field(() => DateResolver, { nullable: true, description: 'Only devices announced on or after this day.' })
  announcedFrom?: Date | null;

  @Field(() => DateResolver, { nullable: true, description: 'Only devices announced on or before this day.' })
  announcedTo?: Date | null;

  @Field(() => DeviceOrder, { defaultValue: DeviceOrder.NAME_ASC, description: 'The order of the list.' })
  orderBy!: DeviceOrder;

  filters() {
    return {
      brandId: this.brandId ?? null,
      chipId: this.chipId ?? null,
      cameraBrandId: this.cameraBrandId ?? null,
      status: this.status ?? null,
      announcedFrom: asOfDay(this.announcedFrom),
      announcedTo: asOfDay(this.announcedTo),
    };
  }
}
