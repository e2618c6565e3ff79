import { Kind, parse, type FieldNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { expect, it } from 'vitest';
import { selectsTotalCount } from '../../src/api/selection.js';

function infoFor(query: string, variableValues: Record<string, unknown> = {}) {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((fragment) => [fragment.name.value, fragment]),
  );
  return { fieldNodes: [operation.selectionSet.selections[0] as FieldNode], fragments, variableValues };
}

it('sees totalCount selected directly, in inline fragments and in named fragments, and not deeper down', () => {
  expect(selectsTotalCount(infoFor('{ devices { totalCount } }'))).toBe(true);
  expect(selectsTotalCount(infoFor('{ devices { ... on DeviceConnection { totalCount } } }'))).toBe(true);
  expect(selectsTotalCount(infoFor('{ devices { ...count } } fragment count on DeviceConnection { totalCount }'))).toBe(true);
  expect(selectsTotalCount(infoFor('{ devices { edges { node { leaksConnection { totalCount } } } } }'))).toBe(false);
});

it('does not count a totalCount that @skip or @include leaves out, on the field or on its fragment', () => {
  expect(selectsTotalCount(infoFor('{ devices { totalCount @include(if: false) } }'))).toBe(false);
  expect(selectsTotalCount(infoFor('query ($s: Boolean!) { devices { totalCount @skip(if: $s) } }', { s: true }))).toBe(false);
  expect(selectsTotalCount(infoFor('query ($s: Boolean!) { devices { totalCount @skip(if: $s) } }', { s: false }))).toBe(true);
  expect(selectsTotalCount(infoFor('{ devices { ... on DeviceConnection @skip(if: true) { totalCount } } }'))).toBe(false);
  expect(selectsTotalCount(infoFor('{ devices { ...count @include(if: false) } } fragment count on DeviceConnection { totalCount }'))).toBe(false);
});
