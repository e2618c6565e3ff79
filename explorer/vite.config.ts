import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The Explorer page: built into dist/explorer, served by the API at /explore (src/server/explorerApp.ts). */
export default defineConfig({
  root: here,
  base: '/explore/',
  // The automatic JSX runtime, so components need no React import.
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: path.join(here, '..', 'dist', 'explorer'),
    emptyOutDir: true,
    // A tool page: one script, one stylesheet; no source maps shipped.
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
  },
  logLevel: 'warn',
});
