import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Router } from 'express';
import { projectRoot } from '../config/config.js';

export const EXPLORER_PATH = '/explore';
/** Where `npm run build` (vite, from explorer/) puts the Explorer. */
const builtExplorer = path.join(projectRoot, 'dist', 'explorer');

/** The Explorer, its HTML and its hashed assets, which may be cached for good. */
export function explorerApp(): Router {
  const router = express.Router();
  const indexFile = path.join(builtExplorer, 'index.html');
  router.get(EXPLORER_PATH, (_req, res) => {
    if (!existsSync(indexFile)) {
      res.status(503).type('text/plain').send('The Explorer is not built: run `npm run build`.');
      return;
    }
    res.sendFile(indexFile, { headers: { 'cache-control': 'no-cache' } });
  });
  router.use(`${EXPLORER_PATH}/assets`, express.static(path.join(builtExplorer, 'assets'), { immutable: true, maxAge: '1y', fallthrough: false }));
  return router;
}
