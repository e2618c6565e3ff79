import 'reflect-metadata';
import path from 'node:path';
import { parseArgs } from 'node:util';
import neo4j from 'neo4j-driver';
import { Database } from '../src/store/neo4j/database.js';
import { importFiles } from '../src/store/records/importer.js';
import { clockTicksPerSecond, readCpuTicks } from './cpu.js';
import { generateDataSet, recordsPerUnitScale } from './generator.js';
import { benchDir, round, startFreshNeo4j } from './load.js';

const USAGE = `npm run bench:import -- [options]

Times the importer on a generated data set in a fresh embedded Neo4j, in three runs: an audited import into an
empty graph, the same import again (it changes nothing), and, after emptying the graph, an import without audit
entries (as the seed loads). Prints one JSON line with each run's seconds and the time spent per statement.

  --records <n>    about how many records (default 30000)
  --seed <n>       generator seed (default 42)
  --data-dir <dir> generated files and Neo4j data (default bench/.data-import, deleted afterwards)
`;

const { values: args } = parseArgs({
  options: {
    records: { type: 'string', default: '30000' },
    seed: { type: 'string', default: '42' },
    'data-dir': { type: 'string', default: path.join(benchDir, '.data-import') },
    help: { type: 'boolean', default: false },
  },
});

const log = (line: string) => console.error(`[bench:import] ${line}`);

/** Seconds spent per statement name in one run, largest first. */
class StatementTimes {
  private readonly byName = new Map<string, { count: number; seconds: number }>();

  readonly observe = (name: string, durationSeconds: number) => {
    const entry = this.byName.get(name) ?? { count: 0, seconds: 0 };
    entry.count += 1;
    entry.seconds += durationSeconds;
    this.byName.set(name, entry);
  };

  take(): Record<string, { count: number; seconds: number }> {
    const sorted = [...this.byName].sort(([, a], [, b]) => b.seconds - a.seconds);
    this.byName.clear();
    return Object.fromEntries(sorted.map(([name, { count, seconds }]) => [name, { count, seconds: round(seconds, 2) }]));
  }
}

async function main(): Promise<void> {
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const dataDir = path.resolve(args['data-dir']);
  const scale = round(Number(args.records) / recordsPerUnitScale(), 5);
  const dataSet = generateDataSet({ scale, seed: Math.trunc(Number(args.seed)), dir: path.join(dataDir, 'dataset'), progress: log });
  const neo4jProcess = await startFreshNeo4j(path.join(dataDir, 'neo4j'), { heapMb: 1024, pageCacheMb: 512 }, log);
  const times = new StatementTimes();
  const db = new Database({ uri: neo4jProcess.uri, username: neo4jProcess.username, password: neo4jProcess.password, onQuery: times.observe });
  const runs: Record<string, { seconds: number; jvmCpuSeconds: number; nodeCpuSeconds: number; statements: ReturnType<StatementTimes['take']> }> = {};
  const ticksPerSecond = clockTicksPerSecond();
  const timed = async (name: string, audit: boolean) => {
    const started = performance.now();
    const [jvmBefore, nodeBefore] = [readCpuTicks(neo4jProcess.pid), readCpuTicks('self')];
    await importFiles(db, dataSet.files, { audit });
    runs[name] = {
      seconds: round((performance.now() - started) / 1000, 1),
      jvmCpuSeconds: round((readCpuTicks(neo4jProcess.pid) - jvmBefore) / ticksPerSecond, 1),
      nodeCpuSeconds: round((readCpuTicks('self') - nodeBefore) / ticksPerSecond, 1),
      statements: times.take(),
    };
    log(`${name}: ${runs[name].seconds} s, CPU ${runs[name].jvmCpuSeconds} s JVM + ${runs[name].nodeCpuSeconds} s node`);
  };
  try {
    await timed('auditedFresh', true);
    await timed('auditedUnchanged', true);
    await emptyGraph(neo4jProcess);
    await timed('unauditedFresh', false);
    console.log(JSON.stringify({ records: dataSet.records, runs }));
  } finally {
    await db.close();
    await neo4jProcess.discard();
  }
}

/** Deletes everything the imports wrote (entities, specs, the audit trail), keeping the schema and the sequence. */
async function emptyGraph(connection: { uri: string; username: string; password: string }): Promise<void> {
  const driver = neo4j.driver(connection.uri, neo4j.auth.basic(connection.username, connection.password));
  try {
    const session = driver.session();
    try {
      await session.run('MATCH (n) WHERE n:Entity OR n:Spec OR n:Change OR n:PendingChange CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS');
    } finally {
      await session.close();
    }
  } finally {
    await driver.close();
  }
}

await main();
