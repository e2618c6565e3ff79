import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import { isIncluded } from '../store/reads/read.js';

type SelectionInfo = Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments' | 'variableValues'>;

/**
 * Whether the query selects `fieldName` directly below the field being resolved, through fragments
 * too, and not left out by @skip or @include. Lets a resolver skip work, such as counting, whose result
 * nobody asked for.
 */
export function selectsField(info: SelectionInfo, fieldName: string): boolean {
  const visit = (selectionSet: SelectionSetNode | undefined): boolean =>
    (selectionSet?.selections ?? []).some((selection) => {
      if (!isIncluded(selection, info.variableValues)) return false;
      switch (selection.kind) {
        case Kind.FIELD:
          return selection.name.value === fieldName;
        case Kind.INLINE_FRAGMENT:
          return visit(selection.selectionSet);
        case Kind.FRAGMENT_SPREAD:
          return visit(info.fragments[selection.name.value]?.selectionSet);
      }
    });
  return info.fieldNodes.some((node) => visit(node.selectionSet));
}

/** Whether a connection's totalCount is selected, so the count can be skipped when it is not. */
export function selectsTotalCount(info: SelectionInfo): boolean {
  return selectsField(info, 'totalCount');
}
