import type { Dispatcher } from 'undici';
import type { VisionError } from './errors/vision-error.js';
import type { Clock } from './http/clock.js';
import type { CircuitBreakerOptions } from './http/circuit-breaker.js';
import type { RateLimiter } from './http/rate-limiter.js';

export type { CircuitBreakerOptions };

/** Per-attempt timeouts, in milliseconds. */
export interface TimeoutOptions {
  /** TCP/TLS connect. Ignored when you pass your own `dispatcher`. @default 10_000 */
  connectMs?: number;
  /** From sending the request until the response headers arrive. @default 30_000 */
  headersMs?: number;
  /** Maximum gap between two chunks of the response body. @default 30_000 */
  bodyMs?: number;
}

/** Retry policy for 429, 5xx and connection failures (exponential backoff with full jitter). */
export interface RetryOptions {
  /** Retries after the first attempt; 0 disables retrying. @default 3 */
  maxRetries?: number;
  /** No retry starts if it would end later than this after the first attempt began. @default 60_000 */
  maxElapsedMs?: number;
  /** Backoff base: attempt n waits a random time in [0, min(maxDelayMs, baseDelayMs * 2^(n-1))]. @default 500 */
  baseDelayMs?: number;
  /**
   * Upper bound of one backoff delay. A server's `Retry-After` is honoured, plus a random spread
   * of up to max(baseDelayMs, 20% of it), at most maxDelayMs.
   * @default 20_000
   */
  maxDelayMs?: number;
}

/**
 * Client-side token bucket, applied to every upstream attempt (polls and retries included).
 * Azure quotas: F0 = 20 per minute (`RateLimitPresets.azureF0`), S1 = 10 to 20 per second
 * (`RateLimitPresets.azureS1`).
 */
export interface RateLimitOptions {
  /** Sustained rate. */
  requestsPerSecond: number;
  /** Requests allowed back to back before the rate applies. @default 1 */
  burst?: number;
}

/** How `readAndWait` polls `GET /read/analyzeResults/{id}`. */
export interface PollingOptions {
  /** Wait before the first poll. @default 1_000 */
  initialDelayMs?: number;
  /** Wait between polls, unless the service sends `Retry-After`. @default 1_000 */
  intervalMs?: number;
  /**
   * Shortest wait between polls whatever the service sends (`Retry-After: 0` must not become a
   * busy loop). @default 100
   */
  minIntervalMs?: number;
  /** Overall deadline from submission; then PollingTimeoutError. @default 120_000 */
  timeoutMs?: number;
}

/** One upstream HTTP attempt, reported after it ends. */
export interface AttemptEvent {
  /** Client method, e.g. `analyze`, `readResult`. */
  operation: string;
  method: string;
  /** Path and query (no secrets: the key travels in a header). */
  path: string;
  /** 1 for the first try, 2 for the first retry... */
  attempt: number;
  /** HTTP status, absent when no response arrived. */
  status?: number;
  durationMs: number;
  requestId?: string;
  error?: VisionError;
  willRetry: boolean;
  /** Delay before the next attempt, when `willRetry`. */
  delayMs?: number;
}

export interface VisionClientOptions {
  /** Base URL such as `https://myres.cognitiveservices.azure.com`, without `/vision/v3.2`. */
  endpoint: string | URL;
  /** Subscription key, sent as `Ocp-Apim-Subscription-Key`. Never logged or put in errors. */
  key: string;
  timeouts?: TimeoutOptions;
  retry?: RetryOptions;
  /**
   * Token bucket settings, or your own `RateLimiter` (e.g. shared between processes);
   * `false` or absent means no client-side rate limit. @default false
   */
  rateLimit?: RateLimitOptions | RateLimiter | false;
  /** Most upstream attempts in flight at once; also the pool's connection count. @default 64 */
  maxConcurrency?: number;
  /**
   * Most attempts waiting for a concurrency slot, and for the built-in rate limiter; beyond it
   * calls fail at once with QueueFullError (code `QueueFull`). @default 1_000
   */
  maxQueue?: number;
  /**
   * Largest response body read, in bytes; a bigger one fails the call with UpstreamError
   * (code `ResponseTooLarge`) without buffering the rest. @default 64 MiB
   */
  maxResponseBytes?: number;
  /**
   * Stop calling an upstream that keeps failing (CircuitOpenError, code `CircuitOpen`), then
   * let one probe through now and then. `false` turns it off.
   * @default { failureThreshold: 5, openMs: 10_000 }
   */
  circuitBreaker?: CircuitBreakerOptions | false;
  polling?: PollingOptions;
  /** Called after every upstream attempt; exceptions it throws are ignored. */
  onAttempt?: (event: AttemptEvent) => void;
  /**
   * undici dispatcher to send through (you keep ownership: `close()` leaves it open).
   * @default a keep-alive `Agent` owned by the client
   */
  dispatcher?: Dispatcher;
  /** Time source for delays; tests inject one. @default real time */
  clock?: Clock;
  /** Random source in [0, 1) for backoff jitter. @default Math.random */
  random?: () => number;
}

/** Rate limits matching Azure Computer Vision pricing tiers. */
export const RateLimitPresets = {
  /** Free tier: 20 transactions per minute, no burst. */
  azureF0: { requestsPerSecond: 20 / 60, burst: 1 },
  /** Standard tier: about 10 per second sustained (Azure allows up to 20). */
  azureS1: { requestsPerSecond: 10, burst: 10 },
} as const satisfies Record<string, RateLimitOptions>;

/** Options every method accepts. */
export interface CallOptions {
  /** Cancels the call (including queued waits, retries and polling) with AbortError. */
  signal?: AbortSignal;
  /** Sent as `model-version`, e.g. `latest` or `2021-05-01`. @default the service's "latest" */
  modelVersion?: string;
}
