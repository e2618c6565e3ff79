/**
 * Hard caps on the analyst queries' size arguments. The guard rails reject requests over them before
 * any Cypher runs; the resolvers check the lower bounds. Sized so the largest answer stays a few
 * hundred nodes: what a drawing can show and one Cypher statement returns in milliseconds.
 */
export const ANALYST_LIMITS = {
  graph: { depth: { default: 1, max: 3 }, limit: { default: 100, max: 500 } },
  paths: { maxHops: { default: 4, max: 6 }, first: { default: 5, max: 20 } },
  search: { first: { default: 10, max: 50 } },
} as const;
