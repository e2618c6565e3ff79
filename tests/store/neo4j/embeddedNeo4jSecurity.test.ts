import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket as NodeWebSocket } from 'ws';
import { applyMigrations } from '../../../src/store/neo4j/migrations.js';
import { neo4jConnection, testDatabase, testDriver } from '../../helpers/database.js';

/**
 * The run's embedded Neo4j, started by tests/globalSetup.ts the way the app starts it, is reachable
 * only with the password its launcher was given: not by a client on loopback that guesses, nor by a
 * web page the operator visits (Bolt answers WebSocket on the same port), and LOAD CSV reads no files.
 */

const opened: Driver[] = [];
afterAll(async () => {
  await Promise.all(opened.map((driver) => driver.close()));
});

function driverWith(auth: ReturnType<typeof neo4j.auth.basic> | undefined): Driver {
  const driver = neo4j.driver(neo4jConnection().uri, auth, { connectionTimeout: 5_000, maxConnectionPoolSize: 1 });
  opened.push(driver);
  return driver;
}

describe('Bolt authentication', () => {
  it('refuses a client without credentials', async () => {
    await expect(driverWith(undefined).executeQuery('MATCH (n) RETURN count(n) AS n')).rejects.toMatchObject({
      code: 'Neo.ClientError.Security.Unauthorized',
    });
  });

  it('refuses the default neo4j/neo4j', async () => {
    await expect(driverWith(neo4j.auth.basic('neo4j', 'neo4j')).executeQuery('RETURN 1')).rejects.toMatchObject({
      code: 'Neo.ClientError.Security.Unauthorized',
    });
  });

  it('accepts the password its launcher was given, and that password is long and random', async () => {
    const { password } = neo4jConnection();
    expect(password).toMatch(/^[0-9a-f]{64}$/);
    const result = await driverWith(neo4j.auth.basic('neo4j', password)).executeQuery('RETURN 1 AS one');
    expect(result.records[0]!.get('one')).toEqual(neo4j.int(1));
  });
});

describe('what an authenticated statement can reach', () => {
  const driver = testDriver();
  opened.push(driver);
  beforeAll(async () => {
    const db = testDatabase();
    await applyMigrations(db);
    await db.close();
  });

  it('cannot LOAD CSV from a file URL', async () => {
    await expect(driver.executeQuery("LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line LIMIT 1")).rejects.toThrow(/file|URL|not allowed/i);
  });

  it('runs the procedures the API calls', async () => {
    await driver.executeQuery('CALL db.awaitIndexes(1)');
    await driver.executeQuery('CALL db.clearQueryCaches()');
    const search = await driver.executeQuery("CALL db.index.fulltext.queryNodes('entity_search', 'zzz-no-such-name') YIELD node RETURN count(node) AS hits");
    expect(search.records[0]!.get('hits')).toEqual(neo4j.int(0));
  });
});

describe('Bolt over WebSocket, as a web page would open it', () => {
  /** neo4j-driver's browser build, whose WebSocket sends the Origin of a hostile page. */
  async function browserDriver(auth: ReturnType<typeof neo4j.auth.basic> | undefined): Promise<Driver> {
    class EvilPageWebSocket extends NodeWebSocket {
      constructor(url: string) {
        super(url, { origin: 'https://evil.example' });
      }
    }
    (globalThis as { WebSocket?: unknown }).WebSocket = EvilPageWebSocket;
    // A computed specifier: the browser build ships no type declarations of its own; it has the Node build's API.
    const browserBuild: string = 'neo4j-driver/lib/browser/neo4j-web.esm.js';
    const browserNeo4j = ((await import(browserBuild)) as { default: typeof neo4j }).default;
    const driver = browserNeo4j.driver(neo4jConnection().uri, auth, { connectionTimeout: 5_000, maxConnectionPoolSize: 1 });
    opened.push(driver);
    return driver;
  }

  it('cannot run a query without the password', async () => {
    const driver = await browserDriver(undefined);
    await expect(driver.executeQuery('MATCH (n) RETURN count(n) AS n')).rejects.toMatchObject({
      code: 'Neo.ClientError.Security.Unauthorized',
    });
  });

  it('is still a working Bolt channel, so the refusal above is the password and not the transport', async () => {
    const { username, password } = neo4jConnection();
    const driver = await browserDriver(neo4j.auth.basic(username, password));
    const result = await driver.executeQuery('RETURN 1 AS one');
    expect(Number(result.records[0]!.get('one'))).toBe(1);
  });
});
