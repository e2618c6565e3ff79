// @ts-check
// ESLint with typescript-eslint's type-checked recommended rules over everything TypeScript in the repo.
// Formatting is Prettier's job (npm run lint runs both); dependency-cruiser checks the layers.
import js from '@eslint/js';
import graphql from '@graphql-eslint/eslint-plugin';
import tseslint from 'typescript-eslint';

const SCRIPTS = ['**/*.ts', '**/*.tsx', '**/*.js'];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'explorer/dist/**',
      'neo4j-launcher/**',
      'bench/results/**',
      'data/**',
      '**/*.mjs',
      '**/*.cjs',
      'eslint.config.js',
      'tests/clients/relay/src/__generated__/**',
      'explorer/src/generated/**',
    ],
  },
  { ...js.configs.recommended, files: SCRIPTS },
  ...tseslint.configs.recommendedTypeChecked.map((config) => ({ ...config, files: SCRIPTS })),
  {
    files: SCRIPTS,
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Apollo's plugin hooks and async iterators are typed to return promises, so an async method
      // without an await is the interface, not a slip.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Tests, benches and the soak read untyped JSON answers from HTTP and WebSocket; typing every body
    // would restate the schema in each file. The product code (src/) keeps these rules.
    files: ['tests/**', 'bench/**', 'soak/**'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
  {
    // The Explorer's operations (/* GraphQL */ strings), linted as a client's against the schema with graphql-eslint's
    // recommended operation rules: a deprecated (no-deprecated), unknown or misplaced field or an anonymous operation
    // fails here, before any request does.
    files: ['explorer/src/**/*.ts', 'explorer/src/**/*.tsx'],
    processor: graphql.processor,
  },
  {
    files: ['explorer/src/**/*.graphql'],
    languageOptions: {
      parser: graphql.parser,
      parserOptions: { graphQLConfig: { schema: 'schema/schema.graphql', documents: ['explorer/src/**/*.ts', '!explorer/src/generated/**'] } },
    },
    plugins: { '@graphql-eslint': graphql },
    rules: {
      ...graphql.configs['flat/operations-recommended'].rules,
      // ExplorerSlice is spread by ExplorerView, which api.ts puts together at run time (one alias per opened node).
      '@graphql-eslint/no-unused-fragments': 'off',
    },
  },
  {
    // The emitted schema, as client developers and their tools read it (issue 21): every element described,
    // Relay's connection, edge, page-info and argument conventions, and ids typed ID.
    files: ['schema/schema.graphql'],
    languageOptions: { parser: graphql.parser, parserOptions: { graphQLConfig: { schema: 'schema/schema.graphql' } } },
    plugins: { '@graphql-eslint': graphql },
    rules: {
      '@graphql-eslint/require-description': [
        'error',
        {
          types: true,
          rootField: true,
          FieldDefinition: true,
          InputValueDefinition: true,
          EnumValueDefinition: true,
          DirectiveDefinition: true,
          // Query, Mutation and Subscription are named by the GraphQL spec for what they are; every field of them is described.
          ignoredSelectors: ['ObjectTypeDefinition[name.value=/^(Query|Mutation|Subscription)$/]'],
        },
      ],
      '@graphql-eslint/relay-connection-types': 'error',
      // Edges need not implement Node (a relationship edge is a claim, not an entity), and plain lists such as
      // `aliases: [String!]!` are not connections, so lists may wrap other types than edges.
      '@graphql-eslint/relay-edge-types': ['error', { withEdgeSuffix: true, shouldImplementNode: false, listTypeCanWrapOnlyEdgeType: false }],
      '@graphql-eslint/relay-page-info': 'error',
      '@graphql-eslint/relay-arguments': ['error', { includeBoth: true }],
      // Connections, edges and the values below are not things a cache normalises by id: they are parts of
      // the answer of the field that returns them (a page, a slice, a path, a hit, an event, a count, a spec
      // value under its device, a valid-time claim or span under its subject).
      '@graphql-eslint/strict-id-in-types': [
        'error',
        {
          acceptedIdNames: ['id'],
          acceptedIdTypes: ['ID'],
          exceptions: {
            suffixes: ['Connection', 'Edge'],
            types: [
              'ClaimChanged',
              'GraphChange',
              'GraphSlice',
              'LeakRecorded',
              'PageInfo',
              'PartialDate',
              'PartnershipStat',
              'Path',
              'SearchHit',
              'Spec',
              'ValidSpan',
              'ValidTime',
            ],
          },
        },
      ],
      '@graphql-eslint/require-deprecation-reason': 'error',
    },
  },
);
