import { pino, stdSerializers, type DestinationStream, type Logger } from 'pino';
import { LOG_LIMITS } from '../config/limits.js';

export type { Logger };

/**
 * Structured JSON logs on stdout (or `destination`), one object per line. Every string in a line is cut to
 * LOG_LIMITS.stringChars, whoever logs it: a client controls some of them (an operation name, a Cypher error
 * quoting its input), and a log is only worth keeping if a client cannot fill the disk with it.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'partnergraph' },
    formatters: { log: (object: Record<string, unknown>) => bounded(object, 0) as Record<string, unknown> },
    // The formatter has serialised every error already; pino's own would take the copy for an error of type Object.
    serializers: { err: (value: unknown) => value },
    hooks: {
      logMethod(this: Logger, args: Parameters<Logger['info']>, method: (...args: unknown[]) => void) {
        method.apply(
          this,
          args.map((arg) => (typeof arg === 'string' ? truncated(arg) : arg)),
        );
      },
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

/** A copy of `value` with every string truncated and every error serialised as pino would, to a bounded depth. */
function bounded(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return truncated(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= LOG_LIMITS.depth) return '[nested too deep]';
  if (value instanceof Date) return value;
  if (value instanceof Error) return bounded({ ...stdSerializers.err(value) }, depth + 1);
  if (Array.isArray(value)) return value.slice(0, LOG_LIMITS.arrayItems).map((item) => bounded(item, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, bounded(inner, depth + 1)]));
}

function truncated(text: string): string {
  const max = LOG_LIMITS.stringChars;
  return text.length <= max ? text : `${text.slice(0, max)}… [${text.length - max} more characters]`;
}
