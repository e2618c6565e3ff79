import { describe, expect, it } from 'vitest';
import { clockTicksPerSecond, cpuPerRequest, parseProcStat, readCpuTicks } from '../../bench/cpu.js';
import { summarizeSplit, sumTimings } from '../../bench/serverSplit.js';
import { median, rotate, roundRatios, spread } from '../../bench/stats.js';

describe('bench round statistics', () => {
  it('takes the middle value of an odd count and the mean of the middle two of an even one, in any order', () => {
    expect(median([30, 10, 20])).toBe(20);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });

  it('skips rounds with no figure and has no median or spread without any', () => {
    expect(median([5, Number.NaN, 9, 1])).toBe(5);
    expect(median([])).toBeNaN();
    expect(spread([])).toBeNull();
    expect(spread([Number.NaN])).toBeNull();
  });

  it('gives the lowest and highest value as the spread', () => {
    expect(spread([1.3, 0.9, 1.1])).toEqual({ min: 0.9, max: 1.3 });
  });

  it('divides round by round, then takes the median and spread of those ratios, not of the raw figures', () => {
    // Round 2 ran on a busy machine: both contestants slower, the ratio about the same.
    const ours = [100, 300, 110];
    const peer = [50, 200, 50];
    const ratios = roundRatios(ours, peer);
    expect(ratios.perRound).toEqual([2, 1.5, 2.2]);
    expect(ratios.median).toBe(2);
    expect(ratios.spread).toEqual({ min: 1.5, max: 2.2 });
    expect(median(ours) / median(peer)).not.toBe(ratios.median);
  });

  it('refuses ratios of rounds that do not pair up', () => {
    expect(() => roundRatios([1, 2], [1])).toThrow(/as many/);
  });

  it('rotates the contestant order by one each round, so each runs first once per cycle', () => {
    const contestants = ['ours', 'rawCypher', 'neo4jGraphql'];
    expect(rotate(contestants, 0)).toEqual(['ours', 'rawCypher', 'neo4jGraphql']);
    expect(rotate(contestants, 1)).toEqual(['rawCypher', 'neo4jGraphql', 'ours']);
    expect(rotate(contestants, 2)).toEqual(['neo4jGraphql', 'ours', 'rawCypher']);
    expect(rotate(contestants, 3)).toEqual(contestants);
    expect(contestants).toEqual(['ours', 'rawCypher', 'neo4jGraphql']);
  });
});

describe('bench CPU accounting from /proc/<pid>/stat', () => {
  // A real line's shape; the command name holds a space and a parenthesis, which must not shift the fields.
  const statLine = (utime: number, stime: number) =>
    `4242 (java (Neo4j) x) S 1 4242 4242 0 -1 4194560 9075 0 0 0 ${utime} ${stime} 7 3 20 0 61 0 123456 4096000000 120000 18446744073709551615 1 1 0 0 0 0 0 4096 17663 0 0 0 17 1 0 0 0 0 0`;

  it('reads utime + stime (fields 14 and 15), counting fields after the command name', () => {
    expect(parseProcStat(statLine(1500, 250))).toBe(1750);
  });

  it('rejects a line that is not a stat line', () => {
    expect(() => parseProcStat('no parentheses here')).toThrow(/not a \/proc/);
    expect(() => parseProcStat('1 (x) S 1 2')).toThrow(/no utime/);
  });

  it('turns tick deltas into CPU milliseconds per request for each process, none where a contestant has no process', () => {
    const before = { jvm: parseProcStat(statLine(1000, 200)), api: null, loadGenerator: 300 };
    const after = { jvm: parseProcStat(statLine(1300, 300)), api: null, loadGenerator: 350 };
    // 400 JVM ticks at 100 Hz = 4 s over 2,000 requests = 2 ms each; 50 ticks = 0.5 s = 0.25 ms each.
    expect(cpuPerRequest(before, after, 2000, 100)).toEqual({ jvmMsPerRequest: 2, apiMsPerRequest: null, loadGeneratorMsPerRequest: 0.25 });
    expect(cpuPerRequest({ jvm: 0, api: 0, loadGenerator: 0 }, { jvm: 3, api: 1, loadGenerator: 1 }, 3, 1000)).toEqual({
      jvmMsPerRequest: 1,
      apiMsPerRequest: 0.333,
      loadGeneratorMsPerRequest: 0.333,
    });
  });

  it('has no per-request figure without requests, and refuses ticks that go backwards', () => {
    expect(cpuPerRequest({ jvm: 1, api: 1, loadGenerator: 1 }, { jvm: 2, api: 2, loadGenerator: 2 }, 0, 100)).toEqual({
      jvmMsPerRequest: null,
      apiMsPerRequest: null,
      loadGeneratorMsPerRequest: null,
    });
    expect(() => cpuPerRequest({ jvm: 10, api: null, loadGenerator: 1 }, { jvm: 5, api: null, loadGenerator: 1 }, 1, 100)).toThrow(/backwards/);
  });

  it('reads this process from /proc, and the count grows as it burns CPU', () => {
    const before = readCpuTicks('self');
    const ticks = clockTicksPerSecond();
    const until = performance.now() + (3 * 1000) / ticks + 50;
    let spin = 0;
    while (performance.now() < until) spin += Math.sqrt(spin + 1);
    expect(spin).toBeGreaterThan(0);
    expect(readCpuTicks('self')).toBeGreaterThan(before);
  });
});

describe('bench server-side split', () => {
  it('sums the statements of one request, then takes the median of each figure over requests', () => {
    const request = sumTimings([
      { resultAvailableAfterMs: 2, resultConsumedAfterMs: 5, driverMs: 9.5 },
      { resultAvailableAfterMs: 1, resultConsumedAfterMs: 0, driverMs: 1.5 },
    ]);
    expect(request).toEqual({ resultAvailableAfterMs: 3, resultConsumedAfterMs: 5, driverMs: 11 });
    const split = summarizeSplit([
      request,
      { resultAvailableAfterMs: 10, resultConsumedAfterMs: 1, driverMs: 20 },
      { resultAvailableAfterMs: 4, resultConsumedAfterMs: 2, driverMs: 8 },
    ]);
    expect(split).toEqual({ samples: 3, resultAvailableAfterMs: 4, resultConsumedAfterMs: 2, driverMs: 11 });
  });
});
