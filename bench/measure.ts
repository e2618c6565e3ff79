import type { Call } from './contestants.js';

export interface Measurement {
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  rps: number;
  requests: number;
  /** Requests of the unmeasured warm-up before it. */
  warmupRequests: number;
  errors: number;
}

/** Called right before the timed window opens and right after its last request is answered (e.g. to sample CPU). */
export interface WindowHooks {
  opened(): void;
  closed(): void;
}

/**
 * Runs `calls` (cycled: one per operation variant) from `concurrency` workers for `seconds`, after an
 * unmeasured warm-up of `warmupSeconds`. Each worker sends its next request as soon as the previous
 * answer is in (a closed loop), so throughput is what the contestant sustains at that concurrency.
 * The warm-up's requests are all answered before the window opens, and the window closes when the
 * last of its own is, so everything done between `opened` and `closed` is for the counted requests.
 */
export async function measure(calls: Call[], concurrency: number, seconds: number, warmupSeconds: number, hooks?: WindowHooks): Promise<Measurement> {
  const warmup = warmupSeconds > 0 ? await run(calls, concurrency, warmupSeconds * 1000) : { latencies: [], errors: [] };
  hooks?.opened();
  const started = performance.now();
  const { latencies, errors } = await run(calls, concurrency, seconds * 1000);
  const elapsedSeconds = (performance.now() - started) / 1000;
  hooks?.closed();
  latencies.sort((a, b) => a - b);
  return {
    p50Ms: percentile(latencies, 0.5),
    p95Ms: percentile(latencies, 0.95),
    p99Ms: percentile(latencies, 0.99),
    rps: Math.round((latencies.length / elapsedSeconds) * 10) / 10,
    requests: latencies.length,
    warmupRequests: warmup.latencies.length + warmup.errors.length,
    errors: errors.length,
  };
}

async function run(calls: Call[], concurrency: number, durationMs: number) {
  const latencies: number[] = [];
  const errors: unknown[] = [];
  const end = performance.now() + durationMs;
  let next = 0;
  const worker = async () => {
    // At least one request per worker, so a tiny --seconds still exercises every contestant.
    do {
      const call = calls[next++ % calls.length]!;
      const started = performance.now();
      try {
        await call();
        latencies.push(performance.now() - started);
      } catch (error) {
        errors.push(error);
      }
    } while (performance.now() < end);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  if (errors.length > 0 && latencies.length === 0) throw errors[0];
  return { latencies, errors };
}

/** Nearest-rank percentile of sorted values, in ms with two decimals. */
export function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return Math.round(sorted[index]! * 100) / 100;
}
