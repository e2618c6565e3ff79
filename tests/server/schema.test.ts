import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { createSchema, printSchemaFile, schemaFile } from '../../src/server/schema.js';

it('schema/schema.graphql matches the TypeGraphQL classes (run `npm run schema:emit` after API changes)', async () => {
  const emitted = printSchemaFile(await createSchema());
  expect(readFileSync(schemaFile, 'utf8')).toBe(emitted);
});

it('keeps the contract every client codes against', async () => {
  const sdl = printSchemaFile(await createSchema());
  for (const line of [
    'node(id: ID!): Node',
    'brand(name: String!): Brand',
    'device(name: String!): Device',
    'chip(name: String!): Chip',
    'scalar Date',
    'interface Node {',
  ]) {
    expect(sdl).toContain(line);
  }
});
