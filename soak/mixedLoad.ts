import { setTimeout as sleep } from 'node:timers/promises';
import { EDITOR_KEY, errorCodes, postGraphQL, type ServerProcess } from './serverProcess.js';

export interface MixedLoadOutcome {
  clients: number;
  seconds: number;
  requests: number;
  writes: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** The writes alone: they send several statements each, so they feel a crowd first. */
  writeP50Ms: number;
  writeP99Ms: number;
  errors: string[];
  /** Acknowledged writes that a read afterwards does not find. */
  writesNotReadBack: number;
}

const READS = [
  '{ brand(name: "Leica") { name partners { name } devices { name } } }',
  '{ brands(first: 20) { edges { node { name partnerCount } } pageInfo { hasNextPage } } }',
  '{ search(query: "xiaomi leica") { score node { id } } }',
  '{ devices(first: 10) { edges { node { name } } } }',
  '{ partnerHistory(brand: "Xiaomi") { id } }',
  '{ graph(id: "brand:leica", depth: 2) { nodes { id } } }',
];

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))]!;
}

/** `clients` clients send back to back for `seconds`: reads, and one write in ten (a brand of a unique name). */
export async function runMixedLoad(server: ServerProcess, options: { clients: number; seconds: number; writeShare: number }): Promise<MixedLoadOutcome> {
  const run = `Mixed ${Date.now().toString(36)}`;
  const latencies: number[] = [];
  const writeLatencies: number[] = [];
  const errors: string[] = [];
  const acknowledged: string[] = [];
  let writes = 0;
  const endAt = performance.now() + options.seconds * 1000;
  const started = performance.now();

  const client = async (index: number) => {
    for (let sequence = 0; performance.now() < endAt; sequence += 1) {
      const write = Math.random() < options.writeShare;
      const name = `${run} c${index} n${sequence}`;
      const body = write
        ? { query: 'mutation ($name: String!) { upsertBrand(input: { name: $name, roles: [PHONE_MAKER] }) { id } }', variables: { name } }
        : { query: READS[sequence % READS.length] };
      try {
        const answer = await postGraphQL(server.baseUrl, body, { key: write ? EDITOR_KEY : undefined });
        latencies.push(answer.ms);
        if (write) writeLatencies.push(answer.ms);
        const codes = errorCodes(answer);
        if (answer.status !== 200 || codes.length > 0) errors.push(`${answer.status} ${codes.join(',')}`);
        else if (write) acknowledged.push(name);
        if (write) writes += 1;
      } catch (error) {
        errors.push(`network: ${(error as Error).message}`);
        await sleep(100);
      }
    }
  };
  await Promise.all(Array.from({ length: options.clients }, (_, index) => client(index)));
  const elapsed = (performance.now() - started) / 1000;

  let writesNotReadBack = 0;
  for (const name of acknowledged) {
    const answer = await postGraphQL(server.baseUrl, { query: 'query ($name: String!) { brand(name: $name) { name } }', variables: { name } });
    if ((answer.body?.data as { brand: { name: string } | null } | undefined)?.brand?.name !== name) writesNotReadBack += 1;
  }
  latencies.sort((a, b) => a - b);
  writeLatencies.sort((a, b) => a - b);
  return {
    clients: options.clients,
    seconds: Math.round(elapsed),
    requests: latencies.length,
    writes,
    perSecond: Math.round((latencies.length / elapsed) * 10) / 10,
    p50Ms: Math.round(percentile(latencies, 0.5)),
    p99Ms: Math.round(percentile(latencies, 0.99)),
    writeP50Ms: Math.round(percentile(writeLatencies, 0.5)),
    writeP99Ms: Math.round(percentile(writeLatencies, 0.99)),
    errors,
    writesNotReadBack,
  };
}
