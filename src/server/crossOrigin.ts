import cors, { type CorsOptions } from 'cors';
import type { RequestHandler } from 'express';

const READ_HEADERS = ['content-type', 'apollo-require-preflight'];
/** Pages of a named origin may also send an API key, and so write. */
const NAMED_ORIGIN_HEADERS = [...READ_HEADERS, 'authorization'];
const NOT_ALLOWED: CorsOptions = { origin: false };

/**
 * CORS for the API, from CORS_ORIGINS. No entry: same-origin only (no CORS headers at all). An origin
 * named in the list gets its own origin back and may send `authorization`; `*` lets any other page
 * read, without `authorization`, so a key can be sent only from a page its owner listed.
 */
export function crossOriginPolicy(allowedOrigins: readonly string[]): RequestHandler {
  const named = new Set(allowedOrigins.filter((origin) => origin !== '*'));
  const anyoneMayRead = allowedOrigins.includes('*');
  return cors((req, callback) => {
    const origin = req.headers.origin;
    if (origin !== undefined && named.has(origin)) {
      callback(null, { origin, methods: ['GET', 'POST'], allowedHeaders: NAMED_ORIGIN_HEADERS, maxAge: 600 });
    } else if (anyoneMayRead) {
      callback(null, { origin: '*', methods: ['GET', 'POST'], allowedHeaders: READ_HEADERS, maxAge: 600 });
    } else {
      callback(null, NOT_ALLOWED);
    }
  });
}
