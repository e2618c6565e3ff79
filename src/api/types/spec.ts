import { Field, ObjectType } from 'type-graphql';
import { Claim } from './claim.js';
import type * as model from '../../model/claim.js';

export interface SpecRecord extends model.Claim {
  __typename: 'Spec';
  key: string;
  value: string;
  unit: string | null;
}

@ObjectType({
  simpleResolvers: true,
  implements: Claim,
  description: 'One reported attribute of a device. Two sources may report different values: both claims stay.',
})
export class Spec extends Claim {
  @Field({ description: 'Dotted key such as "display.refreshRateHz", "camera.main.megapixels" or "identity.codename".' })
  key!: string;

  @Field({ description: 'The value as reported, such as "120" or "unicorn".' })
  value!: string;

  @Field(() => String, { nullable: true, description: 'The unit of the value, such as "Hz", where it has one.' })
  unit!: string | null;
}
