import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { NoDeprecatedCustomRule, buildSchema, parse, validate } from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const codegenBin = path.join(root, 'node_modules/@graphql-codegen/cli/esm/bin.js');

/** Every ```graphql block of the README: the example operations a reader copies. */
function readmeOperations(): string[] {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  return [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1]!);
}

const workDir = mkdtempSync(path.join(os.tmpdir(), 'partnergraph-codegen-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe('GraphQL Code Generator over the README examples', () => {
  it('generates TypeScript types for every example operation', async () => {
    const operations = readmeOperations();
    expect(operations.length).toBeGreaterThan(5);
    operations.forEach((operation, index) => writeFileSync(path.join(workDir, `readme-${index}.graphql`), operation));
    const output = path.join(workDir, 'operations.ts');
    // The setup codegen's docs give for typed operations: the typescript and typescript-operations plugins.
    writeFileSync(
      path.join(workDir, 'codegen.json'),
      JSON.stringify({
        schema: path.join(root, 'schema/schema.graphql'),
        documents: [path.join(workDir, 'readme-*.graphql')],
        generates: { [output]: { plugins: ['typescript', 'typescript-operations'] } },
      }),
    );
    // Under NODE_ENV=test (vitest sets it) codegen prints nothing, not even its errors.
    const { NODE_ENV: _testEnv, ...env } = process.env;
    let failure = '';
    try {
      await run(process.execPath, [codegenBin, '--config', path.join(workDir, 'codegen.json')], { cwd: root, timeout: 120_000, env });
    } catch (error) {
      const failed = error as { stdout?: string; stderr?: string; message: string };
      failure = `${failed.stderr ?? ''}${failed.stdout ?? ''}` || failed.message;
    }
    // Anonymous operations fail with "This anonymous operation must be the only defined operation" (issue 21, item 6).
    expect(failure.match(/Error \d+: .*$/m)?.[0] ?? failure).toBe('');
    expect(existsSync(output)).toBe(true);
    const generated = readFileSync(output, 'utf8');
    const operationTypes = generated.match(/^export type \w+(Query|Mutation|Subscription) = /gm) ?? [];
    expect(operationTypes).toHaveLength(operations.length);
  }, 150_000);

  // Issue 21, item 4: the README shows the PartialDate fields (announced, reported, ...), not the deprecated date pairs.
  it('uses no deprecated field in the example operations', () => {
    const schema = buildSchema(readFileSync(path.join(root, 'schema/schema.graphql'), 'utf8'));
    const deprecated = readmeOperations().flatMap((operation) => validate(schema, parse(operation), [NoDeprecatedCustomRule]).map((error) => error.message));
    expect(deprecated).toEqual([]);
  });
});
