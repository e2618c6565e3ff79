import type { CpuPerRequest } from './cpu.js';
import type { Measurement } from './measure.js';
import type { ServerSplit } from './serverSplit.js';
import type { Spread } from './stats.js';

type Figures = Pick<Measurement, 'p50Ms' | 'p95Ms' | 'p99Ms' | 'rps'> & { cpu?: CpuPerRequest };
type RatioName = 'oursToRawP50' | 'oursToPeerP50' | 'oursToPeerRps';

/** One operation at one concurrency, as bench/results/*.json holds it: figures are medians of rounds. */
export interface ReportRow {
  name: string;
  concurrency: number;
  roundTrips: number;
  /**
   * Where ours spends its time: Node time around its statements in our API per request (from /metrics; statements of
   * one request may overlap), the database hits of our statements and of the raw one (PROFILE, first variant), and
   * Neo4j's own split of each (result summary, replayed one at a time from the bench).
   */
  profile: {
    oursCypherMsPerRequest: number;
    oursDbHits: number;
    rawDbHits: number;
    oursResultBytes?: number;
    rawResultBytes?: number;
    oursSplit?: ServerSplit;
    rawSplit?: ServerSplit;
  };
  contestants: Record<string, Figures | null>;
  /** Medians of the per-round ratios; the spreads are their lowest and highest. */
  ratios: Record<RatioName, number | null>;
  ratioSpreads?: Record<RatioName, Spread | null>;
}

const cell = (m: Figures | null | undefined) => (m ? `${m.p50Ms} / ${m.p95Ms} / ${m.p99Ms} ms, ${m.rps} rps` : 'n/a');
const ratio = (value: number | null) => (value === null ? 'n/a' : value.toFixed(2));
const ratioWithSpread = (row: ReportRow, name: RatioName) => {
  const range = row.ratioSpreads?.[name];
  return range && range.min !== range.max ? `${ratio(row.ratios[name])} (${range.min.toFixed(2)}–${range.max.toFixed(2)})` : ratio(row.ratios[name]);
};
const ms = (value: number | null | undefined) => (value === null || value === undefined ? '–' : value.toFixed(2));
const cpuCell = (m: Figures | null | undefined) =>
  m?.cpu ? `${ms(m.cpu.jvmMsPerRequest)} / ${ms(m.cpu.apiMsPerRequest)} / ${ms(m.cpu.loadGeneratorMsPerRequest)}` : 'n/a';
/** CPU that serves the answer: Neo4j's JVM plus the API process (none for raw Cypher). */
export const serverCpu = (m: Figures | null | undefined): number | null =>
  m?.cpu && m.cpu.jvmMsPerRequest !== null ? m.cpu.jvmMsPerRequest + (m.cpu.apiMsPerRequest ?? 0) : null;
const quotient = (a: number | null | undefined, b: number | null | undefined) => (a == null || b == null || b === 0 ? null : a / b);

/** The three-way table as Markdown: what docs/benchmarks.md shows. Ratios: median of rounds (lowest–highest round). */
export function markdownTable(rows: ReportRow[]): string {
  const lines = [
    '| operation | c | round trips (ours) | ours p50 / p95 / p99, rps | raw Cypher p50 / p95 / p99, rps | @neo4j/graphql p50 / p95 / p99, rps | ours/raw p50 | ours/peer p50 | ours/peer rps |',
    '|---|---:|---:|---|---|---|---:|---:|---:|',
  ];
  for (const row of rows) {
    const { ours, rawCypher, neo4jGraphql } = row.contestants;
    lines.push(
      `| ${row.name} | ${row.concurrency} | ${row.roundTrips} | ${cell(ours)} | ${cell(rawCypher)} | ${cell(neo4jGraphql)} | ` +
        `${ratioWithSpread(row, 'oursToRawP50')} | ${ratioWithSpread(row, 'oursToPeerP50')} | ${ratioWithSpread(row, 'oursToPeerRps')} |`,
    );
  }
  return lines.join('\n');
}

/** CPU milliseconds per request of each process, medians of rounds. */
export function markdownCpuTable(rows: ReportRow[]): string {
  const lines = [
    '| operation | c | ours: JVM / API / load gen | raw Cypher: JVM / – / load gen (driver) | @neo4j/graphql: JVM / API / load gen | ours/peer JVM+API | ours/raw JVM |',
    '|---|---:|---|---|---|---:|---:|',
  ];
  for (const row of rows) {
    const { ours, rawCypher, neo4jGraphql } = row.contestants;
    const toPeer = quotient(serverCpu(ours), serverCpu(neo4jGraphql));
    const toRawJvm = quotient(ours?.cpu?.jvmMsPerRequest, rawCypher?.cpu?.jvmMsPerRequest);
    lines.push(
      `| ${row.name} | ${row.concurrency} | ${cpuCell(ours)} | ${cpuCell(rawCypher)} | ${cpuCell(neo4jGraphql)} | ${toPeer === null ? 'n/a' : toPeer.toFixed(2)} | ${toRawJvm === null ? 'n/a' : toRawJvm.toFixed(2)} |`,
    );
  }
  return lines.join('\n');
}

