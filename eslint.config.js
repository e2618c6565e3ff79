// @ts-check
// ESLint with typescript-eslint's type-checked recommended rules over everything TypeScript in the repo.
// Formatting is Prettier's job (npm run lint runs both); dependency-cruiser checks the layers.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
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
);
