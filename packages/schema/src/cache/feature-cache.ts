/** One cached feature result. `value` may be `null` (the call succeeded and found nothing). */
export interface CachedFeature {
  value: unknown;
}

export interface InFlightClaim {
  /** Settles with the key's value (wrapped: an async function cannot return a bare promise). */
  pending: Promise<unknown>;
  owner: boolean;
}

export interface FeatureSetOptions {
  /** Time to live in ms; `undefined` keeps the entry until evicted (content-addressed uploads). */
  ttlMs?: number;
}

/**
 * The cross-request cache behind the loaders, one entry per (image, operation, feature, params).
 * Async so a shared store (Redis) can replace the in-memory default without touching resolvers.
 * Values are JSON-serialisable.
 */
export interface FeatureCache {
  /**
   * True for a cache that lives inside one request (no shared cache configured): every join of
   * its fetches comes from that request.
   */
  readonly requestScoped?: boolean;
  get(key: string): Promise<CachedFeature | undefined>;
  set(key: string, entry: CachedFeature, options?: FeatureSetOptions): Promise<void>;
  /**
   * Joins the fetch in flight for `key`, or registers `pending` as that fetch. Returns the promise
   * that will settle with the key's value, and `owner: true` when it is `pending` (the caller must
   * then fetch and settle it). The entry is dropped once it settles.
   */
  claim(key: string, pending: Promise<unknown>): Promise<InFlightClaim>;
}
