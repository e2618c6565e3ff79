import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { GraphQLClient, RawCypher, ourCypherTotals, startOurApi, startPeerApi, type Call, type ContestantName, type StatementProfile } from './contestants.js';
import { generateDataSet, recordsPerUnitScale, type GeneratedDataSet } from './generator.js';
import { benchCypher, benchDir, loadWithImporter, loadWithPlainUnwind, round, seconds, startFreshNeo4j, type BenchNeo4j, type LoadResult } from './load.js';
import { clockTicksPerSecond, cpuPerRequest, readCpuTicks, type CpuPerRequest, type CpuSample } from './cpu.js';
import { measure, type Measurement } from './measure.js';
import { ourStatements } from './ourStatements.js';
import { benchOperations, type Landmarks, type Operation } from './operations.js';
import { printTable } from './report.js';
import { measureSplit, type ServerSplit } from './serverSplit.js';
import { median, rotate, roundRatios } from './stats.js';

const USAGE = `npm run bench -- [options]

Generates a synthetic data set, loads it into a fresh embedded Neo4j (through our importer, and with a
plain UNWIND script into another one for comparison), then times a fixed suite of read operations
against our API, hand-written Cypher and @neo4j/graphql, side by side.

  --scale <n>            data size; 1 = 1,000 brands, 50,000 devices, ~1M relationships (default 1)
  --records <n>          instead of --scale: the scale whose data set has about n records
  --seed <n>             generator seed (default 42)
  --seconds <s>          timed run per operation, concurrency and contestant (default 10)
  --warmup <s>           unmeasured warm-up before each timed run (default 2)
  --concurrency <list>   comma-separated concurrencies (default 1,8,32)
  --rounds <n>           passes over the whole suite; each round runs the contestants back to back,
                         in an order rotated by one per round; figures are medians of rounds (default 3)
  --split-samples <n>    requests per operation, one at a time, for the server-side split (default 20)
  --operations <list>    only these operations (default: all)
  --import-only          generate and load only: importer vs plain UNWIND throughput
  --skip-plain           do not time the plain UNWIND load
  --out <dir>            where results go (default bench/results)
  --data-dir <dir>       generated files and Neo4j data (default bench/.data, deleted afterwards)
  --heap-mb <n>          Neo4j heap (default 2048)
  --page-cache-mb <n>    Neo4j page cache (default 1024)
  --cpu-prof <dir>       our API and @neo4j/graphql each write a V8 CPU profile (node --cpu-prof) into <dir>
                         when the run ends; open it in Chrome DevTools or speedscope
`;

