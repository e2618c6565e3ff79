import helmet from 'helmet';
import type { RequestHandler } from 'express';

/**
 * Headers for every response, the HTML pages above all: a Content-Security-Policy that lets a page load
 * and call only this server, `nosniff`, no framing. Styles may be inline because GraphiQL and cytoscape
 * set style attributes; scripts may not. Images may be data: and blob: URLs, which a PNG export makes.
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // Served over plain HTTP on a laptop as often as behind TLS: HSTS is the proxy's business.
    strictTransportSecurity: false,
  });
}
