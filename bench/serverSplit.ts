import type { StatementTiming } from './contestants.js';
import { round } from './load.js';
import { median } from './stats.js';

/** One request's statements, run one after another; each resolves with its timing. */
export type TimedRequest = Array<() => Promise<StatementTiming>>;

/** Per request (its statements summed), the median over the samples. */
export interface ServerSplit {
  samples: number;
  resultAvailableAfterMs: number;
  resultConsumedAfterMs: number;
  /** Wall time around the statements in the sending process; minus the two above: Bolt, the driver and decoding. */
  driverMs: number;
}

/** Sums the timings of one request's statements. */
export function sumTimings(timings: StatementTiming[]): StatementTiming {
  return timings.reduce(
    (sum, timing) => ({
      resultAvailableAfterMs: sum.resultAvailableAfterMs + timing.resultAvailableAfterMs,
      resultConsumedAfterMs: sum.resultConsumedAfterMs + timing.resultConsumedAfterMs,
      driverMs: sum.driverMs + timing.driverMs,
    }),
    { resultAvailableAfterMs: 0, resultConsumedAfterMs: 0, driverMs: 0 },
  );
}

/** The median of each figure over per-request sums. */
export function summarizeSplit(perRequest: StatementTiming[]): ServerSplit {
  return {
    samples: perRequest.length,
    resultAvailableAfterMs: round(median(perRequest.map((t) => t.resultAvailableAfterMs))),
    resultConsumedAfterMs: round(median(perRequest.map((t) => t.resultConsumedAfterMs))),
    driverMs: round(median(perRequest.map((t) => t.driverMs))),
  };
}

/**
 * Sends `requests` (cycled: one per variant) one at a time, `samples` times after one unmeasured pass,
 * and returns the median split per request. Concurrency 1: this is where a request's time goes when
 * nothing queues.
 */
export async function measureSplit(requests: TimedRequest[], samples: number): Promise<ServerSplit> {
  const send = async (request: TimedRequest) => {
    const timings: StatementTiming[] = [];
    for (const statement of request) timings.push(await statement());
    return sumTimings(timings);
  };
  for (const request of requests) await send(request);
  const perRequest: StatementTiming[] = [];
  for (let index = 0; index < samples; index += 1) perRequest.push(await send(requests[index % requests.length]!));
  return summarizeSplit(perRequest);
}