const { values: args } = parseArgs({
  options: {
    scale: { type: 'string' },
    records: { type: 'string' },
    seed: { type: 'string', default: '42' },
    seconds: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    concurrency: { type: 'string', default: '1,8,32' },
    rounds: { type: 'string', default: '3' },
    'split-samples': { type: 'string', default: '20' },
    operations: { type: 'string' },
    'import-only': { type: 'boolean', default: false },
    'skip-plain': { type: 'boolean', default: false },
    out: { type: 'string', default: path.join(benchDir, 'results') },
    'data-dir': { type: 'string', default: path.join(benchDir, '.data') },
    'heap-mb': { type: 'string', default: '2048' },
    'page-cache-mb': { type: 'string', default: '1024' },
    'cpu-prof': { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});

function positive(name: string, raw: string | undefined): number {
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    console.error(`--${name} must be a positive number, got "${raw}"\n\n${USAGE}`);
    process.exit(2);
  }
  return value;
}

const startedAt = performance.now();
const log = (line: string) => console.error(`[bench ${((performance.now() - startedAt) / 1000).toFixed(0).padStart(4)}s] ${line}`);
const CONTESTANTS: ContestantName[] = ['ours', 'rawCypher', 'neo4jGraphql'];

async function main(): Promise<void> {
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const scale = args.records ? round(positive('records', args.records) / recordsPerUnitScale(), 5) : positive('scale', args.scale ?? '1');
  const seed = Math.trunc(positive('seed', args.seed));
  const timedSeconds = positive('seconds', args.seconds);
  const warmupSeconds = Number(args.warmup);
  const rounds = Math.trunc(positive('rounds', args.rounds));
  const splitSamples = Math.trunc(positive('split-samples', args['split-samples']));
  const concurrencies = args.concurrency.split(',').map((value) => Math.trunc(positive('concurrency', value)));
  const memory = { heapMb: positive('heap-mb', args['heap-mb']), pageCacheMb: positive('page-cache-mb', args['page-cache-mb']) };
  const dataDir = path.resolve(args['data-dir']);

  const dataSet = generateDataSet({ scale, seed, dir: path.join(dataDir, 'dataset'), progress: log });
  const load = await loadBoth(dataSet, dataDir, memory);
  const cleanup: Array<() => Promise<void>> = [() => load.neo4j.discard()];
  const stopAll = async () => {
    for (const step of cleanup.reverse()) await step().catch((error: unknown) => log(`cleanup: ${String(error)}`));
  };
  process.once('SIGINT', () => void stopAll().then(() => process.exit(130)));
  try {
    const machine = describeMachine(memory);
    const scaleReport = { scale, seed, sizes: dataSet.sizes, records: dataSet.records, byType: dataSet.byType, ...load.graph };
    if (args['import-only']) {
      writeResults(`import-${stamp()}.json`, { machine, scale: scaleReport, load: load.rates }, false);
      printImport(load.rates);
      return;
    }

    const raw = new RawCypher(load.neo4j);
    cleanup.push(() => raw.close());
    const [landmarks] = (await raw.fetch(benchCypher.get('benchLandmarks'), {})) as Landmarks[];
    const wanted = args.operations?.split(',');
    const operations = benchOperations(landmarks!).filter((operation) => !wanted || wanted.includes(operation.name));

    log('starting our API and @neo4j/graphql, each in a child process');
    const serverOptions = { cpuProfileDir: args['cpu-prof'] && path.resolve(args['cpu-prof']) };
    const ours = await startOurApi(load.neo4j, serverOptions);
    cleanup.push(() => ours.stop());
    const peer = await startPeerApi(load.neo4j, serverOptions);
    cleanup.push(() => peer.stop());
    const oursClient = new GraphQLClient(ours.endpoint);
    const peerClient = new GraphQLClient(peer.endpoint);
    cleanup.push(async () => {
      oursClient.close();
      peerClient.close();
    });

    const roundTrips = await checkAnswers(operations, oursClient, peerClient, raw);
    const rawProfiles = new Map<string, StatementProfile>();
    const oursProfiles = new Map<string, StatementProfile>();
    const splits = new Map<string, { ours: ServerSplit; rawCypher: ServerSplit }>();
    for (const operation of operations) {
      const sent = await Promise.all(operation.variants.map((variant) => ourStatements(load.neo4j, operation.ours.query, variant.variables)));
      rawProfiles.set(operation.name, await raw.profile(operation.raw.cypher, operation.variants[0]!.raw));
      const ourProfile = { dbHits: 0, resultBytes: 0 };
      for (const statement of sent[0]!) {
        const { dbHits, resultBytes } = await raw.profile(statement.text, statement.params);
        ourProfile.dbHits += dbHits;
        ourProfile.resultBytes += resultBytes;
      }
      oursProfiles.set(operation.name, ourProfile);
      const oursRequests = sent.map((statements) => statements.map((statement) => () => raw.timed(statement.text, statement.params, true)));
      const rawRequests = operation.variants.map((variant) => [() => raw.timed(operation.raw.cypher, variant.raw, false)]);
      splits.set(operation.name, { ours: await measureSplit(oursRequests, splitSamples), rawCypher: await measureSplit(rawRequests, splitSamples) });
    }

    const cells = new Map<string, Cell>();
    const cellOf = (operation: Operation, concurrency: number): Cell => {
      const key = `${operation.name}@${concurrency}`;
      let cell = cells.get(key);
      if (!cell) cells.set(key, (cell = { operation, concurrency, rounds: { ours: [], rawCypher: [], neo4jGraphql: [] }, oursCypherMsPerRequest: [] }));
      return cell;
    };
    const apiPid: Record<ContestantName, number | null> = { ours: ours.pid, rawCypher: null, neo4jGraphql: peer.pid };
    const sampleCpu = (name: ContestantName): CpuSample => {
      const pid = apiPid[name];
      return { jvm: readCpuTicks(load.neo4j.pid), api: pid === null ? null : readCpuTicks(pid), loadGenerator: readCpuTicks('self') };
    };
    const ticksPerSecond = clockTicksPerSecond();
    const runs = rounds * operations.length * concurrencies.length;
    let run = 0;
    // Rounds outermost: each round passes over the whole suite, so rounds sample the shared machine minutes apart.
    for (let roundIndex = 0; roundIndex < rounds; roundIndex += 1) {
      for (const operation of operations) {
        const calls: Partial<Record<ContestantName, Call[]>> = {
          ours: operation.variants.map((variant) => oursClient.prepare(operation.ours.query, variant.variables)),
          rawCypher: operation.variants.map((variant) => raw.prepare(operation.raw.cypher, variant.raw)),
        };
        if ('query' in operation.peer) {
          const { query } = operation.peer;
          calls.neo4jGraphql = operation.variants.map((variant) => peerClient.prepare(query, variant.variables));
        }
        for (const concurrency of concurrencies) {
          run += 1;
          const cell = cellOf(operation, concurrency);
          const line: string[] = [];
          for (const name of rotate(CONTESTANTS, roundIndex)) {
            const contestantCalls = calls[name];
            if (!contestantCalls) continue;
            const cypherBefore = name === 'ours' ? await ourCypherTotals(oursClient) : null;
            let cpuBefore: CpuSample | null = null;
            let cpuAfter: CpuSample | null = null;
            const measured = await measure(contestantCalls, concurrency, timedSeconds, warmupSeconds, {
              opened: () => (cpuBefore = sampleCpu(name)),
              closed: () => (cpuAfter = sampleCpu(name)),
            });
            const cpu = cpuPerRequest(cpuBefore!, cpuAfter!, measured.requests + measured.errors, ticksPerSecond);
            cell.rounds[name].push({ ...measured, cpu });
            if (cypherBefore) {
              const cypherAfter = await ourCypherTotals(oursClient);
              cell.oursCypherMsPerRequest.push(
                ((cypherAfter.seconds - cypherBefore.seconds) * 1000) / (measured.requests + measured.warmupRequests + measured.errors),
              );
            }
            line.push(`${name} ${summary(measured, cpu)}`);
          }
          log(`[${run}/${runs}] round ${roundIndex + 1}/${rounds} ${operation.name} c=${concurrency}: ${line.join(' | ')}`);
        }
      }
    }

    const results = [...cells.values()].map((cell) => {
      const { contestants, ratios, ratioSpreads } = summarizeRounds(cell.rounds);
      const split = splits.get(cell.operation.name)!;
      return {
        name: cell.operation.name,
        description: cell.operation.description,
        concurrency: cell.concurrency,
        roundTrips: roundTrips.get(cell.operation.name)!,
        profile: {
          oursCypherMsPerRequest: round(median(cell.oursCypherMsPerRequest)),
          oursDbHits: oursProfiles.get(cell.operation.name)!.dbHits,
          rawDbHits: rawProfiles.get(cell.operation.name)!.dbHits,
          oursResultBytes: oursProfiles.get(cell.operation.name)!.resultBytes,
          rawResultBytes: rawProfiles.get(cell.operation.name)!.resultBytes,
          oursSplit: split.ours,
          rawSplit: split.rawCypher,
        },
        contestants,
        ratios,
        ratioSpreads,
        ...('unsupported' in cell.operation.peer ? { neo4jGraphqlUnsupported: cell.operation.peer.unsupported } : {}),
      };
    });

    const peakRssMb = ours.peakRssMb();
    const peerPeakRssMb = peer.peakRssMb();
    const report = {
      machine,
      date: new Date().toISOString(),
      scale: scaleReport,
      load: load.rates,
      settings: {
        seconds: timedSeconds,
        warmupSeconds,
        concurrencies,
        rounds,
        splitSamples,
        contestantOrder: 'rotated by one each round',
        variantsPerOperation: Object.fromEntries(operations.map((o) => [o.name, o.variants.map((v) => v.label)])),
      },
      peakRssMb,
      peerPeakRssMb,
      operations: results,
    };
    writeResults(`${stamp()}.json`, report, true);
    printImport(load.rates);
    printTable(report);
  } finally {
    await stopAll();
  }
}

async function loadBoth(dataSet: GeneratedDataSet, dataDir: string, memory: { heapMb: number; pageCacheMb: number }) {
  let plain: LoadResult | null = null;
  if (!args['skip-plain']) {
    log('plain UNWIND load into an empty Neo4j, for comparison');
    const scratch = await startFreshNeo4j(path.join(dataDir, 'neo4j-plain'), memory, log);
    try {
      plain = await loadWithPlainUnwind(scratch, dataSet.files, log);
    } finally {
      await scratch.discard();
    }
    log(`plain UNWIND: ${plain.records} records in ${plain.seconds} s = ${plain.recordsPerSecond} records/s`);
  }
  log('loading through our importer (importFiles) into an empty Neo4j');
  const neo4j: BenchNeo4j = await startFreshNeo4j(path.join(dataDir, 'neo4j'), memory, log);
  try {
    const importer = await loadWithImporter(neo4j.db, dataSet.files, log);
    log(`importer: ${importer.records} records in ${importer.seconds} s = ${importer.recordsPerSecond} records/s`);
    const { records } = await neo4j.db.driver.executeQuery(benchCypher.get('benchGraphSize'));
    return {
      neo4j,
      rates: { importer, plainUnwind: plain, importerToPlain: plain ? round(importer.recordsPerSecond / plain.recordsPerSecond) : null },
      graph: { nodes: Number(records[0]!.get('nodes')), relationships: Number(records[0]!.get('relationships')) },
    };
  } catch (error) {
    await neo4j.discard();
    throw error;
  }
}

/** Every contestant must give the same answer to every variant before anything is timed. */
async function checkAnswers(operations: Operation[], ours: GraphQLClient, peer: GraphQLClient, raw: RawCypher): Promise<Map<string, number>> {
  const roundTrips = new Map<string, number>();
  const mismatches: string[] = [];
  for (const operation of operations) {
    for (const variant of operation.variants) {
      const before = (await ourCypherTotals(ours)).statements;
      const oursAnswer = await graphql(ours, operation.ours.query, variant.variables, `ours ${operation.name}`);
      const trips = (await ourCypherTotals(ours)).statements - before;
      roundTrips.set(operation.name, Math.max(roundTrips.get(operation.name) ?? 0, trips));
      const expected = canonicalJson(operation.ours.canonical(oursAnswer));
      const answers: Array<[string, string]> = [['rawCypher', canonicalJson(operation.raw.canonical(await raw.fetch(operation.raw.cypher, variant.raw)))]];
      if ('query' in operation.peer) {
        const peerAnswer = await graphql(peer, operation.peer.query, variant.variables, `@neo4j/graphql ${operation.name}`);
        answers.push(['neo4jGraphql', canonicalJson(operation.peer.canonical(peerAnswer))]);
      }
      for (const [name, answer] of answers) {
        if (answer !== expected) mismatches.push(`${operation.name} "${variant.label}": ${name} differs from ours\n${firstDifference(expected, answer)}`);
      }
    }
    log(`answers agree: ${operation.name} (${operation.variants.length} variant(s), ours: ${roundTrips.get(operation.name)} Cypher round trip(s))`);
  }
  if (mismatches.length > 0) throw new Error(`contestants disagree; nothing was timed:\n${mismatches.join('\n')}`);
  return roundTrips;
}

async function graphql(client: GraphQLClient, query: string, variables: Record<string, unknown>, what: string) {
  const response = await client.fetch(query, variables);
  if (response.errors?.length) throw new Error(`${what}: ${response.errors.map((e) => e.message).join('; ')}`);
  return response.data;
}

/** JSON with object keys sorted: property order is not part of an answer, list order is. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item) ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : 1))) : item,
  );
}

function firstDifference(expected: string, actual: string): string {
  let index = 0;
  while (index < expected.length && expected[index] === actual[index]) index += 1;
  const from = Math.max(0, index - 150);
  return `  ours: …${expected.slice(from, index + 150)}…\n  them: …${actual.slice(from, index + 150)}…`;
}

interface RoundResult extends Measurement {
  cpu: CpuPerRequest;
}

interface Cell {
  operation: Operation;
  concurrency: number;
  /** Per contestant, one result per round, in round order (empty for a contestant that cannot ask the operation). */
  rounds: Record<ContestantName, RoundResult[]>;
  oursCypherMsPerRequest: number[];
}

