import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import { projectRoot } from '../src/config/config.js';
import { ADMIN_KEY, EDITOR_KEY } from './serverProcess.js';

/** One fuzzed HTTP request: a JSON body (or raw text) and the key it carries. */
export interface FuzzRequest {
  body: unknown;
  key: string | undefined;
}

export function loadSchema(): GraphQLSchema {
  return buildSchema(readFileSync(path.join(projectRoot, 'schema/schema.graphql'), 'utf8'));
}

const KNOWN_IDS = ['brand:leica', 'brand:xiaomi', 'device:xiaomi-12s-ultra', 'chip:snapdragon-8-gen-1', 'source:x', ''];
const KNOWN_NAMES = ['Leica', 'Xiaomi', 'Xiaomi 12S Ultra', 'leica', 'LEICA', 'Laica', '2206123'];

/** Strings that have broken parsers before: unicode, Lucene syntax, Cypher-ish text, odd days, very long text. */
const nastyString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom(...KNOWN_IDS, ...KNOWN_NAMES),
  fc.constantFrom('*', '?', '~', '"', '\\', 'a~1', 'AND OR NOT', '((((', 'x:y', '/regex/', '[a TO z]', '\u0000', '\ud800', '💥'),
  fc.constantFrom("' OR 1=1 //", '}) MATCH (n) DETACH DELETE n //', '$param', '`label`'),
  fc.constantFrom('2024-01-01', '2024-02-30', '2024-13-01', '2024', '2024-06', '0000-00-00', '-999999-01-01', '+275760-09-13', 'T', '2024-01-01T25:00:00Z'),
  fc.constantFrom('http://example.com/a', 'javascript:alert(1)', 'ftp://x', 'https://'),
  fc.integer({ min: 150, max: 6_000 }).map((length) => 'é'.repeat(length)),
  fc.integer({ min: 10_000, max: 300_000 }).map((length) => 'a '.repeat(length / 2)),
);

const nastyNumber: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: -5, max: 120 }),
  fc.integer(),
  fc.constantFrom(0, -1, 1e9, 2 ** 31, 2 ** 53, -(2 ** 53), 1.5, Number.MAX_SAFE_INTEGER),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

const anything: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  nastyNumber,
  nastyString,
  fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 5 })), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
);

/** A value for an input type: mostly of the right type, sometimes null or of any type at all. */
function valueFor(type: GraphQLInputType, depth: number): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return fc.oneof({ weight: 12, arbitrary: valueFor(type.ofType, depth) }, { weight: 1, arbitrary: fc.constant(null) });
  const wrong = { weight: 1, arbitrary: anything };
  if (isListType(type)) {
    const item = valueFor(type.ofType, depth + 1);
    return fc.oneof({ weight: 8, arbitrary: fc.array(item, { maxLength: depth > 2 ? 1 : 4 }) }, { weight: 2, arbitrary: item }, wrong);
  }
  if (isEnumType(type)) {
    const values = type.getValues().map((value) => value.name);
    return fc.oneof({ weight: 10, arbitrary: fc.constantFrom(...values) }, wrong);
  }
  if (isInputObjectType(type)) {
    if (depth > 3) return fc.constant(null);
    const fields = Object.values(type.getFields());
    const shape = Object.fromEntries(fields.map((field) => [field.name, valueFor(field.type, depth + 1)]));
    const required = fields.filter((field) => isNonNullType(field.type)).map((field) => field.name);
    return fc.oneof({ weight: 10, arbitrary: fc.record(shape, { requiredKeys: required }) }, { weight: 1, arbitrary: fc.record(shape) }, wrong);
  }
  switch (type.name) {
    case 'Int':
    case 'Float':
      return fc.oneof({ weight: 10, arbitrary: nastyNumber }, wrong);
    case 'Boolean':
      return fc.oneof({ weight: 10, arbitrary: fc.boolean() }, wrong);
    case 'JSONObject':
      return fc.oneof({ weight: 10, arbitrary: fc.object({ maxDepth: 2, maxKeys: 4 }) }, wrong);
    default:
      // String, ID, Date, DateTime and other scalars arrive as strings.
      return fc.oneof({ weight: 10, arbitrary: nastyString }, wrong);
  }
}

/** A GraphQL literal for a JSON value; wrong-typed values make documents validation must refuse. */
function literal(value: unknown, type: GraphQLInputType | undefined): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') {
    const named = type ? getNamedType(type) : undefined;
    return named && isEnumType(named) && /^[_A-Za-z]\w*$/.test(value) ? value : JSON.stringify(value);
  }
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '0';
  if (typeof value === 'boolean') return String(value);
  const unwrapped = type && isNonNullType(type) ? type.ofType : type;
  if (Array.isArray(value)) return `[${value.map((item) => literal(item, unwrapped && isListType(unwrapped) ? unwrapped.ofType : unwrapped)).join(', ')}]`;
  const inputType = unwrapped && isInputObjectType(unwrapped) ? unwrapped : undefined;
  const entries = Object.entries(value as Record<string, unknown>).filter(([key]) => /^[_A-Za-z]\w*$/.test(key));
  return `{${entries.map(([key, inner]) => `${key}: ${literal(inner, inputType?.getFields()[key]?.type)}`).join(', ')}}`;
}

