import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { HeaderMap } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';

/**
 * The error codes clients can rely on. Everything thrown from resolvers is one of these
 * classes or becomes a masked INTERNAL_SERVER_ERROR.
 */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  AMBIGUOUS: 'AMBIGUOUS',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  LIMIT_EXCEEDED: 'LIMIT_EXCEEDED',
  TIMEOUT: 'TIMEOUT',
  RATE_LIMITED: 'RATE_LIMITED',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/**
 * An error that is a message and a code, for refusals made outside a resolver: by the HTTP layer, a plugin, the
 * WebSocket server. Every error answer this API builds by hand is built here.
 */
export function codedError(message: string, code: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code } });
}

/** The JSON body of an answer that is one coded error, shaped as Apollo shapes its own: `{ errors: [{ message, extensions: { code } }] }`. */
export function errorBody(message: string, code: string): { errors: GraphQLFormattedError[] } {
  return { errors: [codedError(message, code).toJSON()] };
}

/** Our errors: the code is given once, and becomes both `code` and `extensions.code`. */
abstract class PartnergraphError extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    message: string,
    extensions: Record<string, unknown> = {},
  ) {
    super(message, { extensions: { code, ...extensions } });
  }
}

export class BadUserInputError extends PartnergraphError {
  constructor(message: string, field?: string, details: Record<string, unknown> = {}) {
    super(ErrorCode.BAD_USER_INPUT, message, { ...(field ? { field } : {}), ...details });
  }
}

/** A string argument longer than its cap (src/config/limits.ts), refused before any Cypher runs. */
export class TooLongError extends BadUserInputError {
  constructor(argument: string, maxLength: number, length: number) {
    // Raised by the guard rails before execution, where Apollo would answer 500 without a status.
    super(`${argument} is ${length} characters long, over the limit of ${maxLength}`, argument, {
      maxLength,
      http: { status: 400 },
    });
  }
}

/** Throws BAD_USER_INPUT naming `field` unless `value` is an integer from `min` to `max`. */
export function checkRange(value: number, min: number, max: number, field: string): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new BadUserInputError(`${field} must be between ${min} and ${max}`, field);
  }
}

export class NotFoundError extends PartnergraphError {
  constructor(message: string, id?: string) {
    super(ErrorCode.NOT_FOUND, message, { ...(id ? { id } : {}) });
  }
}

/** A write that would overwrite something else: an id derived from a name that another entity's name already gave. */
export class ConflictError extends PartnergraphError {
  constructor(message: string, field: string, id: string) {
    super(ErrorCode.CONFLICT, message, { field, id });
  }
}

/** A lookup by name that matches more than one entity: the caller names one of the candidates by id instead. */
export class AmbiguousLookupError extends PartnergraphError {
  constructor(name: string, candidates: ReadonlyArray<{ id: string; name: string }>) {
    super(ErrorCode.AMBIGUOUS, `"${name}" names ${candidates.length} entities: ${candidates.map(({ id }) => id).join(', ')}; look one up by id`, {
      candidates: candidates.map(({ id, name: candidateName }) => ({ id, name: candidateName })),
    });
  }
}

/** A write without a recognised API key. */
export class UnauthenticatedError extends PartnergraphError {
  constructor(message = 'This operation needs an API key: send "Authorization: Bearer <key>".') {
    super(ErrorCode.UNAUTHENTICATED, message);
  }
}

/** A recognised API key whose role may not do this. */
export class ForbiddenError extends PartnergraphError {
  constructor(message: string) {
    super(ErrorCode.FORBIDDEN, message);
  }
}

export class ServiceUnavailableError extends PartnergraphError {
  constructor(message = 'The graph database is unavailable; try again shortly.') {
    super(ErrorCode.SERVICE_UNAVAILABLE, message);
  }
}

/** A read past its Neo4j transaction timeout, or a request past its deadline. */
export class TimeoutError extends PartnergraphError {
  constructor(message = 'The request took too long and was stopped; narrow it down or try again.') {
    super(ErrorCode.TIMEOUT, message);
  }
}

