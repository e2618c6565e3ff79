import type { IncomingMessage } from 'node:http';
import proxyaddr from 'proxy-addr';
import type { AppConfig } from '../config/config.js';

/**
 * The address a request came from, as rate limits and per-address caps count it: the socket's peer, or, behind
 * proxies TRUST_PROXY trusts, the client they name in X-Forwarded-For. The same rule as express's `trust proxy`
 * (app.ts sets both from one setting), for HTTP requests and WebSocket upgrades alike.
 */
export function clientAddressResolver(trustProxy: AppConfig['trustProxy']): (request: IncomingMessage) => string {
  const trusts = trustOf(trustProxy);
  return (request) => (request.socket.remoteAddress ? proxyaddr(request, trusts) : 'unknown');
}

function trustOf(trustProxy: AppConfig['trustProxy']): (address: string, hop: number) => boolean {
  if (trustProxy === true) return () => true;
  if (trustProxy === false) return () => false;
  if (typeof trustProxy === 'number') return (_address, hop) => hop < trustProxy;
  return proxyaddr.compile(trustProxy);
}
