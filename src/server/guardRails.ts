import type { ApolloServerPlugin } from '@apollo/server';
import {
  getNamedType,
  getVariableValues,
  isLeafType,
  isListType,
  isNonNullType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import {
  ARGUMENT_CAPS,
  ASSUMED_LIST_SIZE,
  DEFAULT_ARGUMENT_CAPS,
  OPERATION_LIMITS,
  STRING_LIMITS,
  DEFAULT_PAGE_SIZE,
  type OperationMeasure,
} from '../config/limits.js';
import { LimitExceededError, TooLongError } from '../errors/errors.js';
import type { AppContext } from '../api/context.js';
import { CompiledDocuments } from '../store/reads/compiledDocuments.js';
import { selectedFields } from '../store/reads/selectionWalker.js';

export type { OperationMeasure };

/** Lists whose size their parent field already paid for: a connection's edges, a slice's nodes, a path's steps. */
const PRESIZED_LIST_PARENT = /Connection$|^GraphSlice$|^Path$/;

/**
 * Measures an operation the way the guard rails judge it, and throws for the first limit it breaks:
 * a string argument over its length (BAD_USER_INPUT), a size argument over its cap, then depth,
 * aliases and complexity (LIMIT_EXCEEDED).
 * Pure: it reads the document, the schema and the variables, never the database. Null when the
 * variables do not fit the operation.
 */
export function checkOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | null | undefined,
): OperationMeasure | null {
  const operation = selectedOperation(document, operationName);
  // Execution rejects bad variables as BAD_USER_INPUT before any resolver runs; nothing to measure.
  if (getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}).errors) return null;
  const { depth, aliases } = shapeOf(operation.selectionSet, fragmentsOf(document), new Map());
  const complexity = getComplexity({
    schema,
    query: document,
    variables: variables ?? {},
    ...(operationName ? { operationName } : {}),
    estimators: [cappedArgumentsEstimator, objectCountEstimator],
  });
  exceeding('depth', OPERATION_LIMITS.depth, depth);
  exceeding('aliases', OPERATION_LIMITS.aliases, aliases);
  exceeding('complexity', OPERATION_LIMITS.complexity, complexity);
  return { depth, aliases, complexity };
}

/**
 * Apollo plugin: judges each operation once it is parsed, validated and resolved, before execution. With
 * `compiled`, a document asked again with the same variables is not measured again: its measure, and the
 * plans its root fields make, are kept there, and the request's loaders are handed its entry.
 */
export function guardRailsPlugin(onMeasured?: (measure: OperationMeasure) => void, compiled?: CompiledDocuments): ApolloServerPlugin<AppContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, operationName, contextValue }) {
          const source = request.query ?? document.loc?.source.body;
          const entry = compiled && source !== undefined ? compiled.entry(CompiledDocuments.key(source, operationName, request.variables)) : undefined;
          let measure = entry?.measure;
          if (measure === undefined) {
            // Throws for a limit broken: nothing is kept, and the same document is judged again next time.
            measure = checkOperation(schema, document, request.variables, operationName);
            if (entry) {
              entry.measure = measure;
              compiled!.built.measures += 1;
            }
          }
          if (measure) onMeasured?.(measure);
          if (entry) contextValue.loaders.relationships.useCompiled(entry, compiled!.built);
        },
      };
    },
  };
}

function exceeding(limit: string, max: number, actual: number): void {
  if (actual > max) throw new LimitExceededError(limit, max, actual);
}

/**
 * Never returns a cost: it only stops a string longer than its limit, anywhere in the arguments, and
 * a size argument over its cap (variables and defaults applied).
 */
const cappedArgumentsEstimator: ComplexityEstimator = ({ type, field, args }) => {
  for (const [argument, value] of Object.entries(args)) checkStringLengths(argument, argument, value);
  const caps = ARGUMENT_CAPS[`${type.name}.${field.name}`] ?? DEFAULT_ARGUMENT_CAPS;
  for (const [argument, max] of Object.entries(caps)) {
    const value: unknown = args[argument];
    if (typeof value === 'number') exceeding(`${type.name}.${field.name}.${argument}`, max, value);
  }
};

/**
 * Walks an argument's value, lists and input objects included; `name` is the innermost field name,
 * `path` names the value as the editing layer does (`input.aliases.1`).
 */
function checkStringLengths(path: string, name: string, value: unknown): void {
  if (typeof value === 'string') {
    const max = STRING_LIMITS.byName[name] ?? STRING_LIMITS.default;
    if (value.length > max) throw new TooLongError(path, max, value.length);
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => checkStringLengths(`${path}.${index}`, name, item));
  } else if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    for (const [key, inner] of Object.entries(value)) checkStringLengths(`${path}.${key}`, key, inner);
  }
}