/** More operations than a client may send per minute; `retryAfterSeconds` says when to try again. */
export class RateLimitedError extends PartnergraphError {
  constructor(limit: string, retryAfterSeconds: number) {
    super(ErrorCode.RATE_LIMITED, `Too many ${limit} from this client; retry after ${retryAfterSeconds} s.`, {
      retryAfterSeconds,
      http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfterSeconds)]]) },
    });
  }
}

/**
 * An operation over one of the guard rails (src/config/limits.ts), rejected before it executes.
 * `limit` names it: "depth", "aliases", "complexity", or a size argument such as "Query.graph.depth".
 */
export class LimitExceededError extends PartnergraphError {
  constructor(limit: string, max: number, actual: number) {
    // Apollo takes `http` out of the extensions and answers with its status.
    super(ErrorCode.LIMIT_EXCEEDED, `${limit} is ${actual}, over the limit of ${max}`, { limit, max, actual, http: { status: 400 } });
  }
}

/**
 * Client mistakes that libraries report without a code, and the code they get. Without one they would be
 * masked as INTERNAL_SERVER_ERROR and logged as our fault, stack and all.
 */
const UNCODED_CLIENT_ERRORS: ReadonlyArray<{ matches: (error: GraphQLError) => boolean; code: ErrorCode | 'BAD_REQUEST' }> = [
  // Apollo's persisted-query check ("provided sha does not match query") and any other refusal it gives an
  // HTTP 4xx status but no code.
  { matches: (error) => httpStatusOf(error) >= 400 && httpStatusOf(error) < 500, code: 'BAD_REQUEST' },
  // graphql-query-complexity stops walking a document past its node budget (a fragment bomb).
  { matches: (error) => error.message === 'Query exceeds the maximum allowed number of nodes.', code: ErrorCode.LIMIT_EXCEEDED },
];

function httpStatusOf(error: GraphQLError): number {
  const status = (error.extensions?.http as { status?: unknown } | undefined)?.status;
  return typeof status === 'number' ? status : 0;
}

/**
 * The code an error thrown anywhere in a request answers with: its own, the one a library's uncoded client
 * error gets, or INTERNAL_SERVER_ERROR. What the formatter answers and what the request log counts.
 */
export function codeOfError(error: unknown): string {
  const original = unwrapResolverError(error);
  if (original instanceof PartnergraphError) return original.code;
  const candidates = [error, original].filter((candidate): candidate is GraphQLError => candidate instanceof GraphQLError);
  for (const candidate of candidates) {
    const code = candidate.extensions?.code;
    if (typeof code === 'string' && code !== ErrorCode.INTERNAL_SERVER_ERROR) return code;
    const uncoded = UNCODED_CLIENT_ERRORS.find(({ matches }) => matches(candidate));
    if (uncoded) return uncoded.code;
  }
  return ErrorCode.INTERNAL_SERVER_ERROR;
}

/** Codes Apollo Server and graphql-js assign themselves, passed through unchanged. */
const CLIENT_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.LIMIT_EXCEEDED,
]);

/**
 * Apollo's formatError hook: keeps our coded errors and Apollo's client-error codes, and masks
 * anything else as INTERNAL_SERVER_ERROR so no stack trace or Cypher text leaks in production.
 */
export function createErrorFormatter(options: { exposeInternals: boolean }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof PartnergraphError) {
      const { http: _http, ...extensions } = original.extensions;
      return { ...formatted, extensions };
    }
    const code = CLIENT_ERROR_CODES.has(String(formatted.extensions?.code)) ? String(formatted.extensions?.code) : codeOfError(error);
    if (CLIENT_ERROR_CODES.has(code)) {
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions: { ...(options.exposeInternals ? formatted.extensions : extensions), code } };
    }
    return {
      message: options.exposeInternals && original instanceof Error ? original.message : 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}

export function errorCodeOf(formatted: GraphQLFormattedError): string {
  const code = formatted.extensions?.code;
  return typeof code === 'string' ? code : ErrorCode.INTERNAL_SERVER_ERROR;
}
