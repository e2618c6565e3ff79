import { readFileSync } from 'node:fs';
import type { GraphQLObjectType } from 'graphql';
import { expect, it } from 'vitest';
import { createSchema, printSchemaFile, schemaFile } from '../../src/api/schema.js';

it('schema/schema.graphql matches the TypeGraphQL classes (run `npm run schema:emit` after API changes)', async () => {
  const emitted = printSchemaFile(await createSchema());
  expect(readFileSync(schemaFile, 'utf8')).toBe(emitted);
});

it('keeps the contract every client codes against', async () => {
  const schema = await createSchema();
  const query = schema.getQueryType()!.getFields();
  const signature = (field: string) =>
    `${field}(${query[field]!.args.map((arg) => `${arg.name}: ${String(arg.type)}`).join(', ')}): ${String(query[field]!.type)}`;
  // Relay refetches through node(id: ID!) alone; a past view is named by its snapshot id (issue 21, item 1).
  expect(signature('node')).toBe('node(id: ID!): Node');
  expect(signature('brand')).toBe('brand(asOf: Date, name: String!): Brand');
  expect(signature('device')).toBe('device(asOf: Date, name: String!): Device');
  expect(signature('chip')).toBe('chip(asOf: Date, name: String!): Chip');
  // Valid time beside known time (issue 20 item 1): in force during a period, as known on a day.
  expect(signature('partnerHistory')).toBe('partnerHistory(activeOn: Date, activeUntil: Date, asOf: Date, brand: String!): [Partnership!]!');
  expect(String(schema.getType('Date'))).toBe('Date');
  expect(schema.getType('Node')).toBeDefined();
});

it("gives a drawing's nodes and edges ids of their own, beside the ids of what they show (issue 21, item 2)", async () => {
  const schema = await createSchema();
  const fieldsOf = (type: string) =>
    Object.fromEntries(Object.values((schema.getType(type) as GraphQLObjectType).getFields()).map((field) => [field.name, String(field.type)]));
  expect(fieldsOf('GraphNode')).toMatchObject({ id: 'ID!', entityId: 'ID!' });
  expect(fieldsOf('GraphEdge')).toMatchObject({ id: 'ID!', claimId: 'ID!', source: 'ID!', target: 'ID!' });
});
