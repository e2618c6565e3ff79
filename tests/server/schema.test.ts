import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { createSchema, printSchemaFile, schemaFile } from '../../src/server/schema.js';

it('schema/schema.graphql matches the TypeGraphQL classes (run `npm run schema:emit` after API changes)', async () => {
  const emitted = printSchemaFile(await createSchema());
  expect(readFileSync(schemaFile, 'utf8')).toBe(emitted);
});

it('keeps the contract every client codes against', async () => {
  const schema = await createSchema();
  const query = schema.getQueryType()!.getFields();
  const signature = (field: string) =>
    `${field}(${query[field]!.args.map((arg) => `${arg.name}: ${String(arg.type)}`).join(', ')}): ${String(query[field]!.type)}`;
  expect(signature('node')).toBe('node(asOf: Date, id: ID!): Node');
  expect(signature('brand')).toBe('brand(asOf: Date, name: String!): Brand');
  expect(signature('device')).toBe('device(asOf: Date, name: String!): Device');
  expect(signature('chip')).toBe('chip(asOf: Date, name: String!): Chip');
  expect(String(schema.getType('Date'))).toBe('Date');
  expect(schema.getType('Node')).toBeDefined();
});
