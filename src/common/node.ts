import { Field, ID, InterfaceType } from 'type-graphql';

/** What every entity record read from the graph carries: its type label as __typename. */
export interface EntityRecord {
  __typename: string;
  id: string;
}

@InterfaceType({
  description: 'An entity of the graph. Ids are stable and readable ("brand:leica") and survive export and import.',
  resolveType: (value: EntityRecord) => value.__typename,
})
export abstract class Node {
  @Field(() => ID)
  id!: string;
}
