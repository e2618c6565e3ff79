import { Kind, parse, type FieldNode, type GraphQLObjectType, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSchema } from '../../../src/api/schema.js';
import { batchStatement } from '../../../src/store/reads/cypher.js';
import { readOfField, type RelationshipRead } from '../../../src/store/reads/read.js';

// Answer-shaped reads (issue 19): a relationship read projects only what the selection reads of each edge's claim, so
// the statement returns the answer and no more.

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await createSchema();
});

/** The read of the one field `selection` selects on `typeName`, and the text of the statement it goes out in. */
function planned(typeName: string, selection: string): { read: RelationshipRead; text: string } {
  const operation = parse(`{ ${selection} }`).definitions[0] as OperationDefinitionNode;
  const field = operation.selectionSet.selections.find((node): node is FieldNode => node.kind === Kind.FIELD)!;
  const read = readOfField({ schema, fragments: {}, variableValues: {} }, schema.getType(typeName) as GraphQLObjectType, [field], false)!;
  return { read, text: batchStatement([{ read, asOf: null, parentIds: ['brand:leica'] }]).text };
}

describe('the claim of a connection edge', () => {
  it('is not read at all when the selection asks nothing of it and no cursor', () => {
    const { read, text } = planned('Brand', 'partnersConnection(first: 2) { totalCount edges { node { name } } pageInfo { hasNextPage } }');
    expect(read.claimProperties).toEqual([]);
    expect(text).not.toContain('claim:');
    // The belief rule still ranks by the claims' confidence and day in Cypher; none of it comes back.
    expect(text).not.toMatch(/\.sourceIds|reportedOnPrecision/);
  });

  it('carries only the properties its Claim fields are answered from, days as ISO strings', () => {
    expect(planned('Brand', 'partnersConnection { edges { confidence } }').read.claimProperties).toEqual(['confidence']);
    const { read, text } = planned('Device', 'cameraBrandsConnection { edges { reported { text } sources { id } } }');
    expect(read.claimProperties).toEqual(['reportedOn', 'reportedOnPrecision', 'sourceIds']);
    expect(text).toContain('claim: deciding {reportedOn: toString(deciding.reportedOn), .reportedOnPrecision, .sourceIds}');
  });

  it('carries what its cursor is made of when a cursor is selected, on the edge or in pageInfo', () => {
    // A node edge's cursor is its deciding day and its node's id; a claim edge's is the claim's day and id.
    expect(planned('Brand', 'partnersConnection { edges { cursor } }').read.claimProperties).toEqual(['reportedOn']);
    expect(planned('Brand', 'partnersConnection { pageInfo { endCursor } }').read.claimProperties).toEqual(['reportedOn']);
    const claims = planned('Brand', 'partnersClaimsConnection { pageInfo { startCursor } edges { confidence } }');
    expect(claims.read.claimProperties).toEqual(['confidence', 'id', 'reportedOn']);
    expect(claims.text).toMatch(/claim: c\w+ \{id: c\w+\.id \+ '\|' \+ n\w+\.id, \.confidence, reportedOn: toString\(c\w+\.reportedOn\)\}/);
  });

  it("reads a pair's claims with what edge.claims pages and ranks them by, beside what their selection asks", () => {
    const { read } = planned('Brand', 'partnersConnection { edges { node { id } claims { totalCount edges { reportedOnPrecision } } } }');
    expect(read.claimProperties).toEqual([]);
    expect(read.edgeClaims).toEqual(['confidence', 'id', 'reportedOn', 'reportedOnPrecision']);
  });
});
