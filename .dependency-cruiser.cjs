/**
 * The layers of src/, lowest first. A module may import from its own layer and the layers before it,
 * never from one after it: errors and config are leaves, model says what the graph is, store talks to
 * Neo4j, api is GraphQL, server is HTTP and WebSocket, and cli starts either. `npm run lint` runs this.
 */
const LAYERS = ['errors', 'config', 'model', 'store', 'api', 'server', 'cli'];

const upwardRules = LAYERS.slice(0, -1).map((layer, index) => ({
  name: `${layer}-imports-down-only`,
  comment: `src/${layer} may import only from ${LAYERS.slice(0, index).join(', ') || 'no other layer'}.`,
  severity: 'error',
  from: { path: `^src/${layer}/` },
  to: { path: `^src/(${LAYERS.slice(index + 1).join('|')})/` },
}));

module.exports = {
  forbidden: [
    ...upwardRules,
    {
      name: 'no-circular',
      comment: 'Modules do not import each other in a circle, types included.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'src-not-from-tools',
      comment: 'The product does not import its tests, benches or soak.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(tests|bench|soak)/' },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.d.ts'],
    },
  },
};
