import { createRequire } from 'node:module';
import path from 'node:path';
import express, { type Router } from 'express';

const require = createRequire(import.meta.url);

/** Browser assets of the IDE, served from node_modules so it works with no internet. */
const packageFile = (pkg: string, file: string) => path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file);
const ASSETS: Record<string, string> = {
  'react.production.min.js': packageFile('react', 'umd/react.production.min.js'),
  'react-dom.production.min.js': packageFile('react-dom', 'umd/react-dom.production.min.js'),
  'graphiql.min.js': packageFile('graphiql', 'graphiql.min.js'),
  'graphiql.min.css': packageFile('graphiql', 'graphiql.min.css'),
  'plugin-explorer.umd.js': packageFile('@graphiql/plugin-explorer', 'dist/index.umd.js'),
  'plugin-explorer.css': packageFile('@graphiql/plugin-explorer', 'dist/style.css'),
};

const EXAMPLE_QUERY = `# Which brands has Leica partnered with, and when?
query LeicaPartners {
  brand(name: "Leica") {
    name
    partnershipsConnection {
      edges {
        confidence
        node { kind announcedOn startedOn brands { name } }
        sources { title author publishedOn }
      }
    }
  }
}
`;

export const IDE_PATH = '/graphql';
/** The checked-in SDL, for tools and for the IDE, which needs it when introspection is off. */
export const SDL_PATH = `${IDE_PATH}/schema.graphql`;
const ASSET_PATH = '/ide-assets';
const START_SCRIPT = 'start-graphiql.js';

/**
 * Runs in the browser. A file of its own rather than an inline script, so the page's Content-Security-Policy
 * can forbid inline scripts. The IDE gets the schema from the SDL, never from introspection.
 */
const startScript = `
fetch(${JSON.stringify(SDL_PATH)})
  .then((response) => {
    if (!response.ok) throw new Error('The schema could not be loaded: HTTP ' + response.status);
    return response.text();
  })
  .then((sdl) => {
    // Subscriptions go over graphql-ws on the same path; the header editor's headers become its connection_init payload.
    const fetcher = GraphiQL.createFetcher({
      url: window.location.origin + ${JSON.stringify(IDE_PATH)},
      subscriptionUrl: window.location.origin.replace(/^http/, 'ws') + ${JSON.stringify(IDE_PATH)},
    });
    ReactDOM.createRoot(document.getElementById('graphiql')).render(
      React.createElement(GraphiQL, {
        fetcher,
        schema: GraphiQL.GraphQL.buildSchema(sdl),
        plugins: [GraphiQLPluginExplorer.explorerPlugin()],
        defaultQuery: ${JSON.stringify(EXAMPLE_QUERY)},
      }),
    );
  })
  .catch((error) => {
    document.getElementById('graphiql').textContent = String(error.message || error);
  });
`;

export function graphiqlAssets(): Router {
  const router = express.Router();
  for (const [name, file] of Object.entries(ASSETS)) {
    router.get(`${ASSET_PATH}/${name}`, (_req, res) => {
      res.sendFile(file, { maxAge: '1d' });
    });
  }
  router.get(`${ASSET_PATH}/${START_SCRIPT}`, (_req, res) => {
    res.type('text/javascript').send(startScript);
  });
  return router;
}

export function graphiqlHtml(): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Partnergraph · GraphiQL</title>
  <link rel="icon" href="data:,">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <link rel="stylesheet" href="${ASSET_PATH}/graphiql.min.css">
  <link rel="stylesheet" href="${ASSET_PATH}/plugin-explorer.css">
  <style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
  <div id="graphiql">Loading the GraphQL IDE…</div>
  <script src="${ASSET_PATH}/react.production.min.js"></script>
  <script src="${ASSET_PATH}/react-dom.production.min.js"></script>
  <script src="${ASSET_PATH}/graphiql.min.js"></script>
  <script src="${ASSET_PATH}/plugin-explorer.umd.js"></script>
  <script src="${ASSET_PATH}/${START_SCRIPT}"></script>
</body>
</html>`;
}
