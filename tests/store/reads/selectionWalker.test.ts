import { Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { selectedFields, type WalkOptions } from '../../../src/store/reads/selectionWalker.js';

/** The fields the walker finds at the top of the document's operation, as `name` or `alias:name` → times. */
function walk(query: string, options: Omit<WalkOptions, 'fragments'> = {}): Record<string, number> {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((fragment) => [fragment.name.value, fragment]),
  );
  const fields = selectedFields([operation.selectionSet], { fragments, ...options });
  return Object.fromEntries([...fields].map(([field, times]) => [(field.alias ? `${field.alias.value}:` : '') + field.name.value, times]));
}

describe('the selection walker', () => {
  it('finds the fields of one level, through inline fragments and fragment spreads, not deeper down', () => {
    expect(
      walk('{ brands { totalCount } ... on Query { devices { totalCount } } ...more } fragment more on Query { leica: brand(name: "Leica") { name } }'),
    ).toEqual({
      brands: 1,
      devices: 1,
      'leica:brand': 1,
    });
  });

  it('counts a fragment spread twice twice, walking it once, so chains of doubling fragments stay cheap', () => {
    expect(walk('{ ...f ...f } fragment f on Query { brands { totalCount } }')).toEqual({ brands: 2 });
    const chain = Array.from({ length: 40 }, (_, i) => `fragment f${i + 1} on Query { ...f${i} ...f${i} }`).join(' ');
    expect(walk(`{ ...f40 } fragment f0 on Query { a } ${chain}`)).toEqual({ a: 2 ** 40 });
  });

  it('ends a fragment cycle and ignores a spread of a fragment that is not defined', () => {
    expect(walk('{ ...f } fragment f on Query { a ...g } fragment g on Query { b ...f }')).toEqual({ a: 1, b: 1 });
    expect(walk('{ a ...missing ...constructor }')).toEqual({ a: 1 });
  });

  it('leaves out what @skip and @include leave out, given the variables', () => {
    const query =
      'query ($s: Boolean = false) { brands @skip(if: $s) { totalCount } devices @include(if: $s) { totalCount } ... @include(if: false) { chips { totalCount } } ...f @skip(if: true) } fragment f on Query { leica: brand(name: "Leica") { name } }';
    expect(walk(query, { variableValues: { s: true } })).toEqual({ devices: 1 });
    expect(walk(query, { variableValues: { s: false } })).toEqual({ brands: 1 });
  });

  it('walks every selection, directives aside, without variables', () => {
    const query =
      '{ brands @skip(if: true) { totalCount } ... @include(if: false) { chips { totalCount } } ...f @skip(if: true) } fragment f on Query { leica: brand(name: "Leica") { name } }';
    expect(walk(query)).toEqual({ brands: 1, chips: 1, 'leica:brand': 1 });
  });

  it('walks only the fragments whose type condition applies', () => {
    const appliesTo = (typeCondition: string | undefined) => typeCondition === undefined || typeCondition === 'Brand';
    expect(walk('{ ... on Brand { a } ... on Device { b } ... { c } ...f ...g } fragment f on Brand { d } fragment g on Chip { e }', { appliesTo })).toEqual({
      a: 1,
      c: 1,
      d: 1,
    });
  });
});
