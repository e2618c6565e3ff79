import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../context.js';
import { parseSnapshotId, snapshotId } from '../../model/asOf.js';
import { entityAsOf } from '../../model/claim.js';
import { labelOfId } from '../../model/entityKinds.js';
import { Node } from '../types/node.js';

@Resolver(() => Node)
export class NodeResolver {
  @Query(() => Node, {
    nullable: true,
    description:
      'Any entity by its id, such as "brand:leica", or a past view of it by its snapshot id, such as "brand:leica@2022-05-20" ' +
      '(the id every object read with asOf carries). Null when there is none, or when it was not known yet on that day.',
  })
  async node(
    @Arg('id', () => ID, { description: 'An entity id, or a snapshot id for its view of a past day.' }) id: string,
    @Ctx() { entities, loaders }: AppContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const snapshot = parseSnapshotId(id);
    // The id's prefix names its kind, so the selection on that kind is planned below it, as `<kind>(name:)` is.
    const label = labelOfId(snapshot.id);
    if (label === null) return null;
    const plan = loaders.relationships.planBelow(info, label, snapshot.asOf);
    if (plan) return entities.byId(label, snapshot.id, snapshot.asOf, plan);
    return entityAsOf(await loaders.entities.load(snapshot.id), snapshot.asOf);
  }

  /** The one place a Node's id is answered: a snapshot id when the record is viewed as of a past day. */
  @FieldResolver(() => ID, { description: 'Its id; in a view as of a past day, its snapshot id.' })
  id(@Root() node: Node): string {
    return snapshotId(node.id, node.asOf);
  }
}