/** Arguments of a field: required ones always (mostly), optional ones sometimes. */
function argumentsFor(args: readonly GraphQLArgument[]): fc.Arbitrary<Record<string, unknown>> {
  const shape = Object.fromEntries(args.map((arg) => [arg.name, valueFor(arg.type, 0)]));
  const required = args.filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined).map((arg) => arg.name);
  return fc.record(shape, { requiredKeys: required });
}

interface Selection {
  text: string;
  variables: Array<{ name: string; type: string; value: unknown }>;
}

/** A selection set of 1 to 3 fields of `type`, nested up to `depth`, with arguments inline or as variables. */
function selectionFor(type: GraphQLOutputType, depth: number, counter: { next: number }): fc.Arbitrary<Selection> {
  const named: GraphQLNamedType = getNamedType(type);
  if (isLeafType(named)) return fc.constant({ text: '', variables: [] });
  if (isUnionType(named) || depth <= 0) return fc.constant({ text: '{ __typename }', variables: [] });
  const fields = isObjectType(named) || isInterfaceType(named) ? Object.values(named.getFields()) : [];
  return fc
    .uniqueArray(fc.constantFrom(...fields), { minLength: 1, maxLength: 3, selector: (field) => field.name })
    .chain((chosen) => fc.tuple(...chosen.map((field) => fieldFor(field, depth - 1, counter))))
    .map((parts) => ({ text: `{ ${parts.map((part) => part.text).join(' ')} }`, variables: parts.flatMap((part) => part.variables) }));
}

function fieldFor(field: GraphQLField<unknown, unknown>, depth: number, counter: { next: number }): fc.Arbitrary<Selection> {
  return fc.tuple(argumentsFor(field.args), fc.boolean(), selectionFor(field.type, depth, counter)).map(([args, asVariables, inner]) => {
    const variables: Selection['variables'] = [];
    const parts = Object.entries(args).map(([name, value]) => {
      const arg = field.args.find((candidate) => candidate.name === name)!;
      if (!asVariables) return `${name}: ${literal(value, arg.type)}`;
      const variable = `v${counter.next++}`;
      variables.push({ name: variable, type: String(arg.type), value });
      return `${name}: $${variable}`;
    });
    const argumentText = parts.length > 0 ? `(${parts.join(', ')})` : '';
    return { text: `${field.name}${argumentText} ${inner.text}`, variables: [...variables, ...inner.variables] };
  });
}

/** A whole operation on one root field of Query or Mutation, with the key a caller of that field needs (usually). */
function operationFor(schema: GraphQLSchema): fc.Arbitrary<FuzzRequest> {
  const roots = [schema.getQueryType()!, schema.getMutationType()!].flatMap((root) =>
    Object.values(root.getFields()).map((field) => ({ kind: root === schema.getQueryType() ? 'query' : 'mutation', field })),
  );
  return fc.constantFrom(...roots).chain(({ kind, field }) => {
    const counter = { next: 0 };
    return fc.tuple(fieldFor(field, 2, counter), fc.constantFrom(ADMIN_KEY, ADMIN_KEY, EDITOR_KEY, undefined)).map(([selection, key]) => {
      const definitions = selection.variables.map((variable) => `$${variable.name}: ${variable.type}`).join(', ');
      const query = `${kind}${definitions ? `(${definitions})` : ''} { ${selection.text} }`;
      const variables = Object.fromEntries(selection.variables.map((variable) => [variable.name, variable.value]));
      return { body: { query, variables }, key };
    });
  });
}

/** Bodies that are not well-formed operations at all: junk documents, wrong JSON shapes, batches. */
const malformed: fc.Arbitrary<FuzzRequest> = fc
  .oneof(
    fc.string({ maxLength: 200 }).map((query) => ({ query })),
    fc
      .array(fc.constantFrom('{', '}', '(', ')', '...', 'on', 'query', 'brand', 'name:', '"x"', '$v', '@include', 'fragment', '#'), { maxLength: 60 })
      .map((tokens) => ({ query: tokens.join(' ') })),
    fc.record({ query: anything, variables: anything, operationName: anything }),
    fc.array(fc.record({ query: fc.constant('{ __typename }') }), { maxLength: 3 }),
    fc.integer({ min: 2_000, max: 20_000 }).map((count) => ({ query: `{ ${'__typename '.repeat(count)}}` })),
    fc.integer({ min: 50, max: 400 }).map((depth) => ({ query: `${'{ brand(name: "Leica") '.repeat(depth)}${'}'.repeat(depth)}` })),
    anything,
    fc.string({ maxLength: 50 }),
  )
  .map((body) => ({ body, key: undefined }));

/** Requests generated from the schema: mostly operations on its root fields, some malformed ones. */
export function fuzzRequests(schema: GraphQLSchema = loadSchema()): fc.Arbitrary<FuzzRequest> {
  return fc.oneof({ weight: 5, arbitrary: operationFor(schema) }, { weight: 1, arbitrary: malformed });
}
