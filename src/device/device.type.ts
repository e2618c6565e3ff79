import { DateResolver } from 'graphql-scalars';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { createClaimConnectionType, createConnectionType } from '../common/connectionTypes.js';
import { DatePrecision, DeviceStatus } from '../common/enums.js';
import { Node } from '../common/node.js';

@ObjectType({ implements: Node })
export class Device extends Node {
  __typename!: 'Device';

  @Field()
  name!: string;

  @Field(() => [String])
  aliases!: string[];

  @Field(() => DeviceStatus)
  status!: DeviceStatus;

  @Field(() => DateResolver, { nullable: true, description: 'When it was announced, where known.' })
  announcedOn!: string | null;

  @Field(() => DatePrecision, { nullable: true })
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
export const DeviceClaimConnection = createClaimConnectionType('Device', Device);

export enum DeviceOrder {
  NAME_ASC = 'NAME_ASC',
  NAME_DESC = 'NAME_DESC',
  ANNOUNCED_ON_ASC = 'ANNOUNCED_ON_ASC',
  ANNOUNCED_ON_DESC = 'ANNOUNCED_ON_DESC',
  LEAK_COUNT_ASC = 'LEAK_COUNT_ASC',
  LEAK_COUNT_DESC = 'LEAK_COUNT_DESC',
}
registerEnumType(DeviceOrder, { name: 'DeviceOrder', description: 'Devices with no announcement day come last; ties are broken by id.' });
