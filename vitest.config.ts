import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // esbuild emits no decorator metadata, which TypeGraphQL needs to infer field types.
  plugins: [swc.vite({ module: { type: 'es6' } })],
  // Without the alias vite loads graphql's ESM and CJS builds side by side ("another module or realm").
  resolve: { alias: { graphql: 'graphql/index.js' } },
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/globalSetup.ts'],
    setupFiles: ['tests/setup.ts'],
    // One embedded Neo4j serves the whole run; test files share it, so run them one at a time.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 600_000,
  },
});
