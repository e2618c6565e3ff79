import { createLogger, type Logger } from '../../src/server/logger.js';

export interface CapturedLog {
  log: Logger;
  /** Every line written so far, parsed. */
  entries(): Array<Record<string, unknown> & { level: number; msg?: string }>;
  /** Bytes written so far. */
  bytes(): number;
}

/** The app's own logger (its truncation included), writing into memory instead of stdout. */
export function captureLog(level = 'info'): CapturedLog {
  const lines: string[] = [];
  const log = createLogger(level, { write: (line: string) => void lines.push(line) });
  return {
    log,
    entries: () => lines.map((line) => JSON.parse(line)),
    bytes: () => lines.reduce((sum, line) => sum + Buffer.byteLength(line), 0),
  };
}