const CPU_FIELDS = ['jvmMsPerRequest', 'apiMsPerRequest', 'loadGeneratorMsPerRequest'] as const;

/** Medians over rounds per contestant, and the median and spread of each per-round ratio. */
function summarizeRounds(rounds: Cell['rounds']) {
  const figures = (results: RoundResult[]) => {
    if (results.length === 0) return null;
    const middle = (of: (result: RoundResult) => number) => round(median(results.map(of)));
    const cpu = Object.fromEntries(
      CPU_FIELDS.map((field) => {
        const values = results.map((result) => result.cpu[field]).filter((value): value is number => value !== null);
        return [field, values.length ? round(median(values), 3) : null];
      }),
    ) as unknown as CpuPerRequest;
    return {
      p50Ms: middle((r) => r.p50Ms),
      p95Ms: middle((r) => r.p95Ms),
      p99Ms: middle((r) => r.p99Ms),
      rps: middle((r) => r.rps),
      requests: results.reduce((sum, r) => sum + r.requests, 0),
      errors: results.reduce((sum, r) => sum + r.errors, 0),
      cpu,
      rounds: results.map(({ p50Ms, p95Ms, p99Ms, rps, requests, errors, cpu: roundCpu }) => ({ p50Ms, p95Ms, p99Ms, rps, requests, errors, cpu: roundCpu })),
    };
  };
  const contestants = Object.fromEntries(CONTESTANTS.map((name) => [name, figures(rounds[name])])) as Record<ContestantName, ReturnType<typeof figures>>;
  const ratio = (numerator: RoundResult[], denominator: RoundResult[], of: (result: RoundResult) => number) => {
    if (numerator.length === 0 || denominator.length === 0) return { median: null, spread: null };
    const { median: middle, spread: range } = roundRatios(numerator.map(of), denominator.map(of));
    return { median: round(middle), spread: range && { min: round(range.min), max: round(range.max) } };
  };
  const toRawP50 = ratio(rounds.ours, rounds.rawCypher, (r) => r.p50Ms);
  const toPeerP50 = ratio(rounds.ours, rounds.neo4jGraphql, (r) => r.p50Ms);
  const toPeerRps = ratio(rounds.ours, rounds.neo4jGraphql, (r) => r.rps);
  return {
    contestants,
    ratios: { oursToRawP50: toRawP50.median, oursToPeerP50: toPeerP50.median, oursToPeerRps: toPeerRps.median },
    ratioSpreads: { oursToRawP50: toRawP50.spread, oursToPeerP50: toPeerP50.spread, oursToPeerRps: toPeerRps.spread },
  };
}

