import { Kind, parse, type FieldNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { expect, it } from 'vitest';
import { selectsTotalCount } from '../../src/api/selection.js';

function infoFor(query: string) {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((fragment) => [fragment.name.value, fragment]),
  );
  return { fieldNodes: [operation.selectionSet.selections[0] as FieldNode], fragments };
}

it('sees totalCount selected directly, in inline fragments and in named fragments, and not deeper down', () => {
  expect(selectsTotalCount(infoFor('{ devices { totalCount } }'))).toBe(true);
  expect(selectsTotalCount(infoFor('{ devices { ... on DeviceConnection { totalCount } } }'))).toBe(true);
  expect(selectsTotalCount(infoFor('{ devices { ...count } } fragment count on DeviceConnection { totalCount }'))).toBe(true);
  expect(selectsTotalCount(infoFor('{ devices { edges { node { leaksConnection { totalCount } } } } }'))).toBe(false);
});
