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

/**
 * Whether a WebSocket upgrade may go on, by its Origin header. No Origin: not a browser, so no page can be riding on
 * its user's network position; allowed. A browser page may connect from our own origin (the IDE and the Explorer),
 * from an origin named in CORS_ORIGINS, or from any origin when the list holds `*` (subscriptions only read).
 */
export function originMayConnect(allowedOrigins: readonly string[]): (origin: string | undefined, host: string | undefined) => boolean {
  const named = new Set(allowedOrigins.filter((origin) => origin !== '*'));
  const anyone = allowedOrigins.includes('*');
  return (origin, host) => {
    if (origin === undefined || anyone || named.has(origin)) return true;
    try {
      return host !== undefined && new URL(origin).host === host;
    } catch {
      return false;
    }
  };
}
