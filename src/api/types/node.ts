import { Field, ID, InterfaceType } from 'type-graphql';
import type { AsOf } from '../../model/asOf.js';
import type { EntityRecord } from '../../model/entity.js';

@InterfaceType({
  description: 'An entity of the graph. Ids are stable and readable ("brand:leica") and survive export and import.',
  resolveType: (value: EntityRecord) => value.__typename,
})
export abstract class Node {
  @Field(() => ID, {
    description:
      'Its id, such as "brand:leica". Read as of a past day (asOf), a snapshot id such as "brand:leica@2022-05-20", ' +
      'so a normalised cache keeps each day apart; node(id:) takes either.',
  })
  id!: string;

  /** The day this record is viewed as of (see asOf.ts); not a GraphQL field. */
  asOf?: AsOf;
}
