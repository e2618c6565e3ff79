import { readFileSync } from 'node:fs';
import type { GraphQLInterfaceType, GraphQLObjectType } from 'graphql';
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

it('follows the client conventions of issue 21, item 4', async () => {
  const schema = await createSchema();
  const query = schema.getQueryType()!.getFields();
  const argType = (field: string, arg: string) => String(query[field]!.args.find((candidate) => candidate.name === arg)!.type);
  // Id filters take the ids clients hold as ID variables.
  for (const [field, arg] of [
    ['devices', 'brandId'],
    ['devices', 'chipId'],
    ['devices', 'cameraBrandId'],
    ['chips', 'vendorId'],
    ['leaks', 'deviceId'],
  ]) {
    expect(argType(field!, arg!)).toBe('ID');
  }
  // claim(id:) names only what it can return.
  expect(String(query.claim!.type)).toBe('IdentifiedClaim');
  const possible = schema.getPossibleTypes(schema.getType('IdentifiedClaim') as GraphQLInterfaceType).map((type) => type.name);
  expect(possible.sort()).toEqual(['GraphEdge', 'Leak', 'Partnership']);
  // The audit trail's operation and role are enums.
  const change = (schema.getType('Change') as GraphQLObjectType).getFields();
  expect(String(change.operation!.type)).toBe('ChangeOperation!');
  expect(String(change.role!.type)).toBe('ApiKeyRole!');
  // A date and its precision as one value, the old pair deprecated beside it.
  const device = (schema.getType('Device') as GraphQLObjectType).getFields();
  expect(String(device.announced!.type)).toBe('PartialDate');
  expect(device.announcedOn!.deprecationReason).toMatch(/announced/);
  expect(device.announcedOnPrecision!.deprecationReason).toMatch(/announced/);
  expect(Object.keys((schema.getType('PartialDate') as GraphQLObjectType).getFields()).sort()).toEqual(['from', 'precision', 'text', 'to']);
});

it('gives relationship connections one edge per node, the per-claim view beside them (issue 21, item 3)', async () => {
  const schema = await createSchema();
  const fieldsOf = (type: string) =>
    Object.fromEntries(Object.values((schema.getType(type) as GraphQLObjectType).getFields()).map((field) => [field.name, String(field.type)]));
  // Intended change: `<field>Connection` had one edge per claim (`<Name>ClaimConnection`), and normalised caches,
  // which key edges by node, dropped a node's second claim. It now has one edge per node, carrying the deciding
  // claim and every claim in `claims`; the per-claim connection is still there as `<field>ClaimsConnection`.
  expect(fieldsOf('Device')).toMatchObject({
    cameraBrandsConnection: 'BrandRelationshipConnection!',
    cameraBrandsClaimsConnection: 'BrandClaimConnection!',
  });
  expect(fieldsOf('Brand')).toMatchObject({
    partnersConnection: 'BrandRelationshipConnection!',
    partnersClaimsConnection: 'BrandClaimConnection!',
    partnershipsConnection: 'PartnershipRelationshipConnection!',
    devicesConnection: 'DeviceRelationshipConnection!',
  });
  expect(fieldsOf('Device')).toMatchObject({ leaksConnection: 'LeakRelationshipConnection!', leaksClaimsConnection: 'LeakClaimConnection!' });
  expect(fieldsOf('BrandRelationshipEdge')).toMatchObject({ cursor: 'String!', node: 'Brand!', confidence: 'Confidence!', claims: 'BrandClaimConnection!' });
  const claims = (schema.getType('BrandRelationshipEdge') as GraphQLObjectType).getFields().claims!;
  expect(claims.args.map((arg) => arg.name).sort()).toEqual(['after', 'before', 'first', 'last']);
  expect(fieldsOf('BrandClaimEdge')).toMatchObject({ cursor: 'String!', node: 'Brand!', confidence: 'Confidence!' });
});
