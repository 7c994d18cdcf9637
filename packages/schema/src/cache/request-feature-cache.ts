import type { CachedFeature, FeatureCache } from './feature-cache.js';

/**
 * The cache of one request when no shared cache is configured: plain maps that live as long as
 * the request, so parts fetched together (an analyze's metadata) still serve later fields. No LRU,
 * byte accounting or TTL: the request ends long before any of them would matter, and building an
 * LRU and sizing every entry as JSON cost ~36 µs per request.
 */
export function createRequestFeatureCache(): FeatureCache {
  const entries = new Map<string, CachedFeature>();
  const inFlight = new Map<string, Promise<unknown>>();
  return {
    requestScoped: true,
    async get(key) {
      return entries.get(key);
    },
    async set(key, entry) {
      entries.set(key, entry);
    },
    async claim(key, pending) {
      const existing = inFlight.get(key);
      if (existing) return { pending: existing, owner: false };
      inFlight.set(key, pending);
      // As in the shared cache: a failed fetch is not joined later, the next batch tries again.
      const drop = () => inFlight.delete(key);
      pending.then(drop, drop);
      return { pending, owner: true };
    },
  };
}
