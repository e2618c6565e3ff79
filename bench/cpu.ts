import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

/** CPU time a process has used so far, user plus system, in clock ticks, all threads (from /proc/<pid>/stat). */
export type CpuTicks = number;

/**
 * Fields 14 and 15 of /proc/<pid>/stat, utime and stime, summed. The second field (the command name)
 * is in parentheses and may itself hold spaces or parentheses, so fields are counted after its last ')'.
 */
export function parseProcStat(stat: string): CpuTicks {
  const close = stat.lastIndexOf(')');
  if (close < 0) throw new Error(`not a /proc/<pid>/stat line: ${stat.slice(0, 80)}`);
  // After ") ": field 3 (state) is index 0, so field n is index n - 3.
  const fields = stat
    .slice(close + 2)
    .trim()
    .split(/\s+/);
  const utime = Number(fields[14 - 3]);
  const stime = Number(fields[15 - 3]);
  if (!Number.isInteger(utime) || !Number.isInteger(stime)) throw new Error(`no utime/stime in /proc/<pid>/stat: ${stat.slice(0, 80)}`);
  return utime + stime;
}

export function readCpuTicks(pid: number | 'self'): CpuTicks {
  return parseProcStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
}

/** Clock ticks per second of /proc's times (USER_HZ), 100 on nearly every Linux. */
export function clockTicksPerSecond(): number {
  const answer = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout);
  return Number.isInteger(answer) && answer > 0 ? answer : 100;
}

/** The processes whose CPU the bench accounts for; null where a contestant has no such process. */
export type CpuRole = 'jvm' | 'api' | 'loadGenerator';
export type CpuSample = Record<CpuRole, CpuTicks | null>;

export interface CpuPerRequest {
  /** Neo4j's JVM, shared by all contestants: only one runs at a time. */
  jvmMsPerRequest: number | null;
  /** The contestant's own API process; null for raw Cypher, whose driver runs in the load generator. */
  apiMsPerRequest: number | null;
  /** The bench process: HTTP client, or for raw Cypher the driver (decoding every record) too. */
  loadGeneratorMsPerRequest: number | null;
}

/**
 * CPU milliseconds per request of each process between two samples taken around a timed window.
 * Ticks are coarse (10 ms at 100 Hz), so a window must hold many ticks for the figure to mean much;
 * the timed windows of the bench are seconds long.
 */
export function cpuPerRequest(before: CpuSample, after: CpuSample, requests: number, ticksPerSecond: number): CpuPerRequest {
  const perRequest = (role: CpuRole): number | null => {
    const start = before[role];
    const end = after[role];
    if (start === null || end === null || requests <= 0) return null;
    if (end < start) throw new Error(`CPU ticks of ${role} went backwards (${start} -> ${end}): was the process replaced?`);
    return Math.round((((end - start) * 1000) / ticksPerSecond / requests) * 1000) / 1000;
  };
  return { jvmMsPerRequest: perRequest('jvm'), apiMsPerRequest: perRequest('api'), loadGeneratorMsPerRequest: perRequest('loadGenerator') };
}
