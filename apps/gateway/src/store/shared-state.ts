import type { RateLimiter } from '@visiongraph/core';
import { createMemoryFeatureCache, type FeatureCache } from '@visiongraph/schema';
import {
  type CreateGatewayOptions,
  DEFAULT_EXECUTION_TIMEOUT_MS,
} from '../config/gateway-options.js';
import type { Logger } from '../log/logger.js';
import { createRedisFeatureCache, type LeaseObserver } from './redis-feature-cache.js';
import { createRedisStore, type RedisStore, type StoreObserver } from './redis-store.js';
import { createSharedRateLimiter } from './shared-rate-limiter.js';
import { createWindowLimiter } from './window-limiter.js';

export interface SharedStateObservers extends StoreObserver, LeaseObserver {
  /** A call waited `ms` for the upstream rate limit. */
  rateLimitWait(ms: number): void;
}

/** The state replicas may share: in this process, or on Redis when `options.store` is set. */
export interface SharedState {
  /** The cross-request feature cache; `undefined` when `cache: false`. */
  cache: FeatureCache | undefined;
  /** The upstream limit of `maxUpstreamRps`; `undefined` for none. */
  rateLimiter: RateLimiter | undefined;
  store: RedisStore | undefined;
  close(): Promise<void>;
}

/**
 * `maxUpstreamRps` as a sliding window: `limit` sends per `windowMs`. Whole rates keep a
 * one-second window (4/s = 4 per second); fractional ones stretch it (0.33/s = 1 per 3030 ms).
 */
export function rateWindow(maxPerSecond: number): { limit: number; windowMs: number } {
  const limit = Math.max(1, Math.floor(maxPerSecond));
  return { limit, windowMs: Math.round((limit / maxPerSecond) * 1000) };
}

export function createSharedState(
  options: Pick<CreateGatewayOptions, 'cache' | 'store' | 'maxUpstreamRps' | 'executionTimeoutMs'>,
  logger: Logger,
  observers?: SharedStateObservers,
): SharedState {
  const store = options.store ? createRedisStore(options.store, logger, observers) : undefined;
  let cache: FeatureCache | undefined;
  if (options.cache !== false) {
    cache = store
      ? createRedisFeatureCache(store, observers ? { observer: observers } : {})
      : createMemoryFeatureCache();
  }
  let rateLimiter: RateLimiter | undefined;
  if (options.maxUpstreamRps !== undefined) {
    const { limit, windowMs } = rateWindow(options.maxUpstreamRps);
    const onWait = observers && ((ms: number) => observers.rateLimitWait(ms));
    // A send slot the request cannot reach before its execution timeout is refused at once.
    const maxWaitMs = options.executionTimeoutMs ?? DEFAULT_EXECUTION_TIMEOUT_MS;
    rateLimiter = store
      ? createSharedRateLimiter(store, limit, windowMs, onWait, maxWaitMs)
      : createWindowLimiter(limit, windowMs, onWait, maxWaitMs);
  }
  return {
    cache,
    rateLimiter,
    store,
    close: async () => store?.close(),
  };
}
