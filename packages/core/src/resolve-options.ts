import { InvalidInputError } from './errors/error-classes.js';
import type { PollingOptions, RetryOptions, TimeoutOptions, VisionClientOptions } from './options.js';

export interface ResolvedOptions {
  baseUrl: string;
  key: string;
  timeouts: Required<TimeoutOptions>;
  retry: Required<RetryOptions>;
  rateLimit: { requestsPerSecond: number; burst: number } | undefined;
  maxConcurrency: number;
  polling: Required<PollingOptions>;
}

export const DEFAULT_TIMEOUTS: Required<TimeoutOptions> = { connectMs: 10_000, headersMs: 30_000, bodyMs: 30_000 };
export const DEFAULT_RETRY: Required<RetryOptions> = { maxRetries: 3, maxElapsedMs: 60_000, baseDelayMs: 500, maxDelayMs: 20_000 };
export const DEFAULT_POLLING: Required<PollingOptions> = { initialDelayMs: 1_000, intervalMs: 1_000, timeoutMs: 120_000 };
export const DEFAULT_MAX_CONCURRENCY = 64;

function invalid(setting: string, expected: string, value: unknown): InvalidInputError {
  const shown = typeof value === 'number' || typeof value === 'boolean' ? String(value) : typeof value;
  return new InvalidInputError(`Invalid option ${setting}: expected ${expected}, got ${shown}`, { code: 'InvalidOption' });
}

/** Checks numeric settings once, naming the bad one; `min` is inclusive. */
export function checkNumber(setting: string, value: unknown, min: number, integer = false): number {
  const ok = typeof value === 'number' && !Number.isNaN(value) && value >= min && (!integer || Number.isInteger(value) || value === Infinity);
  if (!ok) throw invalid(setting, `${integer ? 'an integer' : 'a number'} >= ${min}`, value);
  return value;
}

function merge<T extends object>(name: string, defaults: Required<T>, given: T | undefined, mins: Record<keyof T, number>): Required<T> {
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
    throw invalid('endpoint', 'an absolute http(s) URL', o.endpoint);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalid('endpoint', 'an http(s) URL', url.protocol);
  if (typeof o.key !== 'string' || o.key.trim() === '') throw invalid('key', 'a non-empty string', o.key);
  const rl = o.rateLimit;
  return {
    baseUrl: `${url.origin}${url.pathname.replace(/\/+$/, '')}/vision/v3.2`,
    key: o.key,
    timeouts: merge('timeouts', DEFAULT_TIMEOUTS, o.timeouts, { connectMs: 1, headersMs: 1, bodyMs: 1 }),
    retry: merge('retry', DEFAULT_RETRY, o.retry, { maxRetries: 0, maxElapsedMs: 0, baseDelayMs: 0, maxDelayMs: 0 }),
    rateLimit: rl
      ? { requestsPerSecond: checkNumber('rateLimit.requestsPerSecond', rl.requestsPerSecond, Number.MIN_VALUE), burst: checkNumber('rateLimit.burst', rl.burst ?? 1, 1, true) }
      : undefined,
    maxConcurrency: checkNumber('maxConcurrency', o.maxConcurrency ?? DEFAULT_MAX_CONCURRENCY, 1, true),
    polling: resolvePolling(o.polling),
  };
}

export function resolvePolling(p: PollingOptions | undefined, base: Required<PollingOptions> = DEFAULT_POLLING): Required<PollingOptions> {
  return merge('polling', base, p, { initialDelayMs: 0, intervalMs: 0, timeoutMs: 0 });
}
