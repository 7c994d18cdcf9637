import { InvalidInputError, NetworkError, TimeoutError } from '../errors/error-classes.js';
import { redact } from '../errors/redact.js';
import type { VisionError } from '../errors/vision-error.js';

/** A transport failure, with whether the request may have reached the server. */
export interface ClassifiedFailure {
  error: VisionError;
  /** True when the failure happened while connecting, so no request byte was sent. */
  beforeSend: boolean;
}

// Failures that happen before a connection exists: nothing was sent, any request may be retried.
const CONNECT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);
const TIMEOUT_CODES: Record<string, string> = {
  UND_ERR_CONNECT_TIMEOUT: 'ConnectTimeout',
  UND_ERR_HEADERS_TIMEOUT: 'HeadersTimeout',
  UND_ERR_BODY_TIMEOUT: 'BodyTimeout',
};

function codeOf(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const e = err as { code?: unknown; errors?: unknown[]; cause?: unknown };
  if (typeof e.code === 'string') return e.code;
  // Happy-eyeballs connects fail with an AggregateError of per-address errors.
  if (Array.isArray(e.errors) && e.errors.length > 0) return codeOf(e.errors[0]);
  return e.cause ? codeOf(e.cause) : undefined;
}

/** Maps an undici/system error to TimeoutError, NetworkError or InvalidInputError (abort is handled by the caller). */
export function classifyFailure(err: unknown, operation: string, key: string): ClassifiedFailure {
  const code = codeOf(err) ?? 'NetworkError';
  const detail = redact(err instanceof Error && err.message ? err.message : code, key);
  const beforeSend = CONNECT_CODES.has(code);
  // undici refused to build the request (e.g. a header value it cannot send): retrying cannot help.
  if (
    code === 'UND_ERR_INVALID_ARG' ||
    code === 'ERR_INVALID_CHAR' ||
    code === 'ERR_INVALID_ARG_TYPE'
  ) {
    return {
      beforeSend: true,
      error: new InvalidInputError(`${operation}: the request could not be built (${detail})`, {
        code: 'InvalidRequest',
        operation,
      }),
    };
  }
  const timeoutCode = TIMEOUT_CODES[code];
  if (timeoutCode) {
    return {
      beforeSend,
      error: new TimeoutError(`${operation}: ${timeoutCode} (${detail})`, {
        code: timeoutCode,
        operation,
      }),
    };
  }
  return {
    beforeSend,
    error: new NetworkError(`${operation}: ${code} (${detail})`, { code, operation }),
  };
}
