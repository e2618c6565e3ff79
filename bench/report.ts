import type { Measurement } from './measure.js';
import type { ContestantName } from './contestants.js';

export interface OperationResult {
  name: string;
  description: string;
  concurrency: number;
  roundTrips: number;
  /**
   * Where ours spends its time: Cypher time summed over its statements per request (statements of one
   * request may overlap), and the database hits of our statements and of the raw one (PROFILE, first variant).
   */
  profile: { oursCypherMsPerRequest: number; oursDbHits: number; rawDbHits: number };
  contestants: Record<ContestantName, Measurement | null>;
  neo4jGraphqlUnsupported?: string;
}

interface ReportRow {
  name: string;
  concurrency: number;
  roundTrips: number;
  profile: OperationResult['profile'];
  contestants: Record<string, Pick<Measurement, 'p50Ms' | 'p95Ms' | 'p99Ms' | 'rps'> | null>;
  ratios: { oursToRawP50: number | null; oursToPeerP50: number | null; oursToPeerRps: number | null };
}

const cell = (m: ReportRow['contestants'][string]) => (m ? `${m.p50Ms} / ${m.p95Ms} / ${m.p99Ms} ms, ${m.rps} rps` : 'n/a');
const ratio = (value: number | null) => (value === null ? 'n/a' : value.toFixed(2));

/** The three-way table as Markdown: what docs/benchmarks.md shows. */
export function markdownTable(rows: ReportRow[]): string {
  const lines = [
    '| operation | c | round trips (ours) | ours p50 / p95 / p99, rps | raw Cypher p50 / p95 / p99, rps | @neo4j/graphql p50 / p95 / p99, rps | ours/raw p50 | ours/peer p50 | ours/peer rps |',
    '|---|---:|---:|---|---|---|---:|---:|---:|',
  ];
  for (const row of rows) {
    const { ours, rawCypher, neo4jGraphql } = row.contestants;
    lines.push(
      `| ${row.name} | ${row.concurrency} | ${row.roundTrips} | ${cell(ours ?? null)} | ${cell(rawCypher ?? null)} | ${cell(neo4jGraphql ?? null)} | ` +
        `${ratio(row.ratios.oursToRawP50)} | ${ratio(row.ratios.oursToPeerP50)} | ${ratio(row.ratios.oursToPeerRps)} |`,
    );
  }
  return lines.join('\n');
}

/** At concurrency 1: how ours' time splits between Cypher and everything else, beside the raw statement's cost. */
export function markdownProfileTable(rows: ReportRow[]): string {
  const lines = [
    '| operation | ours: statements | ours p50 | ours: Cypher ms per request (sum over statements) | ours: db hits (PROFILE) | raw p50 | raw: db hits (PROFILE) |',
    '|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const row of rows.filter((r) => r.concurrency === 1)) {
    const { ours, rawCypher } = row.contestants;
    lines.push(
      `| ${row.name} | ${row.roundTrips} | ${ours?.p50Ms ?? 'n/a'} ms | ${row.profile.oursCypherMsPerRequest} ms | ${row.profile.oursDbHits} | ${rawCypher?.p50Ms ?? 'n/a'} ms | ${row.profile.rawDbHits} |`,
    );
  }
  return lines.join('\n');
}

export function printTable(report: { machine: string; peakRssMb: number; peerPeakRssMb: number; operations: ReportRow[] }): void {
  console.log(`\n${report.machine}\n`);
  console.log(markdownTable(report.operations));
  console.log(`\n${markdownProfileTable(report.operations)}`);
  console.log(`\nPeak RSS of our API process (VmHWM): ${report.peakRssMb} MB; @neo4j/graphql process: ${report.peerPeakRssMb} MB`);
  const atOne = report.operations.filter((row) => row.concurrency === 1 && row.ratios.oursToRawP50 !== null);
  const atMost = Math.max(...report.operations.map((row) => row.concurrency));
  const atTop = report.operations.filter((row) => row.concurrency === atMost && row.ratios.oursToPeerRps !== null);
  console.log('\nTargets:');
  console.log(`  ours <= 1.5x raw at p50, c=1: ${atOne.map((row) => `${row.name} ${ratio(row.ratios.oursToRawP50)}${row.ratios.oursToRawP50! <= 1.5 ? ' met' : ' MISSED'}`).join(', ')}`);
  console.log(`  ours >= 1.0x @neo4j/graphql throughput, c=${atMost}: ${atTop.map((row) => `${row.name} ${ratio(row.ratios.oursToPeerRps)}${row.ratios.oursToPeerRps! >= 1 ? ' met' : ' MISSED'}`).join(', ')}`);
  console.log(`  API RSS < 300 MB: ${report.peakRssMb} MB ${report.peakRssMb < 300 ? 'met' : 'MISSED'}`);
}
