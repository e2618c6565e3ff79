import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema, type PubSub } from 'type-graphql';
import { BrandResolver } from '../brand/brand.resolver.js';
import { ChangeResolver } from '../change/change.resolver.js';
import { ChangeSubscriptionResolver, ClaimChangedResolver, LeakRecordedResolver } from '../change/changeSubscription.resolver.js';
import { ChipResolver } from '../chip/chip.resolver.js';
import { NodeResolver } from '../entities/node.resolver.js';
import { projectRoot } from '../config/config.js';
import { DeviceResolver } from '../device/device.resolver.js';
import { EditingResolver } from '../editing/editing.resolver.js';
import { ClaimResolver } from '../graph/claim.resolver.js';
import { GraphResolver } from '../graph/graph.resolver.js';
import { LeakResolver } from '../leak/leak.resolver.js';
import { PartnershipResolver } from '../partnership/partnership.resolver.js';
import { relationshipResolvers } from '../relationships/relationship.resolver.js';
import { SearchResolver } from '../search/search.resolver.js';
import { ClaimSourcesResolver, SourceResolver } from '../source/source.resolver.js';

export const schemaFile = path.join(projectRoot, 'schema', 'schema.graphql');

/**
 * TypeGraphQL wants a PubSub once a schema has subscriptions. Ours each bring their own `subscribe`, fed by the
 * change log (src/change/changeFeed.ts), so nothing publishes to topics.
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
      BrandResolver,
      DeviceResolver,
      ChipResolver,
      PartnershipResolver,
      LeakResolver,
      SourceResolver,
      ClaimSourcesResolver,
      ...relationshipResolvers,
      GraphResolver,
      ClaimResolver,
      SearchResolver,
      EditingResolver,
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
