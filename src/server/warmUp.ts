import type { ApolloServer } from '@apollo/server';
import type { AppContext } from './context.js';

/**
 * The shapes of the pages frontends ask most (a device page, a brand page, a device list, a partner
 * history, search, a graph slice). Each planned read is a statement text of its own, and Neo4j plans a
 * text the first time it sees it: on a cold JVM that took seconds. Running these once at startup plans
 * them, and warms the JIT of both processes, before the first user request.
 */
const WARM_UP_OPERATIONS = [
  `{ device(name: "Xiaomi 12S") { id name status announcedOn modelNumber codename brand { id name } chip { id name partNumber vendor { name } }
     specs { key value unit confidence reportedOn sources { title } }
     leaksConnection(first: 10) { edges { confidence reportedOn node { id summary platform reportedOn reportedOnPrecision } sources { id title } } } } }`,
  `{ brand(name: "Leica") { id name partners { id name } partnerCount
     partnershipsConnection { edges { confidence node { kind announcedOn announcedOnPrecision startedOn brands { name } } sources { title author publishedOn } } }
     devicesConnection(first: 20) { edges { node { id name chip { id name } } } } } }`,
  `{ devices(first: 20) { totalCount edges { node { id name brand { id name } chip { id name } } } pageInfo { hasNextPage endCursor } } }`,
  `{ brands { edges { node { id name partnerCount } } } }`,
  `{ partnerHistory(brand: "Leica") { id kind confidence startedOn announcedOn brands { id name } devices { id name } sources { id title } } }`,
  `{ search(query: "leica", first: 10) { score node { id } } }`,
  `{ graph(id: "brand:leica", depth: 2) { nodes { id type label } edges { id type source target confidence reportedOn } truncated } }`,
];

/** Runs the warm-up operations in-process; a failure is the caller's to log, never a reason not to serve. */
export async function warmUp(apollo: ApolloServer<AppContext>, contextValue: AppContext): Promise<number> {
  let statements = 0;
  for (const query of WARM_UP_OPERATIONS) {
    const response = await apollo.executeOperation({ query }, { contextValue });
    if (response.body.kind === 'single' && response.body.singleResult.errors?.length) {
      throw new Error(`warm-up operation failed: ${response.body.singleResult.errors[0]!.message}`);
    }
    statements += 1;
  }
  return statements;
}
