import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { DockerfileParser, type Instruction } from 'dockerfile-ast';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { projectRoot } from '../../src/config/config.js';

/**
 * There is no Docker engine here: these checks parse the Dockerfile and the compose file and hold them to what
 * the image needs. They do not build or run the image (docs/deployment.md says what was run).
 */
const dockerfile = DockerfileParser.parse(readFileSync(path.join(projectRoot, 'Dockerfile'), 'utf8'));
const packageJson = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };

/** The instructions of each stage, by stage name. */
function stages(): Map<string, Instruction[]> {
  const byStage = new Map<string, Instruction[]>();
  let current: Instruction[] = [];
  for (const instruction of dockerfile.getInstructions()) {
    if (instruction.getKeyword() === 'FROM') {
      current = [];
      byStage.set(
        dockerfile
          .getFROMs()
          .find((from) => from.getRange().start.line === instruction.getRange().start.line)!
          .getBuildStage() ?? '',
        current,
      );
    }
    current.push(instruction);
  }
  return byStage;
}
const text = (instructions: Instruction[], keyword: string) =>
  instructions.filter((instruction) => instruction.getKeyword() === keyword).map((instruction) => instruction.getArgumentsContent() ?? '');

describe('Dockerfile', () => {
  it('parses into a build stage and a runtime stage, both from the Node image', () => {
    expect(dockerfile.getFROMs().map((from) => from.getBuildStage())).toEqual(['build', 'runtime']);
    for (const from of dockerfile.getFROMs()) expect(from.getImageName()).toBe('node');
  });

  it('builds with the dev dependencies and runs with the production ones only, as a non-root user', () => {
    const { build, runtime } = Object.fromEntries(stages());
    expect(text(build!, 'RUN')).toEqual(expect.arrayContaining([expect.stringMatching(/^npm ci (?!.*--omit=dev)/), 'npm run build']));
    expect(text(runtime!, 'RUN').join(' ')).toMatch(/npm ci --omit=dev/);
    expect(text(runtime!, 'RUN').join(' ')).not.toMatch(/npm run build|tsc/);
    const [user] = text(runtime!, 'USER');
    expect(user).toBeDefined();
    expect(['root', '0']).not.toContain(user);
    const fromBuild = dockerfile.getCOPYs().filter((copy) => copy.getFromFlag()?.getValue() === 'build');
    expect(
      fromBuild.map((copy) =>
        copy
          .getArguments()
          .map((argument) => argument.getValue())
          .join(' '),
      ),
    ).toEqual(['/app/dist/src ./dist/src']);
    expect(text(runtime!, 'CMD')).toEqual(['["node", "dist/src/server/main.js"]']);
  });

  it('checks health on /ready', () => {
    const [healthcheck] = dockerfile.getHEALTHCHECKs();
    expect(healthcheck?.getArgumentsContent()).toMatch(/\/ready/);
  });

  it('copies only paths that exist, and everything the server reads at run time', () => {
    const sources = dockerfile
      .getCOPYs()
      .filter((copy) => !copy.getFromFlag())
      .flatMap((copy) =>
        copy
          .getArguments()
          .slice(0, -1)
          .map((argument) => argument.getValue()),
      );
    for (const source of sources) expect(existsSync(path.join(projectRoot, source)), source).toBe(true);
    // Named cypher queries and migrations, and the seed data startApp loads.
    expect(sources).toEqual(expect.arrayContaining(['cypher', 'seed', 'data/imaging/imaging.jsonl']));
  });

  it('has every package the server imports at run time among the production dependencies', () => {
    const imported = new Set<string>();
    const visit = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) visit(file);
        else if (file.endsWith('.ts')) {
          for (const [, specifier] of readFileSync(file, 'utf8').matchAll(/^import (?!type )[^;]*? from '([^'.][^']*)'/gms)) {
            imported.add(specifier!.startsWith('@') ? specifier!.split('/').slice(0, 2).join('/') : specifier!.split('/')[0]!);
          }
        }
      }
    };
    visit(path.join(projectRoot, 'src'));
    const builtins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);
    const missing = [...imported].filter((name) => !builtins.has(name) && !(name in packageJson.dependencies));
    expect(imported.size).toBeGreaterThan(10);
    expect(missing).toEqual([]);
  });
});

describe('docker-compose.yml', () => {
  const compose = parseYaml(readFileSync(path.join(projectRoot, 'docker-compose.yml'), 'utf8')) as {
    services: Record<
      string,
      {
        build?: { context: string; dockerfile: string };
        command?: unknown;
        environment?: Record<string, string>;
        depends_on?: Record<string, { condition: string }>;
      }
    >;
  };

  it('builds the API from the Dockerfile instead of installing at start, against the Neo4j service', () => {
    const api = compose.services.api!;
    expect(api.build).toEqual({ context: '.', dockerfile: 'Dockerfile' });
    expect(api.command).toBeUndefined();
    expect(api.environment?.NEO4J_URI).toBe('bolt://neo4j:7687');
    expect(api.depends_on).toEqual({ neo4j: { condition: 'service_healthy' } });
    expect(compose.services.neo4j).toBeDefined();
  });
});
