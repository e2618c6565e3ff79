import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { ChangeOperation, EntityType } from '../../model/enums.js';

const CURSOR = 'Pass it as `after` to resume just after this event.';

@ObjectType({
  description:
    'A committed change as anyone may see it: what changed, how and when. Who made it and the values are editor-only, in `changes` and `changeRecorded`. Without a key, an entity deleted since shows as a tombstone id, "erased:" and 16 hex digits, naming none of its text.',
})
export class GraphChange {
  @Field(() => ID, { description: 'The entity changed; for a claim or spec, the entity it starts from.' })
  entityId!: string;

  @Field(() => EntityType, { description: 'The type of that entity.' })
  entityType!: EntityType;

  @Field(() => ChangeOperation, { description: 'The mutation, or an import.' })
  operation!: string;

  @Field(() => DateTimeResolver, { description: 'When the writing transaction began.' })
  at!: string;

  @Field({ description: `Its place in the change log, which is commit order. ${CURSOR}` })
  cursor!: string;
}

/** What every event of one mutation's kind carries. */
@ObjectType()
abstract class MutationEvent {
  @Field({ description: CURSOR })
  cursor!: string;

  @Field(() => DateTimeResolver, { description: 'When the writing transaction began.' })
  at!: string;

  @Field(() => ChangeOperation, { description: 'The mutation that made it.' })
  operation!: string;
}

@ObjectType({ description: 'A leak was recorded, or created by upsertLeak.' })
export class LeakRecorded extends MutationEvent {
  @Field(() => ID, { description: 'Without a key, a tombstone ("erased:...") once the leak has been deleted.' })
  leakId!: string;
}

@ObjectType({ description: 'A relationship claim was written (link, confirmClaim, denyClaim, recordLeak) or removed (unlink).' })
export class ClaimChanged extends MutationEvent {
  @Field(() => ID, { description: 'Without a key, a tombstone ("erased:...") once the claim has been removed; its `claim` is then null.' })
  claimId!: string;

  @Field(() => ID, { description: 'The entity the claim starts from.' })
  fromId!: string;

  @Field(() => ID, { description: 'The entity the claim points to.' })
  toId!: string;
}
