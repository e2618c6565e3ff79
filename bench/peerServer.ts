import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Neo4jGraphQL } from '@neo4j/graphql';
import neo4j from 'neo4j-driver';

/**
 * The peer contestant: the Neo4j GraphQL Library (@neo4j/graphql 7) over the bench's Neo4j, set up as its
 * documentation's getting-started shows (type definitions + driver → Neo4jGraphQL → getSchema → Apollo
 * Server standalone, the request's Authorization header as `token` in the context). A child process of
 * the bench, so it has a core of the event loop and a measurable RSS of its own, like our API.
 *
 * The type definitions describe the graph our importer writes. Relationship properties carry each claim's
 * provenance. Two things the library has no directive for are plain @cypher fields, its documented
 * extension point: a claim's sources (ids in a list property) and a partnership's history day.
 */
export const peerTypeDefs = /* GraphQL */ `
  type Claim @relationshipProperties {
    id: ID!
    confidence: String!
    reportedOn: Date!
    sourceIds: [String!]!
  }

  type Source @node {
    id: ID!
    title: String!
    publisher: String
    publishedOn: Date
  }

  type Brand @node {
    id: ID!
    name: String!
    aliases: [String!]!
    roles: [String!]!
    country: String
    devices: [Device!]! @relationship(type: "MADE_BY", direction: IN, properties: "Claim")
    partnerships: [Partnership!]! @relationship(type: "PARTY_TO", direction: OUT, properties: "Claim")
  }

  type Chip @node {
    id: ID!
    name: String!
    partNumber: String
    vendor: [Brand!]! @relationship(type: "MADE_BY", direction: OUT, properties: "Claim")
    devices: [Device!]! @relationship(type: "USES_CHIP", direction: IN, properties: "Claim")
  }

  type Spec @node {
    id: ID!
    key: String!
    value: String!
    unit: String
    confidence: String!
    reportedOn: Date!
  }

  type Device @node {
    id: ID!
    name: String!
    status: String!
    announcedOn: Date
    brand: [Brand!]! @relationship(type: "MADE_BY", direction: OUT, properties: "Claim")
    chip: [Chip!]! @relationship(type: "USES_CHIP", direction: OUT, properties: "Claim")
    leaks: [Leak!]! @relationship(type: "ABOUT", direction: IN, properties: "Claim")
    specs: [Spec!]! @relationship(type: "HAS_SPEC", direction: OUT)
  }

  type Leak @node {
    id: ID!
    summary: String!
    platform: String
    confidence: String!
    reportedOn: Date!
    devices: [Device!]! @relationship(type: "ABOUT", direction: OUT, properties: "Claim")
    sources: [Source!]! @cypher(statement: "MATCH (s:Source) WHERE s.id IN this.sourceIds RETURN s", columnName: "s")
  }

  type Partnership @node {
    id: ID!
    kind: String!
    summary: String
    confidence: String!
    reportedOn: Date!
    startedOn: Date
    announcedOn: Date
    "Start day, else announcement day, else report day: what partnerHistory orders by."
    historyDate: Date
      @cypher(statement: "RETURN coalesce(this.startedOn, this.announcedOn, this.reportedOn) AS day", columnName: "day")
    brands: [Brand!]! @relationship(type: "PARTY_TO", direction: IN, properties: "Claim")
    devices: [Device!]! @relationship(type: "COVERS", direction: OUT, properties: "Claim")
    sources: [Source!]! @cypher(statement: "MATCH (s:Source) WHERE s.id IN this.sourceIds RETURN s", columnName: "s")
  }
`;

async function main(): Promise<void> {
  const uri = process.env.NEO4J_URI;
  if (!uri) throw new Error('NEO4J_URI is required');
  const username = process.env.NEO4J_USERNAME;
  const driver = neo4j.driver(uri, username ? neo4j.auth.basic(username, process.env.NEO4J_PASSWORD ?? '') : undefined);
  const schema = await new Neo4jGraphQL({ typeDefs: peerTypeDefs, driver }).getSchema();
  const server = new ApolloServer({ schema });
  const { url } = await startStandaloneServer(server, {
    listen: { port: Number(process.env.PORT ?? 0) },
    context: async ({ req }) => ({ token: req.headers.authorization }),
  });
  console.log(`PEER_READY ${url}`);
  process.once('SIGTERM', () => {
    void server
      .stop()
      .then(() => driver.close())
      .then(() => process.exit(0));
  });
}

if (process.argv[1]?.endsWith('peerServer.js')) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
