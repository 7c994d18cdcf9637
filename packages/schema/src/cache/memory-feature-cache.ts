import { LRUCache } from 'lru-cache';
import type { CachedFeature, FeatureCache, FeatureSetOptions } from './feature-cache.js';

export interface MemoryFeatureCacheOptions {
  /**
   * Upper bound of the cache in bytes (the JSON size of each entry plus its key).
   * @default 64 * 1024 * 1024 // 64 MiB
   */
  maxBytes?: number;
  /** Milliseconds clock the TTLs are measured on; tests pass a virtual one. @default performance.now */
  now?: () => number;
}

/** Approximate bytes an entry holds in memory: UTF-8 JSON of its value, plus its key. */
export function entrySize(key: string, entry: CachedFeature): number {
  return Buffer.byteLength(key) + Buffer.byteLength(JSON.stringify(entry.value ?? null));
}

/** In-process FeatureCache: a byte-bounded LRU with per-entry TTL and a map of fetches in flight. */
export function createMemoryFeatureCache(options: MemoryFeatureCacheOptions = {}): FeatureCache & {
  /** Bytes currently held. */
  readonly size: number;
} {
  const maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  if (!Number.isInteger(maxBytes) || maxBytes <= 0) {
    throw new RangeError(`maxBytes must be a positive integer, got ${maxBytes}`);
  }
  const clock = options.now;
  const lru = new LRUCache<string, CachedFeature>({
    maxSize: maxBytes,
    sizeCalculation: (entry, key) => Math.max(1, entrySize(key, entry)),
    // An injected clock is read on every check (lru-cache otherwise reuses a reading for 1 ms).
    ...(clock && { perf: { now: clock }, ttlResolution: 0 }),
  });
  const inFlight = new Map<string, Promise<unknown>>();

  return {
    get size() {
      return lru.calculatedSize;
    },
    async get(key) {
      return lru.get(key);
    },
    async set(key, entry, setOptions: FeatureSetOptions = {}) {
      // An entry bigger than the whole cache is skipped by lru-cache; that is the intended bound.
      lru.set(key, entry, setOptions.ttlMs === undefined ? {} : { ttl: setOptions.ttlMs });
    },
    async claim(key, pending) {
      const existing = inFlight.get(key);
      if (existing) return { pending: existing, owner: false };
      inFlight.set(key, pending);
      // Both handlers: a rejection here must not surface as unhandled, the owner reports it.
      const drop = () => {
        if (inFlight.get(key) === pending) inFlight.delete(key);
      };
      pending.then(drop, drop);
      return { pending, owner: true };
    },
  };
}
