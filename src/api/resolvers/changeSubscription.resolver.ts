import { Args, ArgsType, Ctx, Field, FieldResolver, ID, Resolver, Root, Subscription } from 'type-graphql';
import { authorize, Role, type Access } from '../../model/access.js';
import { EntityType, Relation } from '../../model/enums.js';
import { Leak } from '../types/leak.js';
import * as claims from '../../model/claim.js';
import { RelationshipClaim } from '../types/relationshipClaim.js';
import type { AppContext } from '../context.js';
import {
  cursorOf,
  seqOfCursor,
  tombstoneId,
  type ChangeFeed,
  type ChangeFeedContext,
  type ChangeFilter,
  type LoggedChange,
} from '../../store/changes/changeFeed.js';
import { ClaimChanged, GraphChange, LeakRecorded } from '../types/changeEvent.js';
import { Change } from '../types/change.js';

type SubscriptionContext = AppContext & ChangeFeedContext;

const RESUME = 'With `after` (a cursor from an earlier event), first every matching change since, then the new ones: each once, in commit order.';

@ArgsType()
class GraphChangedArgs {
  @Field(() => [EntityType], { nullable: true, description: 'Only changes to entities of these types.' })
  types?: EntityType[] | null;

  @Field(() => ID, { nullable: true, description: 'Only changes to this entity, or to claims and entities linked to it.' })
  entityId?: string | null;

  @Field(() => String, { nullable: true, description: 'A cursor from an earlier event: first replays every matching change since it, then goes on live.' })
  after?: string | null;
}

@ArgsType()
class LeakRecordedArgs {
  @Field(() => ID, { nullable: true, description: 'Only leaks about this device.' })
  deviceId?: string | null;

  @Field(() => String, { nullable: true, description: 'A cursor from an earlier event: first replays every matching change since it, then goes on live.' })
  after?: string | null;
}

@ArgsType()
class ClaimChangedArgs {
  @Field(() => ID, { nullable: true, description: 'Only claims from or to this entity.' })
  entityId?: string | null;

  @Field(() => String, { nullable: true, description: 'A cursor from an earlier event: first replays every matching change since it, then goes on live.' })
  after?: string | null;
}

const CLAIM_ID_PREFIXES = Object.values(Relation).map((relation) => `${relation}:`);

/** Subscriptions fed by this process's change feed (changeFeed.ts), over graphql-ws on /graphql. */
@Resolver()
export class ChangeSubscriptionResolver {
  @Subscription(() => GraphChange, {
    description: `Every committed change, as public events. ${RESUME}`,
    subscribe: ({ args, context }) =>
      (context as SubscriptionContext).changeFeed.subscribe(seqOfCursor((args as GraphChangedArgs).after), touching(args as GraphChangedArgs)),
  })
  async graphChanged(@Root() change: LoggedChange, @Args() _args: GraphChangedArgs, @Ctx() context: SubscriptionContext): Promise<GraphChange> {
    const entityId = await publicEntityId(context, change.entityId);
    return { entityId, entityType: entityTypeOf(change.entityId)!, operation: change.operation, at: change.at, cursor: cursorOf(change.seq) };
  }

  @Subscription(() => Change, {
    description: `graphChanged with who made each change and the values before and after. Needs an editor or admin key in the connection_init payload: { "authorization": "Bearer <key>" }. ${RESUME}`,
    subscribe: ({ args, context }) => {
      const { access, changeFeed } = context as SubscriptionContext;
      authorize(access, Role.EDITOR);
      return changeFeed.subscribe(seqOfCursor((args as GraphChangedArgs).after), touching(args as GraphChangedArgs));
    },
  })
  changeRecorded(@Root() change: LoggedChange, @Args() _args: GraphChangedArgs): LoggedChange {
    return change;
  }

  @Subscription(() => LeakRecorded, {
    description: `Each leak recorded (or created by upsertLeak), with the leak as it is now. ${RESUME}`,
    subscribe: ({ args, context }) =>
      (context as SubscriptionContext).changeFeed.subscribe(seqOfCursor((args as LeakRecordedArgs).after), leakRecorded(args as LeakRecordedArgs)),
  })
  async leakRecorded(@Root() change: LoggedChange, @Args() _args: LeakRecordedArgs, @Ctx() context: SubscriptionContext): Promise<LeakRecorded> {
    return { cursor: cursorOf(change.seq), at: change.at, operation: change.operation, leakId: await publicEntityId(context, change.entityId) };
  }

