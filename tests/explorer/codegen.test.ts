import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '@graphql-codegen/cli';
import { expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

interface CodegenConfig {
  schema: string;
  documents: string[];
  generates: Record<string, object>;
}

it('explorer/src/generated/graphql.ts is what codegen makes of the schema and the Explorer operations (run `npm run explorer:codegen`)', async () => {
  const config = JSON.parse(readFileSync(path.join(root, 'explorer/codegen.json'), 'utf8')) as CodegenConfig;
  const [[output, target]] = Object.entries(config.generates) as [[string, object]];
  const absolute = (glob: string) => (glob.startsWith('!') ? `!${path.join(root, glob.slice(1))}` : path.join(root, glob));
  const files = await generate(
    {
      schema: path.join(root, config.schema),
      documents: config.documents.map(absolute),
      generates: { [path.join(root, output)]: target },
      silent: true,
    },
    false,
  );
  expect(files).toHaveLength(1);
  expect(readFileSync(path.join(root, output), 'utf8')).toBe(files[0]!.content);
}, 60_000);
