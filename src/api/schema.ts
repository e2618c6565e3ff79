import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema, type PubSub } from 'type-graphql';
import './types/enums.js';
import { ChangeResolver } from './resolvers/change.resolver.js';
import { ChangeSubscriptionResolver, ClaimChangedResolver, LeakRecordedResolver } from './resolvers/changeSubscription.resolver.js';
import { NodeResolver } from './resolvers/node.resolver.js';
import { projectRoot } from '../config/config.js';
import { DeviceIdentityResolver } from './resolvers/device.resolver.js';
import { entityResolvers } from './resolvers/entity.resolver.js';
import { RelationshipClaimResolver } from './resolvers/relationshipClaim.resolver.js';
import { ClaimResolver, ClaimSourcesResolver } from './resolvers/claim.resolver.js';
import { GraphResolver } from './resolvers/graph.resolver.js';
import { RecordLeakResolver } from './resolvers/leak.resolver.js';
import { PartnershipResolver } from './resolvers/partnership.resolver.js';
import { relationshipResolvers } from './resolvers/relationship.resolver.js';
import { partialDateResolvers } from './resolvers/partialDate.resolver.js';
import { SearchResolver } from './resolvers/search.resolver.js';
import { DeviceValidTimeResolver, PartnershipValidTimeResolver } from './resolvers/validTime.resolver.js';

export const schemaFile = path.join(projectRoot, 'schema', 'schema.graphql');

/**
 * TypeGraphQL wants a PubSub once a schema has subscriptions. Ours each bring their own `subscribe`, fed by the
 * change log (src/store/changes/changeFeed.ts), so nothing publishes to topics.
 */
const NO_TOPICS: PubSub = {
  publish() {
    throw new Error('Subscriptions are fed by the change log; nothing publishes to topics');
  },
  subscribe() {
    throw new Error('Subscriptions are fed by the change log; no subscription uses topics');
  },
};

export function createSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [
      NodeResolver,
      ...entityResolvers,
      DeviceIdentityResolver,
      PartnershipResolver,
      PartnershipValidTimeResolver,
      DeviceValidTimeResolver,
      RecordLeakResolver,
      ClaimSourcesResolver,
      ...relationshipResolvers,
      ...partialDateResolvers,
      GraphResolver,
      ClaimResolver,
      SearchResolver,
      RelationshipClaimResolver,
      ChangeResolver,
      ChangeSubscriptionResolver,
      LeakRecordedResolver,
      ClaimChangedResolver,
    ],
    pubSub: NO_TOPICS,
    // Arguments are validated by the resolvers and repositories, which own the error messages.
    validate: false,
  });
}

/** The checked-in SDL: sorted, so the file changes only when the API does. */
export function printSchemaFile(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

export function emitSchemaFile(schema: GraphQLSchema): string {
  writeFileSync(schemaFile, printSchemaFile(schema));
  return schemaFile;
}
