import { Field, ID, ObjectType } from 'type-graphql';
import { Claim } from './claim.js';
import { Relation } from '../../model/enums.js';

@ObjectType({ simpleResolvers: true, implements: Claim, description: 'One relationship claim, as a link, confirmation or denial wrote it.' })
export class RelationshipClaim extends Claim {
  __typename!: 'RelationshipClaim';

  @Field(() => ID, { description: 'Derived from relation, ends and sources: the same claim written again updates it.' })
  id!: string;

  @Field(() => Relation, { description: 'What the claim says links the two.' })
  relation!: Relation;

  /** Resolved to entities by EditingResolver. */
  fromId!: string;
  toId!: string;
}