function summary(measurement: Measurement, cpu: CpuPerRequest): string {
  const cpuText = CPU_FIELDS.map((field) => cpu[field])
    .map((value) => (value === null ? '-' : value.toFixed(2)))
    .join('+');
  return `p50 ${measurement.p50Ms} ms, ${measurement.rps} rps, CPU ${cpuText} ms/req${measurement.errors ? `, ${measurement.errors} errors` : ''}`;
}

function describeMachine(memory: { heapMb: number; pageCacheMb: number }): string {
  const cpus = os.cpus();
  return (
    `${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, ` +
    `${os.type()} ${os.release()}, Node ${process.version}, embedded Neo4j 5.26 (heap ${memory.heapMb} MB, page cache ${memory.pageCacheMb} MB); ` +
    `load average at the end ${os
      .loadavg()
      .map((load) => load.toFixed(1))
      .join(' ')}`
  );
}

function stamp(): string {
  return new Date().toISOString().slice(0, 16).replace(':', '-');
}

function writeResults(fileName: string, report: unknown, latest: boolean): void {
  const dir = path.resolve(args.out);
  mkdirSync(dir, { recursive: true });
  const text = `${JSON.stringify(report, null, 2)}\n`;
  writeFileSync(path.join(dir, fileName), text);
  if (latest) writeFileSync(path.join(dir, 'latest.json'), text);
  log(`results written to ${path.join(dir, fileName)}${latest ? ' and latest.json' : ''}`);
}

function printImport(rates: { importer: LoadResult; plainUnwind: LoadResult | null; importerToPlain: number | null }): void {
  console.log('\nImport throughput (records/s, same files, each into an empty Neo4j)');
  console.log(`  ours (importFiles): ${rates.importer.records} records in ${rates.importer.seconds} s = ${rates.importer.recordsPerSecond}/s`);
  if (rates.plainUnwind) {
    console.log(`  plain UNWIND:       ${rates.plainUnwind.records} records in ${rates.plainUnwind.seconds} s = ${rates.plainUnwind.recordsPerSecond}/s`);
    console.log(`  ours / plain:       ${rates.importerToPlain}`);
  }
}

main().then(
  () => log(`done in ${seconds(performance.now() - startedAt)}`),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
