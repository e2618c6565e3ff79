import cliProgress from 'cli-progress';

export interface ProgressSnapshot {
  /** What is being counted, e.g. "records". */
  unit: string;
  done: number;
  total: number;
  /** Where this run started counting (a resumed import starts past 0); the rate counts from here. */
  startedAt: number;
  elapsedMs: number;
}

/** "45,000/100,000 records (45%), 12,345 records/s, ETA 4s": rate and ETA from this run's own pace. */
export function describeProgress({ unit, done, total, startedAt, elapsedMs }: ProgressSnapshot): string {
  const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
  const perSecond = elapsedMs > 0 ? ((done - startedAt) * 1000) / elapsedMs : 0;
  const eta = done >= total ? 'done' : perSecond > 0 ? `ETA ${formatDuration((total - done) / perSecond)}` : 'ETA unknown';
  return `${count(done)}/${count(total)} ${unit} (${percent}%), ${count(Math.round(perSecond))} ${unit}/s, ${eta}`;
}

export function formatDuration(seconds: number): string {
  const whole = Math.ceil(seconds);
  if (whole < 60) return `${whole}s`;
  if (whole < 3600) return `${Math.floor(whole / 60)}m${String(whole % 60).padStart(2, '0')}s`;
  return `${Math.floor(whole / 3600)}h${String(Math.floor((whole % 3600) / 60)).padStart(2, '0')}m`;
}

const count = (value: number) => value.toLocaleString('en-US');

export interface ProgressDisplay {
  update(done: number, total: number): void;
  stop(): void;
}

/**
 * Progress of long work on stderr, drawn by cli-progress: a live bar on a terminal; elsewhere (logs, CI,
 * pipes) one line every `lineEveryMs` and a last one at the end.
 */
export function progressDisplay(
  label: string,
  unit: string,
  { stream = process.stderr, lineEveryMs = 5_000 }: { stream?: NodeJS.WriteStream; lineEveryMs?: number } = {},
): ProgressDisplay {
  let startedAt: number | undefined;
  let startTime = 0;
  const bar = new cliProgress.SingleBar({
    stream,
    noTTYOutput: true,
    notTTYSchedule: lineEveryMs,
    hideCursor: true,
    gracefulExit: false,
    // Off a terminal the last line already ends with a newline; on one, the finished bar stays.
    clearOnComplete: !stream.isTTY,
    format: (options, params) => {
      const text = describeProgress({
        unit,
        done: params.value,
        total: params.total,
        startedAt: startedAt ?? 0,
        elapsedMs: Date.now() - startTime,
      });
      return stream.isTTY ? `${label} ${cliProgress.Format.BarFormat(params.progress, options)} ${text}` : `${label}: ${text}`;
    },
  });
  return {
    update(done, total) {
      if (startedAt === undefined) {
        startedAt = done;
        startTime = Date.now();
        bar.start(total, done);
      } else {
        bar.setTotal(total);
        bar.update(done);
      }
    },
    stop() {
      if (startedAt !== undefined) bar.stop();
    },
  };
}
