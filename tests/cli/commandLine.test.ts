import { describe, expect, it } from 'vitest';
import { HELP, parseCommandLine, UsageError } from '../../src/cli/commandLine.js';

describe('parseCommandLine', () => {
  it('reads every documented command and option', () => {
    expect(parseCommandLine(['import', 'data.jsonl'])).toEqual({ name: 'import', target: 'data.jsonl', dryRun: false, batchSize: undefined });
    expect(parseCommandLine(['import', 'dir', '--dry-run', '--batch-size', '250'])).toEqual({ name: 'import', target: 'dir', dryRun: true, batchSize: 250 });
    expect(parseCommandLine(['import', '--batch-size=5000', 'dir'])).toEqual({ name: 'import', target: 'dir', dryRun: false, batchSize: 5000 });
    expect(parseCommandLine(['export', 'graph.jsonl'])).toEqual({ name: 'export', file: 'graph.jsonl' });
    expect(parseCommandLine(['seed'])).toEqual({ name: 'seed' });
    expect(parseCommandLine(['emit-schema'])).toEqual({ name: 'emit-schema' });
    expect(parseCommandLine([])).toEqual({ name: 'help' });
    expect(parseCommandLine(['help'])).toEqual({ name: 'help' });
    expect(parseCommandLine(['--help'])).toEqual({ name: 'help' });
    expect(parseCommandLine(['import', 'x', '-h'])).toEqual({ name: 'help' });
  });

  it.each([
    [['frobnicate'], 'unknown command "frobnicate"'],
    [['import', 'x', '--force'], "Unknown option '--force'"],
    [['import', 'x', '--dry-run=yes'], "Option '--dry-run' does not take an argument"],
    [['export', 'x', '--dry-run'], 'export takes no --dry-run option'],
    [['seed', '--batch-size', '10'], 'seed takes no --batch-size option'],
    [['import'], 'import needs a file or directory'],
    [['export'], 'export needs a file'],
    [['export', 'a', 'b'], 'unexpected argument "b"'],
    [['seed', 'extra'], 'unexpected argument "extra"'],
    [['import', 'x', '--batch-size', '0'], '--batch-size must be a whole number from 1 to 100000, got "0"'],
    [['import', 'x', '--batch-size', 'many'], '--batch-size must be a whole number from 1 to 100000, got "many"'],
    [['import', 'x', '--batch-size'], "Option '--batch-size <value>' argument missing"],
  ])('rejects %j: %s', (argv, message) => {
    expect(() => parseCommandLine(argv)).toThrow(UsageError);
    expect(() => parseCommandLine(argv)).toThrow(message);
  });

  it('documents every command and option in the help', () => {
    for (const word of [
      'import <file|dir>',
      'export <file>',
      'seed',
      'emit-schema',
      '--dry-run',
      '--batch-size N',
      '-h, --help',
      'NEO4J_URI',
      'NEO4J_DATA_DIR',
      'Exit codes',
    ]) {
      expect(HELP).toContain(word);
    }
  });
});
