import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { describeProgress, formatDuration, progressDisplay } from '../../src/cli/progress.js';

describe('describeProgress', () => {
  it('gives count, percentage, rate and ETA from the pace of this run', () => {
    expect(describeProgress({ unit: 'records', done: 45_000, total: 100_000, startedAt: 0, elapsedMs: 9_000 })).toBe(
      '45,000/100,000 records (45%), 5,000 records/s, ETA 11s',
    );
    // A resumed run counts its rate from where it started, not from 0.
    expect(describeProgress({ unit: 'records', done: 60_000, total: 100_000, startedAt: 50_000, elapsedMs: 2_000 })).toBe(
      '60,000/100,000 records (60%), 5,000 records/s, ETA 8s',
    );
    expect(describeProgress({ unit: 'records', done: 0, total: 10, startedAt: 0, elapsedMs: 0 })).toBe('0/10 records (0%), 0 records/s, ETA unknown');
    expect(describeProgress({ unit: 'records', done: 10, total: 10, startedAt: 0, elapsedMs: 2_000 })).toBe('10/10 records (100%), 5 records/s, done');
    expect(describeProgress({ unit: 'records', done: 0, total: 0, startedAt: 0, elapsedMs: 5 })).toBe('0/0 records (100%), 0 records/s, done');
  });

  it('formats durations for people', () => {
    expect([formatDuration(0.2), formatDuration(59), formatDuration(61), formatDuration(3_725)]).toEqual(['1s', '59s', '1m01s', '1h02m']);
  });
});

describe('progressDisplay off a terminal', () => {
  afterEach(() => vi.useRealTimers());

  it('prints a line when it starts, one per interval while running, and a last one when stopped', () => {
    vi.useFakeTimers();
    const stream = Object.assign(new PassThrough(), { isTTY: false }) as unknown as NodeJS.WriteStream;
    let output = '';
    (stream as unknown as PassThrough).on('data', (chunk: Buffer) => (output += chunk.toString()));
    const display = progressDisplay('import', 'records', { stream, lineEveryMs: 1_000 });
    display.update(0, 100);
    display.update(40, 100);
    vi.advanceTimersByTime(2_000);
    display.update(100, 100);
    vi.advanceTimersByTime(500);
    display.stop();
    expect(output).toBe(
      [
        'import: 0/100 records (0%), 0 records/s, ETA unknown',
        'import: 40/100 records (40%), 40 records/s, ETA 2s',
        'import: 40/100 records (40%), 20 records/s, ETA 3s',
        'import: 100/100 records (100%), 40 records/s, done',
        '',
      ].join('\n'),
    );
  });
});
