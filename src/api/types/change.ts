import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { createConnectionType } from './connections.js';
import { Role } from '../../model/access.js';
import { ChangeOperation } from '../../model/enums.js';

/** An audit entry as stored: `before` and `after` are JSON text, parsed by ChangeResolver; absent when null. */
export interface ChangeRecord {
  id: string;
  seq: number;
  at: string;
  actor: string;
  role: string;
  operation: string;
  entityId: string;
  relatedIds: string[];
  before?: string;
  after?: string;
}

@ObjectType({
  simpleResolvers: true,
  description: "One write: who made it (the API key's name and role, never the key), when, what, and the values before and after.",
})
export class Change {
  @Field(() => ID, { description: 'The id of the audit entry.' })
  id!: string;

  @Field(() => DateTimeResolver, { description: 'When the writing transaction began.' })
  at!: string;

  @Field({ description: 'The name of the API key that wrote it.' })
  actor!: string;

  @Field(() => Role, { description: 'The role of that key.' })
  role!: string;

  @Field(() => ChangeOperation, { description: 'The mutation, or an import.' })
  operation!: string;

  @Field(() => ID, { description: 'The entity changed; for a claim or spec, the entity it starts from.' })
  entityId!: string;

  @Field(() => [ID], { description: "Other entities and claim ids the change concerns: the far end of a claim, a leak's devices, ..." })
  relatedIds!: string[];
}

export const ChangeConnection = createConnectionType('Change', Change);
