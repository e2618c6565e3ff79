import type { RequestHandler } from 'express';
import pLimit from 'p-limit';

/** How many requests run and how many wait, for /metrics. */
export interface AdmissionState {
  running(): number;
  waiting(): number;
}

/**
 * Lets at most `concurrency` GraphQL requests run at once; the others wait their turn in arrival order. On a
 * saturated host every running request shares the CPU with all the others, so each of a mutation's statements
 * queues behind every read in Neo4j, and the slowest answers grow with the number of clients; in line, each runs
 * as on a calmer host (docs/reliability.md). A request keeps its turn until its handler has finished, even when
 * the deadline answered it first: its work still runs, and freeing the turn would let more in than the limit.
 * One the deadline answered while it waited never runs. `handler` is async (Apollo's is): its promise settles once
 * it has answered. p-limit keeps the line: maintained, one small dependency.
 */
export function admissionQueue(concurrency: number): { inTurn: (handler: RequestHandler) => RequestHandler; state: AdmissionState } {
  const limit = pLimit(concurrency);
  const inTurn =
    (handler: RequestHandler): RequestHandler =>
    (req, res, next) => {
      void limit(async () => {
        if (res.headersSent || res.destroyed) return;
        await handler(req, res, next);
      }).catch(next);
    };
  return { inTurn, state: { running: () => limit.activeCount, waiting: () => limit.pendingCount } };
}
