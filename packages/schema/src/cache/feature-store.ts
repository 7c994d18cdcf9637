import type { FeatureCache } from './feature-cache.js';
import { type Flight, join, newFlight, registerFlight } from './shared-flight.js';

/**
 * Fetches the values of the given cache keys, typically with one upstream call. `signal` fires
 * when no request waits for any of them any more: pass it to the upstream call. A key the call
 * could not answer while the others were answered gets a `FailedKey`.
 */
export type FetchMissing = (
  missing: string[],
  signal: AbortSignal,
) => Promise<Map<string, unknown>>;

/** The value of a key that failed on its own: that key rejects with `error` and is not cached. */
export class FailedKey {
  constructor(readonly error: unknown) {}
}

interface Deferred {
  promise: Promise<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

function deferred(): Deferred {
  let resolve!: (v: unknown) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<unknown>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // Joiners and the owner observe it; this keeps a failure nobody joined from being "unhandled".
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

/**
 * Resolves each key from the cache, from a fetch already in flight (this request's or another's),
 * or, for the keys left, from one call to `fetchMissing`. Returns one promise per key, in order.
 * Extra keys `fetchMissing` returns (e.g. metadata that came along) are cached too.
 * `signal` is the request's: when it fires the request's promises reject at once, and a fetch
 * nobody else waits for is aborted.
 */
export async function resolveKeys(
  cache: FeatureCache,
  keys: readonly string[],
  fetchMissing: FetchMissing,
  ttlMs: number | undefined,
  signal?: AbortSignal,
): Promise<Promise<unknown>[]> {
  // Nobody waits any more: claim nothing, fetch nothing.
  if (signal?.aborted) return keys.map(() => join(Promise.resolve(null), signal));
  const hits = await Promise.all(keys.map((key) => cache.get(key)));
  const results: Promise<unknown>[] = [];
  // Every promise handed to claim(), so a throw anywhere below settles them all: a joiner in this
  // process or a later request for the same key must never wait on a claim nobody will settle.
  const registered: Deferred[] = [];
  const owned = new Map<string, Deferred>();
  const flight = newFlight(cache.requestScoped ? signal : undefined);
  try {
    for (const [i, key] of keys.entries()) {
      const hit = hits[i];
      if (hit !== undefined) {
        results.push(Promise.resolve(hit.value));
        continue;
      }
      const mine = deferred();
      registered.push(mine);
      registerFlight(mine.promise, flight);
      const claim = await cache.claim(key, mine.promise);
      if (claim.owner) owned.set(key, mine);
      results.push(join(claim.pending, signal));
    }
    // A fetch may have finished between our miss and our claim: look once more before calling.
    const late = await Promise.all(
      [...owned.keys()].map(async (key) => [key, await cache.get(key)] as const),
    );
    for (const [key, hit] of late) {
      if (hit === undefined) continue;
      owned.get(key)?.resolve(hit.value);
      owned.delete(key);
    }
  } catch (error) {
    for (const d of registered) d.reject(error);
    throw error;
  }
  // fetchOwned settles every owned key itself; the catch only keeps a bug from leaving them pending.
  if (owned.size > 0)
    fetchOwned(cache, owned, fetchMissing, ttlMs, flight).catch((error: unknown) => {
      for (const d of owned.values()) d.reject(error);
    });
  return results;
}

async function fetchOwned(
  cache: FeatureCache,
  owned: Map<string, Deferred>,
  fetchMissing: FetchMissing,
  ttlMs: number | undefined,
  flight: Flight,
): Promise<void> {
  try {
    const values = await fetchMissing([...owned.keys()], flight.signal);
    const options = ttlMs === undefined ? {} : { ttlMs };
    // Cache first, then settle: a request arriving in between finds the entry instead of
    // refetching. Every owned key is cached, as null when the response lacked it, except a
    // FailedKey; a failed write (even one that throws synchronously) only costs a refetch.
    const entries = new Map([...owned.keys()].map((key) => [key, null as unknown]));
    for (const [key, value] of values) {
      if (value instanceof FailedKey) entries.delete(key);
      else entries.set(key, value ?? null);
    }
    await Promise.all(
      [...entries].map(([key, value]) =>
        Promise.resolve()
          .then(() => cache.set(key, { value }, options))
          .catch(() => undefined),
      ),
    );
    flight.settled = true;
    for (const [key, d] of owned) {
      const value = values.get(key);
      if (value instanceof FailedKey) d.reject(value.error);
      else d.resolve(value ?? null);
    }
  } catch (error) {
    flight.settled = true;
    // Failures are not cached: the next request tries again. Settled deferreds ignore this.
    for (const d of owned.values()) d.reject(error);
  }
}
