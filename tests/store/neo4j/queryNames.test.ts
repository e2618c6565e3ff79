import { readdirSync } from 'node:fs';
import { expect, it } from 'vitest';
import { cypherDir } from '../../../src/store/neo4j/cypherLibrary.js';
import { QUERY_NAMES } from '../../../src/store/neo4j/queryNames.js';

it('names exactly the statements in cypher/', () => {
  const files = readdirSync(cypherDir)
    .filter((file) => file.endsWith('.cypher'))
    .map((file) => file.replace(/\.cypher$/, ''))
    .sort();
  expect([...QUERY_NAMES].sort()).toEqual(files);
});
