import { VisionError, type VisionErrorDetails } from './vision-error.js';

type Details = Partial<VisionErrorDetails>;

/** 401/403: the key is missing, wrong, or not valid for this endpoint. */
export class AuthenticationError extends VisionError {
  override name = 'AuthenticationError';
  constructor(message: string, details: Details = {}) {
    super('authentication', message, { code: 'Unauthorized', ...details });
  }
}

/** 429 that persisted after the allowed retries; `retryAfterMs` says when to try again. */
export class RateLimitError extends VisionError {
  override name = 'RateLimitError';
  constructor(message: string, details: Details = {}) {
    super('rate_limit', message, { code: 'TooManyRequests', ...details });
  }
}

/** Connect, headers or body timeout (code `ConnectTimeout`, `HeadersTimeout`, `BodyTimeout`). */
export class TimeoutError extends VisionError {
  override name = 'TimeoutError';
  constructor(message: string, details: Details = {}) {
    super('timeout', message, { code: 'Timeout', ...details });
  }
}

/** The connection failed: refused, reset, closed, DNS (code is the system code, e.g. `ECONNREFUSED`). */
export class NetworkError extends VisionError {
  override name = 'NetworkError';
  constructor(message: string, details: Details = {}) {
    super('network', message, { code: 'NetworkError', ...details });
  }
}

/** The request was rejected as invalid, by Azure (400/404/415) or before sending. */
export class InvalidInputError extends VisionError {
  override name = 'InvalidInputError';
  constructor(message: string, details: Details = {}) {
    super('invalid_input', message, { code: 'InvalidInput', ...details });
  }
}

/** 5xx after retries, or a response the client could not understand. */
export class UpstreamError extends VisionError {
  override name = 'UpstreamError';
  constructor(message: string, details: Details = {}) {
    super('upstream', message, { code: 'UpstreamError', ...details });
  }
}

/** The caller's AbortSignal fired. */
export class AbortError extends VisionError {
  override name = 'AbortError';
  constructor(message = 'The operation was aborted', details: Details = {}) {
    super('aborted', message, { code: 'Aborted', ...details });
  }
}

/** A read operation finished with status `failed`. */
export class ReadFailedError extends VisionError {
  override name = 'ReadFailedError';
  readonly operationId: string;
  constructor(operationId: string, details: Details = {}) {
    super('upstream', `Read operation ${operationId} failed`, { code: 'ReadFailed', ...details });
    this.operationId = operationId;
  }
}

/** A read operation did not finish before the polling deadline. */
export class PollingTimeoutError extends VisionError {
  override name = 'PollingTimeoutError';
  readonly operationId: string;
  constructor(operationId: string, timeoutMs: number, details: Details = {}) {
    super('timeout', `Read operation ${operationId} did not finish within ${timeoutMs} ms`, {
      code: 'PollingTimeout',
      ...details,
    });
    this.operationId = operationId;
  }
}

/**
 * The circuit breaker is open: recent attempts to the upstream kept failing, so this call fails
 * at once (code `CircuitOpen`) instead of waiting out timeouts. `retryAfterMs` says when a probe
 * may go again.
 */
export class CircuitOpenError extends VisionError {
  override name = 'CircuitOpenError';
  constructor(operation: string, retryAfterMs: number) {
    super('network', `${operation}: the upstream is failing; calls are paused (circuit open)`, {
      code: 'CircuitOpen',
      operation,
      retryAfterMs,
      attempts: 0,
    });
  }
}

/**
 * Too many calls are already waiting for a concurrency slot (`maxQueue`): this one fails at once
 * (code `QueueFull`) instead of waiting without bound.
 */
export class QueueFullError extends VisionError {
  override name = 'QueueFullError';
  /** `retryAfterMs`: when the queue will have room again, if the limiter can tell. */
  constructor(operation: string, maxQueue: number, retryAfterMs?: number) {
    super('rate_limit', `${operation}: ${maxQueue} calls are already waiting; try again later`, {
      code: 'QueueFull',
      operation,
      attempts: 0,
      ...(retryAfterMs !== undefined && { retryAfterMs }),
    });
  }
}
