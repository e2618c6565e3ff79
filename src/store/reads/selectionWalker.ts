import {
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  getDirectiveValues,
  type FieldNode,
  type FragmentDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';

/** How to walk a selection: the read planner, the API's selection checks and the guard rails all walk with this. */
export interface WalkOptions {
  readonly fragments: Readonly<Record<string, FragmentDefinitionNode>>;
  /**
   * The operation's variables: a selection that @skip or @include leaves out is not walked, as execution decides
   * it. Absent: every selection is walked, directives aside (the guard rails measure the document as written).
   */
  readonly variableValues?: Readonly<Record<string, unknown>>;
  /** Whether a fragment with this type condition (undefined for an inline fragment without one) is walked; all when absent. */
  readonly appliesTo?: (typeCondition: string | undefined) => boolean;
}

/**
 * The fields selected directly in `selectionSets`, through inline fragments and named fragment spreads, in the
 * order execution meets them, each with how many times the selection holds it: a fragment spread twice counts its
 * fields twice. Each named fragment is walked once per call and its count reused at every spread, so fragments
 * that each spread the previous twice cost one walk, not 2^n; a fragment spread inside itself counts as nothing
 * there, so a cycle ends (validation refuses cycles anyway).
 */
export function selectedFields(selectionSets: readonly (SelectionSetNode | undefined)[], options: WalkOptions): Map<FieldNode, number> {
  const ofFragment = new Map<string, Map<FieldNode, number> | null>();
  const fragmentFields = (name: string): Map<FieldNode, number> | undefined => {
    const known = ofFragment.get(name);
    if (known !== undefined) return known ?? undefined;
    const fragment = Object.hasOwn(options.fragments, name) ? options.fragments[name] : undefined;
    if (!fragment || !applies(options, fragment.typeCondition.name.value)) return undefined;
    ofFragment.set(name, null);
    const fields = new Map<FieldNode, number>();
    walk(fragment.selectionSet, fields, 1);
    ofFragment.set(name, fields);
    return fields;
  };
  const walk = (selectionSet: SelectionSetNode | undefined, into: Map<FieldNode, number>, times: number): void => {
    for (const selection of selectionSet?.selections ?? []) {
      if (!isIncluded(selection, options.variableValues)) continue;
      switch (selection.kind) {
        case Kind.FIELD:
          into.set(selection, (into.get(selection) ?? 0) + times);
          break;
        case Kind.INLINE_FRAGMENT:
          if (applies(options, selection.typeCondition?.name.value)) walk(selection.selectionSet, into, times);
          break;
        case Kind.FRAGMENT_SPREAD:
          for (const [field, count] of fragmentFields(selection.name.value) ?? []) into.set(field, (into.get(field) ?? 0) + count * times);
          break;
      }
    }
  };
  const fields = new Map<FieldNode, number>();
  for (const selectionSet of selectionSets) walk(selectionSet, fields, 1);
  return fields;
}

function applies(options: WalkOptions, typeCondition: string | undefined): boolean {
  return options.appliesTo?.(typeCondition) ?? true;
}

/** Whether @skip and @include keep a selection, as GraphQL execution decides it; always, without variables. */
function isIncluded(node: SelectionNode, variableValues: WalkOptions['variableValues']): boolean {
  if (variableValues === undefined) return true;
  if (getDirectiveValues(GraphQLSkipDirective, node, variableValues)?.if === true) return false;
  if (getDirectiveValues(GraphQLIncludeDirective, node, variableValues)?.if === false) return false;
  return true;
}
