import { checkNumber, invalidOption } from './check-option.js';
import { systemClock, type Clock } from './http/clock.js';
import { TokenBucket, type RateLimiter } from './http/rate-limiter.js';
import type {
  CircuitBreakerOptions,
  PollingOptions,
  RateLimitOptions,
  RetryOptions,
  TimeoutOptions,
  VisionClientOptions,
} from './options.js';

export interface ResolvedOptions {
  /** The endpoint's scheme, host and port. */
  endpointOrigin: string;
  /** The endpoint's own path without any API root ('' or '/prefix'); each request adds its root. */
  endpointPath: string;
  key: string;
  timeouts: Required<TimeoutOptions>;
  retry: Required<RetryOptions>;
  /** The limiter to ask before each attempt, if any. */
  rateLimiter: RateLimiter | undefined;
  maxConcurrency: number;
  maxQueue: number;
  maxResponseBytes: number;
  circuitBreaker: Required<CircuitBreakerOptions> | undefined;
  polling: Required<PollingOptions>;
}

export const DEFAULT_TIMEOUTS: Required<TimeoutOptions> = {
  connectMs: 10_000,
  headersMs: 30_000,
  bodyMs: 30_000,
};
export const DEFAULT_RETRY: Required<RetryOptions> = {
  maxRetries: 3,
  maxElapsedMs: 60_000,
  baseDelayMs: 500,
  maxDelayMs: 20_000,
};
export const DEFAULT_POLLING: Required<PollingOptions> = {
  initialDelayMs: 1_000,
  intervalMs: 1_000,
  minIntervalMs: 100,
  timeoutMs: 120_000,
};
export const DEFAULT_MAX_CONCURRENCY = 64;
export const DEFAULT_MAX_QUEUE = 1_000;
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;
export const DEFAULT_CIRCUIT_BREAKER: Required<CircuitBreakerOptions> = {
  failureThreshold: 5,
  openMs: 10_000,
};

function merge<T extends object>(
  name: string,
  defaults: Required<T>,
  given: T | undefined,
  mins: Record<keyof T, number>,
): Required<T> {
  const out = { ...defaults };
  for (const k of Object.keys(defaults) as (keyof T & string)[]) {
    const v = given?.[k];
    if (v !== undefined) out[k] = checkNumber(`${name}.${k}`, v, mins[k]) as Required<T>[typeof k];
  }
  return out;
}

/** Validates options once and fills in defaults. Throws InvalidInputError (code `InvalidOption`). */
export function resolveOptions(o: VisionClientOptions): ResolvedOptions {
  let url: URL;
  try {
    url = new URL(String(o.endpoint));
  } catch {
    throw invalidOption('endpoint', 'an absolute http(s) URL', o.endpoint);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw invalidOption('endpoint', 'an http(s) URL', url.protocol);
  if (typeof o.key !== 'string' || o.key.trim() === '')
    throw invalidOption('key', 'a non-empty string', o.key);
  // A header value cannot hold control characters; say so now rather than on every call.
  if (/[\u0000-\u001f\u007f]/.test(o.key))
    throw invalidOption('key', 'no control characters or line breaks', 'a key with them');
  return {
    // Accept an endpoint given with an API path already on it.
    endpointOrigin: url.origin,
    endpointPath: url.pathname
      .replace(/\/+$/, '')
      .replace(/\/(vision\/v3\.2|computervision)$/i, ''),
    key: o.key,
    timeouts: merge('timeouts', DEFAULT_TIMEOUTS, o.timeouts, {
      connectMs: 1,
      headersMs: 1,
      bodyMs: 1,
    }),
    retry: merge('retry', DEFAULT_RETRY, o.retry, {
      maxRetries: 0,
      maxElapsedMs: 0,
      baseDelayMs: 0,
      maxDelayMs: 0,
    }),
    rateLimiter: resolveRateLimit(
      o.rateLimit,
      o.clock ?? systemClock,
      o.maxQueue ?? DEFAULT_MAX_QUEUE,
    ),
    maxConcurrency: checkNumber(
      'maxConcurrency',
      o.maxConcurrency ?? DEFAULT_MAX_CONCURRENCY,
      1,
      true,
    ),
    maxQueue: checkNumber('maxQueue', o.maxQueue ?? DEFAULT_MAX_QUEUE, 0, true),
    maxResponseBytes: checkNumber(
      'maxResponseBytes',
      o.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
      1,
      true,
    ),
    circuitBreaker:
      o.circuitBreaker === false
        ? undefined
        : merge('circuitBreaker', DEFAULT_CIRCUIT_BREAKER, o.circuitBreaker, {
            failureThreshold: 1,
            openMs: 0,
          }),
    polling: resolvePolling(o.polling),
  };
}

export function resolvePolling(
  p: PollingOptions | undefined,
  base: Required<PollingOptions> = DEFAULT_POLLING,
): Required<PollingOptions> {
  return merge('polling', base, p, {
    initialDelayMs: 0,
    intervalMs: 0,
    minIntervalMs: 1,
    timeoutMs: 0,
  });
}

function resolveRateLimit(
  rl: VisionClientOptions['rateLimit'],
  clock: Clock,
  maxQueue: number,
): RateLimiter | undefined {
  if (!rl) return undefined;
  return typeof (rl as RateLimiter).acquire === 'function'
    ? (rl as RateLimiter)
    : new TokenBucket({ ...(rl as RateLimitOptions), clock, maxQueue });
}