/** At concurrency 1: how ours' time splits between Neo4j, the driver and everything else, beside the raw statement's. */
export function markdownProfileTable(rows: ReportRow[]): string {
  const lines = [
    '| operation | ours: statements | ours p50 | ours: Node time around its statements in the API, per request | ours: Neo4j available + consumed (replayed) | ours: driver + decode, wall (replayed) | ours: db hits | ours: result, bytes | raw p50 | raw: Neo4j available + consumed | raw: driver, wall | raw: db hits | raw: result, bytes |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const split = (s: ServerSplit | undefined) => (s ? `${ms(s.resultAvailableAfterMs)} + ${ms(s.resultConsumedAfterMs)} ms` : 'n/a');
  for (const row of rows.filter((r) => r.concurrency === 1)) {
    const { ours, rawCypher } = row.contestants;
    const { profile } = row;
    lines.push(
      `| ${row.name} | ${row.roundTrips} | ${ours?.p50Ms ?? 'n/a'} ms | ${profile.oursCypherMsPerRequest} ms | ${split(profile.oursSplit)} | ${ms(profile.oursSplit?.driverMs)} ms | ${profile.oursDbHits} | ${profile.oursResultBytes ?? 'n/a'} | ` +
        `${rawCypher?.p50Ms ?? 'n/a'} ms | ${split(profile.rawSplit)} | ${ms(profile.rawSplit?.driverMs)} ms | ${profile.rawDbHits} | ${profile.rawResultBytes ?? 'n/a'} |`,
    );
  }
  return lines.join('\n');
}

const verdict = (met: boolean) => (met ? 'met' : 'MISSED');

/** Issue 19's targets, each against the medians of rounds. */
export function targetLines(report: { peakRssMb: number; operations: ReportRow[] }): string[] {
  const atOne = report.operations.filter((row) => row.concurrency === 1);
  const atMost = Math.max(...report.operations.map((row) => row.concurrency));
  const atTop = report.operations.filter((row) => row.concurrency === atMost);
  const list = (rows: ReportRow[], figure: (row: ReportRow) => number | null, met: (value: number) => boolean) =>
    rows
      .map((row) => ({ row, value: figure(row) }))
      .filter(({ value }) => value !== null)
      .map(({ row, value }) => `${row.name} ${value!.toFixed(2)} ${verdict(met(value!))}`)
      .join(', ');
  return [
    `ours >= 1.5x @neo4j/graphql throughput, c=${atMost}: ${list(
      atTop,
      (r) => r.ratios.oursToPeerRps,
      (v) => v >= 1.5,
    )}`,
    `ours <= @neo4j/graphql p50, c=1: ${list(
      atOne,
      (r) => r.ratios.oursToPeerP50,
      (v) => v <= 1,
    )}`,
    `ours <= 2.0x raw p50, c=1: ${list(
      atOne,
      (r) => r.ratios.oursToRawP50,
      (v) => v <= 2,
    )}`,
    `ours JVM+API CPU <= 0.7x the peer's, c=${atMost}: ${list(
      atTop,
      (r) => quotient(serverCpu(r.contestants.ours), serverCpu(r.contestants.neo4jGraphql)),
      (v) => v <= 0.7,
    )}`,
    `ours JVM CPU <= 1.3x raw's, c=${atMost}: ${list(
      atTop,
      (r) => quotient(r.contestants.ours?.cpu?.jvmMsPerRequest, r.contestants.rawCypher?.cpu?.jvmMsPerRequest),
      (v) => v <= 1.3,
    )}`,
    `API RSS < 250 MB: ${report.peakRssMb} MB ${verdict(report.peakRssMb < 250)}`,
  ];
}

export function printTable(report: { machine: string; peakRssMb: number; peerPeakRssMb: number; operations: ReportRow[] }): void {
  console.log(`\n${report.machine}\n`);
  console.log(markdownTable(report.operations));
  console.log(`\nCPU per request (ms; JVM / API process / load generator):\n\n${markdownCpuTable(report.operations)}`);
  console.log(`\n${markdownProfileTable(report.operations)}`);
  console.log(`\nPeak RSS of our API process (VmHWM): ${report.peakRssMb} MB; @neo4j/graphql process: ${report.peerPeakRssMb} MB`);
  console.log('\nTargets (medians of rounds):');
  for (const line of targetLines(report)) console.log(`  ${line}`);
}
