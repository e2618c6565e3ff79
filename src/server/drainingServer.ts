import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * How long open keep-alive connections stay open after the last request once draining starts. A
 * client may be writing its next request on one at the moment we would close it; that request
 * would be lost without an answer. Kept open, it is served, and its answer closes the connection.
 */
const LINGER_MS = 500;
const POLL_MS = 25;

export interface DrainResult {
  /** Requests still unanswered when the grace period ran out; their connections were closed. */
  unfinished: number;
}

/**
 * An HTTP server that stops without dropping a request: `drain` stops accepting connections, serves
 * what arrives on the open ones with `Connection: close`, and waits for every request in flight.
 */
export class DrainingServer extends http.Server {
  private readonly unanswered = new Set<http.ServerResponse>();
  private draining = false;
  private lastRequestAt = 0;
  private openConnections = 0;

  constructor(handler: http.RequestListener) {
    super();
    this.on('connection', (socket) => {
      this.openConnections += 1;
      socket.once('close', () => (this.openConnections -= 1));
    });
    this.on('request', (_request: http.IncomingMessage, response: http.ServerResponse) => {
      this.unanswered.add(response);
      this.lastRequestAt = performance.now();
      if (this.draining) response.setHeader('connection', 'close');
      response.once('close', () => this.unanswered.delete(response));
    });
    this.on('request', handler);
  }

  /** Requests received and not yet answered. */
  get requestsInFlight(): number {
    return this.unanswered.size;
  }

  /** Node's close() closes idle keep-alive connections at once; while draining they linger instead. */
  override closeIdleConnections(): void {
    if (!this.draining) super.closeIdleConnections();
  }

  async drain(graceMs: number): Promise<DrainResult> {
    this.draining = true;
    // Answers still to come close their connection too, so no client sends another request on it.
    for (const response of this.unanswered) if (!response.headersSent) response.setHeader('connection', 'close');
    const closed = new Promise<void>((resolve) => this.close(() => resolve()));
    const deadline = performance.now() + graceMs;
    const busy = () => this.unanswered.size > 0 || (this.openConnections > 0 && performance.now() - this.lastRequestAt < LINGER_MS);
    while (performance.now() < deadline) {
      if (busy()) {
        await sleep(POLL_MS);
        continue;
      }
      // After a stalled event loop the timer runs before the sockets are read: look once more after an I/O phase,
      // or a request already sent on an idle connection would be cut off unread.
      await new Promise((resolve) => setImmediate(resolve));
      if (!busy()) break;
    }
    const unfinished = this.unanswered.size;
    this.draining = false;
    this.closeIdleConnections();
    if (unfinished > 0) this.closeAllConnections();
    await closed;
    return { unfinished };
  }
}
