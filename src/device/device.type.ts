import { Field, ObjectType } from 'type-graphql';
import { createClaimConnectionType, createConnectionType } from '../common/connectionTypes.js';
import { DeviceStatus } from '../common/enums.js';
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

  @Field(() => String, { nullable: true, description: 'The best identity.modelNumber claim; see specs for all claims and their provenance.' })
  modelNumber!: string | null;

  @Field(() => String, { nullable: true, description: 'The best identity.shortModelNumber claim.' })
  shortModelNumber!: string | null;

  @Field(() => String, { nullable: true, description: 'The best identity.codename claim.' })
  codename!: string | null;
}

export const DeviceConnection = createConnectionType('Device', Device);
export const DeviceClaimConnection = createClaimConnectionType('Device', Device);
