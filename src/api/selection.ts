import type { GraphQLResolveInfo } from 'graphql';
import { selectedFields } from '../store/reads/selectionWalker.js';

type SelectionInfo = Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments' | 'variableValues'>;

/**
 * Whether the query selects `fieldName` directly below the field being resolved, through fragments
 * too, and not left out by @skip or @include. Lets a resolver skip work, such as counting, whose result
 * nobody asked for.
 */
export function selectsField(info: SelectionInfo, fieldName: string): boolean {
  const selectionSets = info.fieldNodes.map((node) => node.selectionSet);
  const fields = selectedFields(selectionSets, { fragments: info.fragments, variableValues: info.variableValues });
  return [...fields.keys()].some((field) => field.name.value === fieldName);
}

/** Whether a connection's totalCount is selected, so the count can be skipped when it is not. */
export function selectsTotalCount(info: SelectionInfo): boolean {
  return selectsField(info, 'totalCount');
}