  @Subscription(() => ClaimChanged, {
    description: `Each relationship claim written or removed, with the claim as the change left it. ${RESUME}`,
    subscribe: ({ args, context }) =>
      (context as SubscriptionContext).changeFeed.subscribe(seqOfCursor((args as ClaimChangedArgs).after), claimChanged(args as ClaimChangedArgs)),
  })
  async claimChanged(@Root() change: LoggedChange, @Args() _args: ClaimChangedArgs, @Ctx() context: SubscriptionContext): Promise<ClaimChangedEvent> {
    const claim = claimOf(change)!;
    const event = { cursor: cursorOf(change.seq), at: change.at, operation: change.operation };
    if (isAnonymous(context.access) && !(await context.changeFeed.claimExists(claim))) {
      // Unlinked since: its sources, confidence and date are erased from public view, and its id names its sources.
      const [fromId, toId] = await Promise.all([publicEntityId(context, claim.from), publicEntityId(context, claim.to)]);
      return { ...event, claimId: tombstoneId(claim.id), fromId, toId, after: null };
    }
    return { ...event, claimId: claim.id, fromId: claim.from, toId: claim.to, after: change.after };
  }
}

/** The claim's node, resolved like a mutation's RelationshipClaim. */
@Resolver(() => ClaimChanged)
export class ClaimChangedResolver {
  @FieldResolver(() => RelationshipClaim, { nullable: true, description: 'The claim as the change left it; null when it was removed.' })
  claim(@Root() event: ClaimChangedEvent): claims.RelationshipClaimNode | null {
    return event.after === null ? null : claims.relationshipClaimNode(JSON.parse(event.after) as claims.RelationshipClaim);
  }
}

@Resolver(() => LeakRecorded)
export class LeakRecordedResolver {
  @FieldResolver(() => Leak, { nullable: true, description: 'The leak as it is now; null when it has been deleted since.' })
  leak(@Root() event: LeakRecorded, @Ctx() { loaders }: AppContext) {
    return loaders.entities.load(event.leakId);
  }
}

type ClaimChangedEvent = ClaimChanged & { after: string | null };

/** A client without a recognised key; editors and admins see every id and value, as in the audit trail. */
function isAnonymous(access: Access): boolean {
  return !access.presented || access.caller === null;
}

/**
 * The id an event shows: the entity's own, or for an anonymous client a tombstone once it has been deleted,
 * so a deleted leak's summary words (leak ids derive from them) stay erased in replays too.
 */
async function publicEntityId({ access, changeFeed }: { access: Access; changeFeed: ChangeFeed }, id: string): Promise<string> {
  return !isAnonymous(access) || (await changeFeed.entityExists(id)) ? id : tombstoneId(id);
}

function entityTypeOf(id: string): EntityType | undefined {
  const type = id.slice(0, id.indexOf(':')).toUpperCase();
  return Object.values(EntityType).find((value) => (value as string) === type);
}

function touching({ types, entityId }: GraphChangedArgs): ChangeFilter {
  const wanted = types && types.length > 0 ? new Set<string>(types) : null;
  return (change) =>
    (wanted === null || wanted.has(entityTypeOf(change.entityId) ?? '')) && (!entityId || change.entityId === entityId || change.relatedIds.includes(entityId));
}

function leakRecorded({ deviceId }: LeakRecordedArgs): ChangeFilter {
  return (change) =>
    change.entityId.startsWith('leak:') &&
    change.after !== null &&
    (change.before === null || change.operation === 'recordLeak') &&
    (!deviceId || change.relatedIds.includes(deviceId));
}

function claimChanged({ entityId }: ClaimChangedArgs): ChangeFilter {
  return (change) => {
    if (!change.relatedIds.some(isClaimId)) return false;
    const claim = claimOf(change);
    return claim !== null && (!entityId || claim.from === entityId || claim.to === entityId);
  };
}

function isClaimId(id: string): boolean {
  return CLAIM_ID_PREFIXES.some((prefix) => id.startsWith(prefix));
}

/** The claim a change wrote or removed, from its audit snapshot; null for entity and spec changes. */
function claimOf(change: LoggedChange): claims.RelationshipClaim | null {
  const snapshot = JSON.parse(change.after ?? change.before ?? 'null') as Partial<claims.RelationshipClaim> | null;
  return snapshot?.relation && isClaimId(snapshot.id ?? '') ? (snapshot as claims.RelationshipClaim) : null;
}