/**
 * The cost of a field is the number of objects it may return: a connection is one object plus
 * `first` times what each edge selects; `limit` or `first` items elsewhere (graph, search,
 * paths); ASSUMED_LIST_SIZE items for a plain relationship list; one for a single object; each
 * item counting one plus its own children. Scalars and introspection cost nothing.
 */
const objectCountEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  if (field.name.startsWith('__') || isLeafType(getNamedType(field.type))) return 0;
  if (getNamedType(field.type).name.endsWith('Connection')) return 1 + pageSizeOf(args) * childComplexity;
  return itemsOf(type.name, field, args) * (1 + childComplexity);
};

function pageSizeOf(args: Record<string, unknown>): number {
  if (typeof args.first === 'number') return args.first;
  return typeof args.last === 'number' ? args.last : DEFAULT_PAGE_SIZE;
}

function itemsOf(parentType: string, field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number {
  if (typeof args.limit === 'number') return args.limit;
  if (field.args.some((argument) => argument.name === 'first')) return pageSizeOf(args);
  const unwrapped = isNonNullType(field.type) ? field.type.ofType : field.type;
  if (!isListType(unwrapped) || PRESIZED_LIST_PARENT.test(parentType)) return 1;
  return ASSUMED_LIST_SIZE;
}

type Shape = { depth: number; aliases: number };

/**
 * Depth and alias count of a selection set, fragments expanded; introspection is exempt. Aliases count once per
 * expansion of the fragment that holds them. A field's shape does not depend on where it is selected, so each is
 * measured once (`measured`): 26 fragments each spreading the previous twice would otherwise be walked 2^26 times.
 * No variables are given to the walker, so fields that @skip or @include leave out are measured too: a document's
 * shape is judged as written, the same whatever variables turn parts of it off, as it always has been.
 */
function shapeOf(selectionSet: SelectionSetNode, fragments: Record<string, FragmentDefinitionNode>, measured: Map<FieldNode, Shape>): Shape {
  let depth = 0;
  let aliases = 0;
  for (const [field, times] of selectedFields([selectionSet], { fragments })) {
    if (field.name.value.startsWith('__')) continue;
    let inner = measured.get(field);
    if (!inner) {
      inner = field.selectionSet ? shapeOf(field.selectionSet, fragments, measured) : { depth: 0, aliases: 0 };
      measured.set(field, inner);
    }
    depth = Math.max(depth, inner.depth + 1);
    aliases += times * (inner.aliases + (field.alias ? 1 : 0));
  }
  return { depth, aliases };
}

/**
 * Selections of the document's largest operation with its fragments expanded, the count Apollo's
 * maxRecursiveSelections caps over HTTP: each fragment is counted once and multiplied by its spreads, so the count
 * costs one walk of the document however far it would expand. Runs before validation, so a fragment cycle counts
 * as nothing here (validation refuses it next).
 */
export function recursiveSelections(document: DocumentNode): number {
  const fragments = fragmentsOf(document);
  const counted = new Map<string, number | null>();
  const countFragment = (name: string): number => {
    const known = counted.get(name);
    if (known !== undefined) return known ?? 0;
    const fragment = fragments[name];
    if (!fragment) return 0;
    counted.set(name, null);
    const count = countSet(fragment.selectionSet);
    counted.set(name, count);
    return count;
  };
  const countSet = (selectionSet: SelectionSetNode): number => {
    let count = 0;
    for (const selection of selectionSet.selections) {
      count += 1;
      if (selection.kind === Kind.FRAGMENT_SPREAD) count += countFragment(selection.name.value);
      else if (selection.selectionSet) count += countSet(selection.selectionSet);
      // Past any cap: stop adding, so a number never grows past what a double holds exactly.
      if (count > Number.MAX_SAFE_INTEGER / 4) return count;
    }
    return count;
  };
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  return Math.max(0, ...operations.map((operation) => countSet(operation.selectionSet)));
}

function selectedOperation(document: DocumentNode, operationName: string | null | undefined): OperationDefinitionNode {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  // Apollo resolves the operation before this runs, so one of them matches.
  return operations.find((operation) => !operationName || operation.name?.value === operationName) ?? operations[0]!;
}

/** The document's fragments by name, in an object without a prototype: a spread of `...constructor` finds nothing. */
function fragmentsOf(document: DocumentNode): Record<string, FragmentDefinitionNode> {
  const definitions = document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION);
  return Object.assign(
    Object.create(null) as Record<string, FragmentDefinitionNode>,
    Object.fromEntries(definitions.map((fragment) => [fragment.name.value, fragment])),
  );
}
