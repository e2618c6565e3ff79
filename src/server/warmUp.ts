import { SCREEN_QUERIES } from './screenQueries.js';

/**
 * What the screens of a frontend ask most (screenQueries.ts), and the README's kinds of queries (a device with its
 * specs, a brand's partnerships, a brand list, search, a graph slice). Each selection gives a statement
 * text of its own, and Neo4j plans a text the first time it sees it: on a cold JVM that took seconds.
 * Running these at startup plans them, and warms the JIT of both processes, before the first request.
 */
const WARM_UP_OPERATIONS: Array<{ query: string; variables?: Record<string, unknown> }> = [
  { query: SCREEN_QUERIES.deviceScreen, variables: { name: 'Xiaomi 12S' } },
  { query: SCREEN_QUERIES.brandScreen, variables: { name: 'Leica' } },
  { query: SCREEN_QUERIES.partnerHistory, variables: { name: 'Leica' } },
  { query: SCREEN_QUERIES.deviceList },
  {
    query: `{ device(name: "Xiaomi 12S") { id name status announcedOn modelNumber codename brand { id name } chip { id name partNumber vendor { name } }
     specs { key value unit confidence reportedOn sources { title } }
     leaksConnection(first: 10) { edges { confidence reportedOn node { id summary platform reportedOn reportedOnPrecision } sources { id title } } } } }`,
  },
  {
    query: `{ brand(name: "Leica") { id name partners { id name } partnerCount
     partnershipsConnection { edges { confidence node { kind announcedOn announcedOnPrecision startedOn brands { name } } sources { title author publishedOn } } }
     devicesConnection(first: 20) { edges { node { id name chip { id name } } } } } }`,
  },
  { query: `{ brands { edges { node { id name partnerCount } } } }` },
  { query: `{ search(query: "leica", first: 10) { score node { id } } }` },
  { query: `{ graph(id: "brand:leica", depth: 2) { nodes { id type label } edges { id type source target confidence reportedOn } truncated } }` },
];

/**
 * Sends the warm-up operations to the server's own GraphQL endpoint, twice each, so the whole
 * path (HTTP, Apollo, resolvers, driver, Neo4j's planner) has run before the first user request. A
 * failure is the caller's to log, never a reason not to serve.
 */
export async function warmUp(endpoint: string, rounds = 2): Promise<number> {
  let requests = 0;
  for (let round = 0; round < rounds; round += 1) {
    for (const operation of WARM_UP_OPERATIONS) {
      const response = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(operation) });
      const body = (await response.json()) as { errors?: Array<{ message: string }> };
      if (body.errors?.length) throw new Error(`warm-up operation failed: ${body.errors[0]!.message}`);
      requests += 1;
    }
  }
  return requests;
}
